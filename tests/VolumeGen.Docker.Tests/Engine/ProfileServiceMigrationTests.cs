using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>samples/ProfileService's data through a volume rename: <c>volumegen migrate</c> on a real engine.</summary>
[Collection(ProfileServiceCollection.Name)]
public sealed class ProfileServiceMigrationTests
{
    private readonly ProfileServiceFixture _sample;

    public ProfileServiceMigrationTests(ProfileServiceFixture sample) => _sample = sample;

    [SkippableFact]
    public async Task Profiles_and_avatars_survive_a_volume_rename_through_volumegen_migrate()
    {
        _sample.Require();
        // The rename: the app ran with its data in 'old' (Name = "old"), the new version declares 'renamed'.
        string old = DockerEngine.UniqueName("vg-profiles-old");
        string renamed = DockerEngine.UniqueName("vg-profiles-renamed");
        _sample.Owns(old);
        _sample.Owns(renamed);
        string[] generated = await _sample.GeneratedRunArgumentsAsync();
        byte[] avatar = new byte[50_000];
        new Random(17).NextBytes(avatar);
        string user = "u" + Guid.NewGuid().ToString("N").Substring(0, 8);

        string before = _sample.NewContainerName();
        string baseUrl = await StartAsync(before, WithDataVolume(generated, old));
        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var register = await http.PostAsync(baseUrl + "/register", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = user, ["email"] = user + "@example.org" }));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, register.StatusCode);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(avatar), "avatar", "me.png" } };
            using var upload = await http.PostAsync($"{baseUrl}/u/{user}/avatar", form);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, upload.StatusCode);
        }

        CliResult whileRunning = await CliRunner.RunAsync("migrate", "--from", old, "--to", renamed);
        Assert.Equal(2, whileRunning.ExitCode);
        Assert.Contains("in use by " + before, whileRunning.Error);

        // Stopped, not removed: its image (the app's own) is the helper image migrate derives.
        DockerEngine.Docker("stop", before).EnsureSuccess();
        CliResult migrated = await CliRunner.RunAsync("migrate", "--from", old, "--to", renamed);
        CliResult again = await CliRunner.RunAsync("migrate", "--from", old, "--to", renamed);

        Assert.True(migrated.ExitCode == 0, migrated.Error);
        Assert.Contains("verified", migrated.Output);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("already migrated", again.Output);

        string after = _sample.NewContainerName();
        baseUrl = await StartAsync(after, WithDataVolume(generated, renamed));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        string page = await client.GetStringAsync($"{baseUrl}/u/{user}");
        byte[] served = await client.GetByteArrayAsync($"{baseUrl}/u/{user}/avatar");
        Assert.Contains(user + "@example.org", page);
        Assert.Equal(avatar, served);

        // The app (uid 1654) can still write into the copy: owners and modes came along.
        string second = "v" + Guid.NewGuid().ToString("N").Substring(0, 8);
        using var registerAgain = await client.PostAsync(baseUrl + "/register", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = second, ["email"] = second + "@example.org" }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, registerAgain.StatusCode);
        Assert.Contains(second + "@example.org", await client.GetStringAsync($"{baseUrl}/u/{second}"));
        Assert.Contains(old, DockerEngine.VolumeNames());
        DockerEngine.RemoveContainers(before, after).EnsureSuccess();
    }

    private async Task<string> StartAsync(string container, IEnumerable<string> mountArguments)
    {
        int port = DockerEngine.FreeLoopbackPort();
        _sample.StartApp(container, port, mountArguments).EnsureSuccess();
        string baseUrl = $"http://127.0.0.1:{port}";
        Assert.True(await DockerEngine.WaitForHttpAsync(baseUrl + "/healthz", container), DockerEngine.Docker("logs", container).Error);
        return baseUrl;
    }

    /// <summary>The generated arguments with the declared 'profiles' volume at /app/data replaced by <paramref name="volume"/>.</summary>
    private static string[] WithDataVolume(IEnumerable<string> generated, string volume)
    {
        string[] arguments = generated.Select(a => a.Contains("/app/data", StringComparison.Ordinal) ? Regex.Replace(a, "\\bprofiles\\b", volume) : a).ToArray();
        Assert.Contains(arguments, a => a.Contains(volume, StringComparison.Ordinal));
        return arguments;
    }
}
