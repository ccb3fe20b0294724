using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
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

/// <summary>
/// samples/ProfileService's image started through Testcontainers with the mounts its AppStorage declares (read from
/// the published assembly's manifest), on the real engine.
/// </summary>
[Collection(ProfileServiceImageCollection.Name)]
public sealed class ProfileServiceThroughTestcontainersTests
{
    private readonly ProfileServiceImageFixture _sample;

    public ProfileServiceThroughTestcontainersTests(ProfileServiceImageFixture sample) => _sample = sample;

    [SkippableFact]
    public async Task A_profile_registered_in_one_container_is_read_back_by_the_next_with_the_declared_tmpfs_and_no_volume_is_left_behind()
    {
        _sample.Require();
        // A volume name of this run's own: the developer's (or another test run's) 'profiles' volume is never touched.
        MountSet mounts = _sample.Image.Mounts.WithVolumeNameSuffix(Guid.NewGuid().ToString("N").Substring(0, 10));
        string named = mounts.NamedVolumes.Single().VolumeName!;
        Mount tmpfs = mounts.Single(static m => m.Kind == MountKind.Tmpfs);
        var volumesUsed = new HashSet<string>(StringComparer.Ordinal);
        string user = "u" + Guid.NewGuid().ToString("N").Substring(0, 8);
        IReadOnlyList<string> removed;
        try
        {
            string firstId;
            int port = DockerEngine.FreeLoopbackPort();
            await using (IContainer first = await StartAsync(mounts, port))
            {
                firstId = first.Id;
                ContainerMountReport report = await first.VerifyVolumeGenMountsAsync(mounts, _sample.Image.SampleFolder);
                Assert.True(report.IsOk, string.Join("\n", report.Checks));
                volumesUsed.UnionWith(await VolumesOfAsync(first.Id));
                Assert.Contains(named, volumesUsed);

                // The tmpfs as the kernel has it: the declared size (in KiB in /proc/mounts) and mode, on the mount and its root.
                ExecResult seen = await first.ExecAsync(new[] { "sh", "-c", $"grep ' {tmpfs.Target} tmpfs ' /proc/mounts; stat -c %a {tmpfs.Target}" });
                // Declared without a mode: Docker's default, 1777, which lets the non-root app write.
                string mode = tmpfs.TmpfsMode is int declared ? Convert.ToString(declared, 8) : "1777";
                Assert.Contains("size=" + (tmpfs.TmpfsSizeBytes!.Value / 1024) + "k", seen.Stdout);
                string[] lines = seen.Stdout.Trim().Split('\n');
                Assert.Equal(2, lines.Length);
                if (tmpfs.TmpfsMode is null)
                {
                    Assert.DoesNotContain("mode=", lines[0]); // the kernel lists a tmpfs mode only when it is not 1777
                }
                else
                {
                    Assert.Contains("mode=" + mode, lines[0]);
                }

                Assert.Equal(mode, seen.Stdout.Trim().Split('\n').Last());

                // The engine created the named volume from the mount, labelled as 'volumegen ensure' labels it.
                using (DockerClient client = TestcontainersDocker.CreateClient())
                {
                    VolumeResponse volume = await client.Volumes.InspectAsync(named);
                    Assert.Equal("true", volume.Labels![VolumeLabels.Managed]);
                    Assert.Equal("/app/data", volume.Labels[VolumeLabels.Target]);
                }

                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
                using HttpResponseMessage register = await http.PostAsync($"http://127.0.0.1:{port}/register", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = user, ["email"] = user + "@example.org" }));
                Assert.Equal(System.Net.HttpStatusCode.Redirect, register.StatusCode);
            }

            // Disposed: the container is gone, and with it its anonymous volumes; the named volume stays.
            Assert.NotEqual(0, DockerEngine.Docker("inspect", firstId).ExitCode);
            IReadOnlySet<string> afterFirst = DockerEngine.VolumeNames();
            Assert.Contains(named, afterFirst);
            Assert.DoesNotContain(volumesUsed, v => v != named && afterFirst.Contains(v));

            port = DockerEngine.FreeLoopbackPort();
            await using (IContainer second = await StartAsync(mounts, port))
            {
                volumesUsed.UnionWith(await VolumesOfAsync(second.Id));
                using var http = new HttpClient();
                string page = await http.GetStringAsync($"http://127.0.0.1:{port}/u/{user}");
                Assert.Contains(user + "@example.org", page);
            }
        }
        finally
        {
            removed = await mounts.RemoveVolumeGenVolumesAsync();
        }

        Assert.Equal(new[] { named }, removed);
        IReadOnlySet<string> left = DockerEngine.VolumeNames();
        Assert.True(volumesUsed.Count >= 3, "expected the named volume and two anonymous cache volumes: " + string.Join(", ", volumesUsed));
        Assert.DoesNotContain(volumesUsed, left.Contains);
    }

    private async Task<IContainer> StartAsync(MountSet mounts, int port)
    {
        IContainer container = new ContainerBuilder(_sample.Image.Image)
            .WithVolumeGenMounts(mounts, bindRoot: _sample.Image.SampleFolder)
            .WithEnvironment("ASPNETCORE_URLS", $"http://127.0.0.1:{port}")
            // The test engine has no bridge network (eng/docker-engine.sh): host networking, the app on loopback.
            .WithCreateParameterModifier(static parameters => (parameters.HostConfig ??= new HostConfig()).NetworkMode = "host")
            .Build();
        try
        {
            await container.StartAsync();
            if (!await DockerEngine.WaitForHttpAsync($"http://127.0.0.1:{port}/healthz", container.Id))
            {
                Assert.Fail("ProfileService did not answer:\n" + DockerEngine.Docker("logs", container.Id).Error);
            }

            return container;
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    private static async Task<IReadOnlyList<string>> VolumesOfAsync(string container)
    {
        using DockerClient client = TestcontainersDocker.CreateClient();
        ContainerInspectResponse inspected = await client.Containers.InspectContainerAsync(container);
        return (inspected.Mounts ?? new List<MountPoint>()).Where(static m => m.Type == "volume" && m.Name is not null).Select(static m => m.Name!).ToList();
    }
}
