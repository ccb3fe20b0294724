using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>samples/ProfileService in a real container, started with what VolumeGen generated from AppStorage.</summary>
[Collection(ProfileServiceCollection.Name)]
public sealed class ProfileServiceTests
{
    private readonly ProfileServiceFixture _sample;

    public ProfileServiceTests(ProfileServiceFixture sample) => _sample = sample;

    [SkippableFact]
    public async Task A_profile_and_its_avatar_survive_removing_the_container()
    {
        _sample.Require();
        string[] mountArguments = await _sample.GeneratedRunArgumentsAsync();
        byte[] avatar = new byte[4096];
        new Random(6).NextBytes(avatar);
        string user = "u" + Guid.NewGuid().ToString("N").Substring(0, 8);

        string first = _sample.NewContainerName();
        int port = DockerEngine.FreeLoopbackPort();
        _sample.StartApp(first, port, mountArguments).EnsureSuccess();
        string baseUrl = $"http://127.0.0.1:{port}";
        Assert.True(await DockerEngine.WaitForHttpAsync(baseUrl + "/healthz", first), DockerEngine.Docker("logs", first).Error);
        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var register = await http.PostAsync(baseUrl + "/register", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = user, ["email"] = user + "@example.org" }));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, register.StatusCode);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(avatar), "avatar", "me.png" } };
            using var upload = await http.PostAsync($"{baseUrl}/u/{user}/avatar", form);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, upload.StatusCode);
        }

        // -v removes the container's anonymous volumes too; a named volume is never removed with a container.
        DockerEngine.RemoveContainers(first).EnsureSuccess();
        Assert.NotEqual(0, DockerEngine.Docker("inspect", first).ExitCode);

        string second = _sample.NewContainerName();
        port = DockerEngine.FreeLoopbackPort();
        _sample.StartApp(second, port, mountArguments).EnsureSuccess();
        baseUrl = $"http://127.0.0.1:{port}";
        Assert.True(await DockerEngine.WaitForHttpAsync(baseUrl + "/healthz", second), DockerEngine.Docker("logs", second).Error);
        using var client = new HttpClient();
        string page = await client.GetStringAsync($"{baseUrl}/u/{user}");
        byte[] servedAvatar = await client.GetByteArrayAsync($"{baseUrl}/u/{user}/avatar");

        Assert.Contains(user + "@example.org", page);
        Assert.Equal(avatar, servedAvatar);
        DockerEngine.RemoveContainers(second).EnsureSuccess();
    }

    [SkippableFact]
    public async Task With_rm_the_anonymous_cache_volume_goes_and_the_named_volume_stays()
    {
        _sample.Require();
        string[] mountArguments = await _sample.GeneratedRunArgumentsAsync();
        using (var client = DockerEngine.CreateClient())
        {
            await client.EnsureVolumesAsync(_sample.Mounts);
        }

        string container = _sample.NewContainerName();
        int port = DockerEngine.FreeLoopbackPort();
        _sample.StartApp(container, port, mountArguments, "--rm").EnsureSuccess();
        Assert.True(await DockerEngine.WaitForHttpAsync($"http://127.0.0.1:{port}/healthz", container), DockerEngine.Docker("logs", container).Error);
        string cacheVolume = DockerEngine.Docker("inspect", "-f", "{{range .Mounts}}{{if eq .Destination \"/app/cache\"}}{{.Name}}{{end}}{{end}}", container).EnsureSuccess().Output.Trim();
        Assert.True(ContainerMountVerification.IsAnonymousVolumeName(cacheVolume), $"/app/cache is '{cacheVolume}'");
        Assert.Contains(cacheVolume, DockerEngine.VolumeNames());

        // Every volume this container uses, read from the container itself: other tests create and remove volumes on
        // the same engine at the same time, so the engine's whole list is no measure of what this container leaks.
        string[] used = DockerEngine.Docker("inspect", "-f", "{{range .Mounts}}{{if eq .Type \"volume\"}}{{.Name}} {{end}}{{end}}", container).EnsureSuccess().Output
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("profiles", used);
        Assert.Contains(cacheVolume, used);

        DockerEngine.Docker("stop", container).EnsureSuccess();
        DockerEngine.Docker("wait", container); // --rm removal is asynchronous; wait returns once it is gone or fails if already gone

        IReadOnlySet<string> after = await WaitForVolumesAsync(v => !v.Contains(cacheVolume));
        Assert.DoesNotContain(cacheVolume, after);
        Assert.Contains("profiles", after);
        foreach (string volume in used)
        {
            // --rm removes the container's anonymous volumes, never a named one.
            Assert.True(ContainerMountVerification.IsAnonymousVolumeName(volume) ? !after.Contains(volume) : after.Contains(volume), $"after docker run --rm: volume '{volume}' {(after.Contains(volume) ? "was left behind" : "was removed")}");
        }
    }

    [SkippableFact]
    public async Task A_host_change_in_the_bind_mount_is_seen_live_and_the_read_only_mount_refuses_writes()
    {
        _sample.Require();
        string[] mountArguments = await _sample.GeneratedRunArgumentsAsync();
        string container = _sample.NewContainerName();
        int port = DockerEngine.FreeLoopbackPort();
        _sample.StartApp(container, port, mountArguments).EnsureSuccess();
        Assert.True(await DockerEngine.WaitForHttpAsync($"http://127.0.0.1:{port}/healthz", container), DockerEngine.Docker("logs", container).Error);
        string hostFile = Path.Combine(_sample.SampleFolder, "config", "live-" + container + ".txt");

        File.WriteAllText(hostFile, "first");
        Assert.Equal("first", DockerEngine.Docker("exec", container, "cat", "/app/config/" + Path.GetFileName(hostFile)).EnsureSuccess().Output);
        File.WriteAllText(hostFile, "second, without a rebuild");
        Assert.Equal("second, without a rebuild", DockerEngine.Docker("exec", container, "cat", "/app/config/" + Path.GetFileName(hostFile)).EnsureSuccess().Output);

        ProcessResult write = DockerEngine.Docker("exec", container, "sh", "-c", "echo x > /app/config/written-in-container");
        Assert.NotEqual(0, write.ExitCode);
        Assert.Contains("Read-only file system", write.Error);
        Assert.False(File.Exists(Path.Combine(_sample.SampleFolder, "config", "written-in-container")));
        File.Delete(hostFile);
        DockerEngine.RemoveContainers(container).EnsureSuccess();
    }

    [SkippableFact]
    public async Task Verify_exits_1_naming_app_data_without_the_named_volume_and_0_with_the_generated_arguments()
    {
        _sample.Require();
        string bare = _sample.NewContainerName();
        _sample.StartApp(bare, DockerEngine.FreeLoopbackPort(), Array.Empty<string>()).EnsureSuccess();
        string good = _sample.NewContainerName();
        _sample.StartApp(good, DockerEngine.FreeLoopbackPort(), await _sample.GeneratedRunArgumentsAsync()).EnsureSuccess();

        CliResult missing = await CliRunner.RunAsync("verify", _sample.Assembly, "--container", bare, "--bind-root", _sample.SampleFolder);
        CliResult fine = await CliRunner.RunAsync("verify", _sample.Assembly, "--container", good, "--bind-root", _sample.SampleFolder);
        CliResult noSuch = await CliRunner.RunAsync("verify", _sample.Assembly, "--container", bare + "-gone");

        Assert.Equal(1, missing.ExitCode);
        string dataLine = Assert.Single(missing.Output.Split('\n'), l => l.StartsWith("PROBLEM  /app/data", StringComparison.Ordinal));
        Assert.Contains("anonymous volume", dataLine);
        Assert.Contains("source=profiles", dataLine);
        Assert.Contains(missing.Output.Split('\n'), l => l.StartsWith("PROBLEM  /app/config", StringComparison.Ordinal));
        Assert.Equal(0, fine.ExitCode);
        Assert.DoesNotContain("PROBLEM", fine.Output);
        Assert.Equal(2, noSuch.ExitCode);
        Assert.Contains(bare + "-gone", noSuch.Error);
    }

    [SkippableFact]
    public async Task The_app_itself_reports_the_missing_mount_at_start_up_and_strict_mode_refuses_to_start()
    {
        _sample.Require();
        string logging = _sample.NewContainerName();
        int port = DockerEngine.FreeLoopbackPort();
        _sample.StartApp(logging, port, Array.Empty<string>()).EnsureSuccess();
        Assert.True(await DockerEngine.WaitForHttpAsync($"http://127.0.0.1:{port}/healthz", logging), DockerEngine.Docker("logs", logging).Error);
        ProcessResult logs = DockerEngine.Docker("logs", logging);
        string allLogs = logs.Output + logs.Error;

        string strict = _sample.NewContainerName();
        _sample.StartApp(strict, DockerEngine.FreeLoopbackPort(), Array.Empty<string>(), "-e", MountVerifier.StrictVariable + "=1").EnsureSuccess();
        string exitCode = DockerEngine.Docker("wait", strict).EnsureSuccess().Output.Trim();
        ProcessResult strictLogs = DockerEngine.Docker("logs", strict);

        Mount config = _sample.Mounts.Single(static m => m.Target == "/app/config");
        Assert.Contains("/app/data is an anonymous volume, not the named volume 'profiles'", allLogs);
        Assert.Contains("/app/config is not a mount point", allLogs);
        Assert.Contains(ShellQuoting.Join(RunArguments.Format(new[] { config }, MountStyle.Volume, ".")), allLogs);
        Assert.NotEqual("0", exitCode);
        Assert.Contains("/app/config", strictLogs.Output + strictLogs.Error);
        Assert.Contains(nameof(MountVerificationException), strictLogs.Output + strictLogs.Error);
    }

    [SkippableFact]
    public void The_compose_file_with_the_generated_override_passes_docker_compose_and_docker_stack_config()
    {
        _sample.Require();
        string compose = Path.Combine(_sample.SampleFolder, "compose.yaml");
        string generated = Path.Combine(_sample.SampleFolder, "compose.volumegen.yaml");
        Assert.True(File.Exists(generated), "the build did not write compose.volumegen.yaml");

        ProcessResult composeConfig = DockerEngine.Run("docker-compose", new[] { "-f", compose, "-f", generated, "config" }, _sample.SampleFolder).EnsureSuccess();
        ProcessResult stackConfig = DockerEngine.Run("docker", new[] { "stack", "config", "-c", compose, "-c", generated }, _sample.SampleFolder).EnsureSuccess();

        foreach (ProcessResult result in new[] { composeConfig, stackConfig })
        {
            foreach (Mount mount in _sample.Mounts)
            {
                Assert.Contains("target: " + mount.Target, result.Output);
            }

            Assert.Contains("source: profiles", result.Output);
            Assert.Contains("name: profiles", result.Output);
        }
    }

    private static async Task<IReadOnlySet<string>> WaitForVolumesAsync(Func<IReadOnlySet<string>, bool> done)
    {
        IReadOnlySet<string> volumes = DockerEngine.VolumeNames();
        for (int attempt = 0; attempt < 100 && !done(volumes); attempt++)
        {
            await Task.Delay(100);
            volumes = DockerEngine.VolumeNames();
        }

        return volumes;
    }
}
