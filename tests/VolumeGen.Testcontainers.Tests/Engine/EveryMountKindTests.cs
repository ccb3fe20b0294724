using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using VolumeGen.Docker;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.Testcontainers.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.Testcontainers.Tests.Engine;

/// <summary>Each kind of declared mount through <c>WithVolumeGenMounts</c>, on the locally built .NET base image.</summary>
[Collection(ProfileServiceImageCollection.Name)]
public sealed class EveryMountKindTests : IDisposable
{
    private const string BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0";
    private readonly string _host = Path.Combine(Path.GetTempPath(), "volumegen-tc-tests", Guid.NewGuid().ToString("N").Substring(0, 12));

    [SkippableFact]
    public async Task Named_anonymous_read_only_bind_labelled_bind_and_tmpfs_arrive_as_declared_and_nothing_is_left_behind()
    {
        TestcontainersEngine.Require();
        string config = Directory.CreateDirectory(Path.Combine(_host, "config")).FullName;
        string shared = Directory.CreateDirectory(Path.Combine(_host, "shared")).FullName;
        File.WriteAllText(Path.Combine(config, "app.json"), "{}");
        var mounts = new MountSet(
            Mount.NamedVolume("/srv/data", DockerEngine.UniqueName("vg-tc-data")),
            Mount.AnonymousVolume("/srv/cache"),
            Mount.Bind("./config", "/srv/config", readOnly: true),
            Mount.Bind(shared, "/srv/shared", selinuxLabel: SelinuxLabel.Shared),
            Mount.Tmpfs("/srv/scratch", 8 * 1024 * 1024, Convert.ToInt32("750", 8)));
        var used = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<string> removed;
        try
        {
            await using IContainer container = new ContainerBuilder(BaseImage)
                .WithCommand("sleep", "600")
                .WithVolumeGenMounts(mounts, bindRoot: _host)
                .Build();
            await container.StartAsync();

            ContainerMountReport report = await container.VerifyVolumeGenMountsAsync(mounts, _host);
            Assert.True(report.IsOk, string.Join("\n", report.Checks));
            used.UnionWith(await VolumesOfAsync(container.Id));
            Assert.Equal(2, used.Count);

            ExecResult readOnly = await container.ExecAsync(new[] { "sh", "-c", "cat /srv/config/app.json && echo x > /srv/config/new" });
            Assert.Equal("{}", readOnly.Stdout.Trim());
            Assert.Contains("Read-only file system", readOnly.Stderr);
            ExecResult writable = await container.ExecAsync(new[] { "sh", "-c", "echo from-container > /srv/shared/out.txt" });
            Assert.Equal(0, writable.ExitCode);
            Assert.Equal("from-container", File.ReadAllText(Path.Combine(shared, "out.txt")).Trim());
            ExecResult tmpfs = await container.ExecAsync(new[] { "sh", "-c", "grep ' /srv/scratch tmpfs ' /proc/mounts; stat -c %a /srv/scratch" });
            Assert.Contains("size=8192k", tmpfs.Stdout);
            Assert.Contains("mode=750", tmpfs.Stdout);
            Assert.Equal("750", tmpfs.Stdout.Trim().Split('\n').Last());
        }
        finally
        {
            removed = await mounts.RemoveVolumeGenVolumesAsync();
        }

        Assert.Equal(new[] { mounts[0].VolumeName! }, removed);
        Assert.DoesNotContain(used, DockerEngine.VolumeNames().Contains);
    }

    [SkippableFact]
    public async Task Testcontainers_own_tmpfs_mount_has_neither_size_nor_mode_and_the_verification_says_so()
    {
        TestcontainersEngine.Require();
        var mounts = new MountSet(Mount.Tmpfs("/srv/scratch", 8 * 1024 * 1024, Convert.ToInt32("750", 8)));

        await using IContainer container = new ContainerBuilder(BaseImage)
            .WithCommand("sleep", "600")
            .WithTmpfsMount("/srv/scratch")
            .Build();
        await container.StartAsync();
        ContainerMountReport report = await container.VerifyVolumeGenMountsAsync(mounts);

        ContainerMountCheck check = Assert.Single(report.Checks);
        Assert.Equal(new[] { ContainerMountFinding.TmpfsOptionsMismatch }, check.Findings);
        Assert.Contains("tmpfs-size=8388608", check.Details[0]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_host, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<IReadOnlyList<string>> VolumesOfAsync(string container)
    {
        using DockerClient client = TestcontainersDocker.CreateClient();
        ContainerInspectResponse inspected = await client.Containers.InspectContainerAsync(container);
        return (inspected.Mounts ?? new List<MountPoint>()).Where(static m => m.Type == "volume" && m.Name is not null).Select(static m => m.Name!).ToList();
    }
}
