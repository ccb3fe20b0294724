using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Build.Containers;

/// <summary>
/// An image archive the .NET SDK writes for <c>ContainerArchiveOutputPath</c> (the <c>docker load</c> layout:
/// <c>manifest.json</c>, the configuration, one <c>layer.tar</c> per layer), completed with what the SDK cannot set:
/// the declared volumes in <c>config.Volumes</c> and a layer creating their folders owned by the container user.
/// </summary>
internal static class ImageArchive
{
    /// <summary>What <see cref="Complete"/> did: the image's user and whether a folder layer was added.</summary>
    public sealed record Result(string? User, bool AddedLayer);

    /// <summary>Rewrites the archive at <paramref name="path"/> in place (through a temporary file beside it).</summary>
    /// <exception cref="InvalidDataException">The archive is not one VolumeGen can complete; the message says why.</exception>
    public static Result Complete(string path, IReadOnlyList<string> volumes, string createdBy)
    {
        try
        {
            return CompleteCore(path, volumes, createdBy);
        }
        catch (FormatException exception)
        {
            throw new InvalidDataException(exception.Message, exception);
        }
    }

    private static Result CompleteCore(string path, IReadOnlyList<string> volumes, string createdBy)
    {
        List<TarEntry> entries;
        using (FileStream input = System.IO.File.OpenRead(path))
        {
            entries = Tar.Read(input);
        }

        TarEntry manifestEntry = entries.FirstOrDefault(static e => e.Name == "manifest.json")
            ?? throw new InvalidDataException(entries.Any(static e => e.Name == "index.json")
                ? "it is in the OCI layout (ContainerImageFormat=OCI), which VolumeGen does not complete yet; publish with the Docker format (the default for one runtime identifier)"
                : "it has no manifest.json");
        string manifestJson = Encoding.UTF8.GetString(manifestEntry.Content);
        string configName = ImageConfiguration.ArchiveConfigName(manifestJson);
        TarEntry configEntry = entries.FirstOrDefault(e => e.Name == configName) ?? throw new InvalidDataException($"it has no '{configName}'");
        string configJson = Encoding.UTF8.GetString(configEntry.Content);
        string? user = ImageConfiguration.User(configJson);
        ImageFacts image = ImageFacts.FromImageConfiguration(user);
        string? diffId = null;
        string? layerName = null;
        var added = new List<TarEntry>();
        if (!image.IsRoot)
        {
            if (image.User?.UserId is not long uid)
            {
                throw new InvalidDataException($"the image runs as '{user}', whose numeric id VolumeGen cannot tell; set ContainerUser to a numeric user (e.g. 1654)");
            }

            long gid = image.User.GroupId ?? uid;
            byte[] layer;
            using (var tar = new MemoryStream())
            {
                Tar.Write(tar, volumes.Select(v => Tar.Directory(v.TrimStart('/'), uid, gid)));
                layer = tar.ToArray();
            }

            byte[] compressed;
            using (var gz = new MemoryStream())
            {
                using (var gzip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(layer, 0, layer.Length);
                }

                compressed = gz.ToArray();
            }

            diffId = "sha256:" + Sha256(layer);
            layerName = Sha256(compressed) + "/layer.tar";
            added.Add(Tar.File(layerName, compressed));
        }

        byte[] newConfig = Encoding.UTF8.GetBytes(ImageConfiguration.WithVolumes(configJson, volumes, diffId, createdBy));
        string newConfigName = Sha256(newConfig) + ".json";
        string newManifest = ImageConfiguration.RewriteArchiveManifest(manifestJson, newConfigName, layerName);

        var output = new List<TarEntry>();
        foreach (TarEntry entry in entries)
        {
            if (entry.Name == "manifest.json" || entry.Name == configName)
            {
                continue;
            }

            output.Add(entry);
        }

        output.AddRange(added);
        output.Add(Tar.File(newConfigName, newConfig));
        output.Add(Tar.File("manifest.json", Encoding.UTF8.GetBytes(newManifest)));

        string temporary = path + ".volumegen.tmp";
        using (FileStream stream = System.IO.File.Create(temporary))
        {
            Tar.Write(stream, output);
        }

        System.IO.File.Copy(temporary, path, overwrite: true);
        System.IO.File.Delete(temporary);
        return new Result(user, diffId is not null);
    }

    private static string Sha256(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(bytes).Select(static b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
