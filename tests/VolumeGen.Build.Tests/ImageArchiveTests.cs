using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImageArchive = VolumeGen.Build.Containers.ImageArchive;
using TarEntry = System.Formats.Tar.TarEntry;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// The archive SDK container publishing writes (ContainerArchiveOutputPath, the docker load layout), completed by
/// VolumeGen, read back with System.Formats.Tar and System.Text.Json — independent readers. The engine test
/// SdkContainerPublishingTests loads a real one into Docker.
/// </summary>
public sealed class ImageArchiveTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[] Volumes = { "/app/data", "/var/lib/my app" };

    private string SdkArchive(string? user)
    {
        byte[] appLayer = Gzip(TarOf(("app/", null), ("app/App.dll", "dll")));
        string layerName = Hex(appLayer) + "/layer.tar";
        string userJson = user is null ? string.Empty : ",\"User\":\"" + user + "\"";
        string config = "{\"config\":{\"Env\":[\"APP_UID=1654\"],\"WorkingDir\":\"/app/\",\"Entrypoint\":[\"dotnet\",\"/app/App.dll\"]" + userJson + "},\"created\":\"2026-01-01T00:00:00Z\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + Hex(Gunzip(appLayer)) + "\"]},\"architecture\":\"amd64\",\"os\":\"linux\",\"history\":[{\"created_by\":\".NET SDK\"}]}";
        string configName = Hex(Encoding.UTF8.GetBytes(config)) + ".json";
        string manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"app:latest\"],\"Layers\":[\"" + layerName + "\"]}]";
        string path = _folder.File("image.tar");
        using (FileStream file = File.Create(path))
        using (var writer = new TarWriter(file, TarEntryFormat.Pax))
        {
            // Pax, as the SDK writes it: an extended header before every member, which must travel with its member.
            Add(writer, layerName, appLayer);
            Add(writer, configName, Encoding.UTF8.GetBytes(config));
            Add(writer, "manifest.json", Encoding.UTF8.GetBytes(manifest));
        }

        return path;
    }

    [Fact]
    public void Adds_the_volumes_and_a_layer_with_their_folders_owned_by_the_images_user()
    {
        string path = SdkArchive("1654");
        Dictionary<string, byte[]> before = Members(path);

        ImageArchive.Result result = ImageArchive.Complete(path, Volumes, "VolumeGen: VOLUME");

        Assert.True(result.AddedLayer);
        Dictionary<string, byte[]> after = Members(path);
        using JsonDocument manifest = JsonDocument.Parse(after["manifest.json"]);
        JsonElement image = manifest.RootElement[0];
        Assert.Equal("app:latest", image.GetProperty("RepoTags")[0].GetString());
        string configName = image.GetProperty("Config").GetString()!;
        Assert.Equal(Hex(after[configName]) + ".json", configName);
        string[] layers = image.GetProperty("Layers").EnumerateArray().Select(static l => l.GetString()!).ToArray();
        Assert.Equal(2, layers.Length);
        Assert.Equal(before[layers[0]], after[layers[0]]); // the SDK's layer is untouched
        Assert.Equal(Hex(after[layers[1]]) + "/layer.tar", layers[1]);

        using JsonDocument config = JsonDocument.Parse(after[configName]);
        JsonElement root = config.RootElement;
        Assert.Equal(Volumes, root.GetProperty("config").GetProperty("Volumes").EnumerateObject().Select(static p => p.Name).ToArray());
        Assert.Equal("1654", root.GetProperty("config").GetProperty("User").GetString());
        Assert.Equal("/app/", root.GetProperty("config").GetProperty("WorkingDir").GetString());
        string[] diffIds = root.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(static d => d.GetString()!).ToArray();
        byte[] added = Gunzip(after[layers[1]]);
        Assert.Equal("sha256:" + Hex(added), diffIds[1]);
        Assert.Equal(2, root.GetProperty("history").GetArrayLength());

        using var reader = new TarReader(new MemoryStream(added));
        var folders = new List<TarEntry>();
        while (reader.GetNextEntry() is TarEntry entry)
        {
            folders.Add(entry);
        }

        Assert.Equal(new[] { "app/data/", "var/lib/my app/" }, folders.Select(static f => f.Name));
        Assert.All(folders, f =>
        {
            Assert.Equal(TarEntryType.Directory, f.EntryType);
            Assert.Equal(1654, f.Uid);
            Assert.Equal(1654, f.Gid);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, f.Mode);
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("root")]
    public void A_root_image_gets_the_volumes_without_a_layer(string? user)
    {
        string path = SdkArchive(user);

        ImageArchive.Result result = ImageArchive.Complete(path, Volumes, "VolumeGen: VOLUME");

        Assert.False(result.AddedLayer);
        Dictionary<string, byte[]> after = Members(path);
        using JsonDocument manifest = JsonDocument.Parse(after["manifest.json"]);
        Assert.Equal(1, manifest.RootElement[0].GetProperty("Layers").GetArrayLength());
        using JsonDocument config = JsonDocument.Parse(after[manifest.RootElement[0].GetProperty("Config").GetString()!]);
        Assert.Equal(Volumes, config.RootElement.GetProperty("config").GetProperty("Volumes").EnumerateObject().Select(static p => p.Name).ToArray());
    }

    [Fact]
    public void A_user_without_a_numeric_id_is_refused_and_the_archive_is_unchanged()
    {
        string path = SdkArchive("builder");
        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<InvalidDataException>(() => ImageArchive.Complete(path, Volumes, "x"));

        Assert.Contains("'builder'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ContainerUser", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void The_oci_layout_is_refused_by_name()
    {
        string path = _folder.File("oci.tar");
        using (FileStream file = File.Create(path))
        using (var writer = new TarWriter(file, TarEntryFormat.Ustar))
        {
            Add(writer, "index.json", Encoding.UTF8.GetBytes("{\"schemaVersion\":2,\"manifests\":[]}"));
            Add(writer, "oci-layout", Encoding.UTF8.GetBytes("{\"imageLayoutVersion\":\"1.0.0\"}"));
        }

        var error = Assert.Throws<InvalidDataException>(() => ImageArchive.Complete(path, Volumes, "x"));

        Assert.Contains("ContainerImageFormat=OCI", error.Message, StringComparison.Ordinal);
    }

    private static void Add(TarWriter writer, string name, byte[] content)
        => writer.WriteEntry(writer.Format == TarEntryFormat.Pax
            ? new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) }
            : new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });

    private static Dictionary<string, byte[]> Members(string path)
    {
        var members = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using FileStream file = File.OpenRead(path);
        using var reader = new TarReader(file);
        while (reader.GetNextEntry() is TarEntry entry)
        {
            var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            members.Add(entry.Name, content.ToArray());
        }

        return members;
    }

    private static byte[] TarOf(params (string Name, string? Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach ((string name, string? content) in entries)
            {
                writer.WriteEntry(content is null
                    ? new UstarTarEntry(TarEntryType.Directory, name)
                    : new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
            }
        }

        return stream.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        {
            gzip.CopyTo(output);
        }

        return output.ToArray();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
