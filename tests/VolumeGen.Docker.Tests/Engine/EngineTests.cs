using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>VolumeGen.Docker and the CLI against a real engine, with the locally built .NET base image.</summary>
public sealed class EngineTests : IDisposable
{
    private const string BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0";
    private readonly List<string> _containers = new();
    private readonly List<string> _volumes = new();
    private readonly List<string> _images = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        if (DockerEngine.Unavailable is null)
        {
            _containers.ForEach(c => DockerEngine.RemoveContainers(c));
            _volumes.ForEach(v => DockerEngine.RemoveVolume(v, force: true));
            _images.ForEach(i => DockerEngine.RemoveImage(i));
        }

        _temp.Dispose();
    }

    [SkippableFact]
    public async Task Ensure_twice_creates_once_labels_the_volume_and_leaves_an_existing_one_untouched()
    {
        DockerEngine.SkipUnlessAvailable();
        string fresh = Volume("vg-fresh");
        string existing = Volume("vg-existing");
        DockerEngine.Docker("volume", "create", "--label", "owner=someone-else", existing).EnsureSuccess();
        string assembly = ManifestAssembly.Write(_temp.Path, "EnsureApp", ManifestAssembly.Manifest(
            "EnsureApp.Storage", Mount.NamedVolume("/app/data", fresh), Mount.NamedVolume("/app/old", existing), Mount.AnonymousVolume("/app/cache")));

        CliResult first = await CliRunner.RunAsync("ensure", assembly);
        CliResult second = await CliRunner.RunAsync("ensure", assembly);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains(first.Output.Split('\n'), l => l.StartsWith("created  " + fresh, StringComparison.Ordinal));
        Assert.Contains(first.Output.Split('\n'), l => l.StartsWith("exists   " + existing, StringComparison.Ordinal));
        Assert.Contains(second.Output.Split('\n'), l => l.StartsWith("exists   " + fresh, StringComparison.Ordinal));
        Assert.DoesNotContain("created", second.Output);

        using DockerClient client = DockerEngine.CreateClient();
        VolumeResponse created = await client.Volumes.InspectAsync(fresh);
        VolumeResponse untouched = await client.Volumes.InspectAsync(existing);
        Assert.Equal("true", created.Labels[VolumeLabels.Managed]);
        Assert.Equal("/app/data", created.Labels[VolumeLabels.Target]);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "someone-else" }, untouched.Labels);
    }

    [SkippableFact]
    public async Task Ensure_names_the_volumes_it_created_before_the_engine_refused_one_and_shows_the_engines_whole_message()
    {
        DockerEngine.SkipUnlessAvailable();
        string fresh = Volume("vg-before-failure");
        // Valid for Docker's name rule, but the engine's local driver cannot make a folder with so long a name.
        string tooLong = "vg-" + new string('a', 300);
        _volumes.Add(tooLong);
        string assembly = ManifestAssembly.Write(_temp.Path, "FailingApp", ManifestAssembly.Manifest(
            "FailingApp.Storage", Mount.NamedVolume("/app/data", fresh), Mount.NamedVolume("/app/logs", tooLong)));

        CliResult result = await CliRunner.RunAsync("ensure", assembly);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.Output.Split('\n'), l => l.StartsWith("created  " + fresh, StringComparison.Ordinal));
        Assert.Contains("file name too long", result.Error);
        Assert.Contains("create " + tooLong + ": error while creating volume root path", result.Error);
        Assert.Contains("before the failure (and kept): " + fresh, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [SkippableFact]
    public async Task RemoveVolumes_removes_only_the_declared_volumes_VolumeGen_created_and_refuses_one_in_use()
    {
        DockerEngine.SkipUnlessAvailable();
        string ours = Volume("vg-ours");
        string theirs = Volume("vg-theirs");
        string absent = Volume("vg-absent");
        string busy = Volume("vg-busy");
        DockerEngine.Docker("volume", "create", "--label", "owner=someone-else", theirs).EnsureSuccess();
        var mounts = new MountSet(Mount.NamedVolume("/app/data", ours), Mount.NamedVolume("/app/old", theirs), Mount.NamedVolume("/app/gone", absent));
        using DockerClient client = DockerEngine.CreateClient();
        await client.EnsureVolumesAsync(mounts);
        DockerEngine.RemoveVolume(absent).EnsureSuccess();

        IReadOnlyList<string> removed = await client.RemoveVolumesAsync(mounts);

        Assert.Equal(new[] { ours }, removed);
        Assert.DoesNotContain(ours, DockerEngine.VolumeNames());
        Assert.Contains(theirs, DockerEngine.VolumeNames());

        var inUse = new MountSet(Mount.NamedVolume("/app/data", busy));
        await client.EnsureVolumesAsync(inUse);
        string container = DockerEngine.UniqueName("vg-busy");
        _containers.Add(container);
        DockerEngine.Docker("create", "--name", container, "--mount", "type=volume,source=" + busy + ",target=/app/data", BaseImage, "true").EnsureSuccess();
        DockerApiException refused = await Assert.ThrowsAsync<DockerApiException>(() => client.RemoveVolumesAsync(inUse));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(busy, DockerEngine.VolumeNames());
    }

    [SkippableFact]
    public async Task A_container_created_through_the_API_with_ToDockerMounts_verifies_clean_and_one_without_does_not()
    {
        DockerEngine.SkipUnlessAvailable();
        string data = Volume("vg-api");
        string bindSource = Path.Combine(_temp.Path, "config");
        Directory.CreateDirectory(bindSource);
        var mounts = new MountSet(
            Mount.NamedVolume("/app/data", data),
            Mount.Bind(bindSource, "/app/config", readOnly: true),
            Mount.Tmpfs("/app/scratch", 8 * 1024 * 1024));
        using DockerClient client = DockerEngine.CreateClient();

        string with = await CreateAndStartAsync(client, mounts.ToHostConfig());
        string without = await CreateAndStartAsync(client, new HostConfig());
        ContainerMountReport good = await client.VerifyContainerMountsAsync(with, mounts);
        ContainerMountReport bad = await client.VerifyContainerMountsAsync(without, mounts);

        Assert.True(good.IsOk, string.Join("\n", good.Checks));
        Assert.All(bad.Checks, c => Assert.Equal(new[] { ContainerMountFinding.Missing }, c.Findings));
        ContainerInspectResponse inspected = await client.Containers.InspectContainerAsync(with);
        Assert.True(inspected.Mounts.Single(m => m.Destination == "/app/config").RW is false);
        Assert.Contains($"size={8 * 1024 * 1024 / 1024}k", DockerEngine.Docker("exec", with, "grep", " /app/scratch ", "/proc/self/mountinfo").EnsureSuccess().Output);
    }

    // Quotes, $, spaces, commas and backslashes: what the shell, the Dockerfile word processor, JSON and the --mount
    // CSV each treat specially.
    private static MountSet HostileMounts(string volumeName) => new(
        Mount.NamedVolume("/app/it's $HOME, \"data\"", volumeName),
        Mount.AnonymousVolume("/app/with space"),
        Mount.AnonymousVolume("/app/dollar$x and ${y}"),
        Mount.AnonymousVolume("/app/comma,separated"),
        Mount.AnonymousVolume("/app/back\\slash 'single'"));

    [SkippableFact]
    public async Task Hostile_targets_go_through_a_real_docker_build_VOLUME_and_a_real_docker_run_shell_line()
    {
        DockerEngine.SkipUnlessAvailable();
        string named = Volume("vg-hostile");
        MountSet mounts = HostileMounts(named);
        string[] targets = mounts.Select(static m => m.Target).OrderBy(static t => t, StringComparer.Ordinal).ToArray();

        string context = Path.Combine(_temp.Path, "hostile");
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), $"FROM {BaseImage}\n{mounts.ToDockerfileVolume()}\n");
        string image = "volumegen-test/hostile:" + Guid.NewGuid().ToString("N").Substring(0, 10);
        _images.Add(image);
        DockerEngine.Docker("build", "--network", "host", "-q", "-t", image, context).EnsureSuccess();

        using DockerClient client = DockerEngine.CreateClient();
        ImageInspectResponse built = await client.Images.InspectImageAsync(image);
        Assert.Equal(targets, built.Config!.Volumes!.Keys.OrderBy(static t => t, StringComparer.Ordinal));

        string container = DockerEngine.UniqueName("vg-hostile");
        _containers.Add(container);
        string line = mounts.ToCommandLine(ShellDialect.Posix);
        DockerEngine.Run("sh", new[] { "-c", $"docker run -d --name {container} --network none {line} {image} sleep 600" }, _temp.Path).EnsureSuccess();

        ContainerInspectResponse inspected = await client.Containers.InspectContainerAsync(container);
        Assert.Equal(targets, inspected.Mounts.Select(static m => m.Destination).OrderBy(static t => t, StringComparer.Ordinal));
        Assert.Equal(named, inspected.Mounts.Single(m => m.Destination == mounts[0].Target).Name);
        Assert.True((await client.VerifyContainerMountsAsync(container, mounts)).IsOk);
    }

    [SkippableFact]
    public async Task Hostile_targets_from_attributes_of_a_packed_package_consumer_go_through_its_build_maintained_Dockerfile_and_its_printed_docker_run_line()
    {
        DockerEngine.SkipUnlessAvailable();
        string named = Volume("vg-hostile-attributes");
        MountSet declared = HostileMounts(named);
        string[] targets = declared.Select(static m => m.Target).OrderBy(static t => t, StringComparer.Ordinal).ToArray();

        // The same paths as a user writes them: C# literals the compiler, the generator and the build task turn into values.
        var files = new Dictionary<string, string>
        {
            ["AppStorage.cs"] = $$"""
                using VolumeGen;

                namespace HostileConsumer;

                [PersistentVolume("/app/it's $HOME, \"data\"", Name = "{{named}}")]
                [AnonymousVolume("/app/with space")]
                [AnonymousVolume("/app/dollar$x and ${y}")]
                [AnonymousVolume("/app/comma,separated")]
                [AnonymousVolume("/app/back\\slash 'single'")]
                public static partial class AppStorage { }
                """,
            ["Program.cs"] = "Console.WriteLine(HostileConsumer.AppStorage.CommandLine(VolumeGen.ShellDialect.Posix));\n",
            ["Dockerfile"] = $"FROM {BaseImage}\n# >>> VolumeGen\n# <<< VolumeGen\n",
        };
        PackageConsumer consumer = PackageConsumer.Create(_temp.Path, "HostileConsumer", files);

        ProcessResult build = consumer.Build();
        Assert.True(build.ExitCode == 0, build.Output + build.Error);
        AssemblyManifestResult manifest = AssemblyManifestReader.Read(consumer.Assembly);
        Assert.True(manifest.Status == AssemblyManifestStatus.Found, manifest.Message);
        MountSet mounts = VolumeManifest.Parse(manifest.Json!).AllMounts;
        Assert.Equal(declared.OrderBy(static m => m.Target, StringComparer.Ordinal), mounts.OrderBy(static m => m.Target, StringComparer.Ordinal));
        string line = consumer.Run().EnsureSuccess().Output.TrimEnd('\r', '\n');

        string dockerfile = File.ReadAllText(consumer.File("Dockerfile"));
        string image = "volumegen-test/hostile-attributes:" + Guid.NewGuid().ToString("N").Substring(0, 10);
        _images.Add(image);
        DockerEngine.Docker("build", "--network", "host", "-q", "-t", image, consumer.Folder).EnsureSuccess();

        using DockerClient client = DockerEngine.CreateClient();
        ImageInspectResponse built = await client.Images.InspectImageAsync(image);
        Assert.True(built.Config?.Volumes is not null, "the image declares no volume; the Dockerfile the build left:\n" + dockerfile);
        Assert.Equal(targets, built.Config!.Volumes!.Keys.OrderBy(static t => t, StringComparer.Ordinal));

        string container = DockerEngine.UniqueName("vg-hostile-attributes");
        _containers.Add(container);
        DockerEngine.Run("sh", new[] { "-c", $"docker run -d --name {container} --network none {line} {image} sleep 600" }, _temp.Path).EnsureSuccess();

        ContainerInspectResponse inspected = await client.Containers.InspectContainerAsync(container);
        Assert.Equal(targets, inspected.Mounts.Select(static m => m.Destination).OrderBy(static t => t, StringComparer.Ordinal));
        Assert.Equal(named, inspected.Mounts.Single(m => m.Destination == declared[0].Target).Name);
        ContainerMountReport report = await client.VerifyContainerMountsAsync(container, mounts);
        Assert.True(report.IsOk, string.Join("\n", report.Checks));
    }

    private async Task<string> CreateAndStartAsync(DockerClient client, HostConfig hostConfig)
    {
        string name = DockerEngine.UniqueName("vg-api");
        _containers.Add(name);
        hostConfig.NetworkMode = "none";
        await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = BaseImage,
            Cmd = new[] { "sleep", "600" },
            HostConfig = hostConfig,
        });
        await client.Containers.StartContainerAsync(name, new ContainerStartParameters());
        return name;
    }

    private string Volume(string prefix)
    {
        string name = DockerEngine.UniqueName(prefix);
        _volumes.Add(name);
        return name;
    }
}
