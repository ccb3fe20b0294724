using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using VolumeGen.Docker.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.Docker.Tests.Host;

/// <summary>
/// samples/ProfileService with <c>dotnet run</c> on the host (no container): AppStorage.Resolve puts the declared
/// paths under the project folder, not at the container paths (/app/data would be a host folder here, and this
/// machine's tests run as root, so a wrong path would silently succeed there).
/// </summary>
public sealed class ProfileServiceDotnetRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "volumegen-dotnet-run-tests", Guid.NewGuid().ToString("N").Substring(0, 12));

    [Fact]
    public async Task Dotnet_run_outside_a_container_writes_the_profiles_under_the_project_and_reads_the_config_bind_source()
    {
        string sample = ProfileServiceImage.CopySample(_root);
        bool appDataBefore = File.Exists("/app/data/profiles.db");
        int port = DockerEngine.FreeLoopbackPort();
        string baseUrl = $"http://127.0.0.1:{port}";
        // The address comes only from the config file: served there means the app read <project>/config, the bind mount's source.
        File.WriteAllText(Path.Combine(sample, "config", "profileservice.json"), "{ \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"" + baseUrl + "\" } } } }");
        string user = "u" + Guid.NewGuid().ToString("N").Substring(0, 8);

        // From another folder with --project: the host folder follows the project, not the working directory.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "run", "--project", sample, "--disable-build-servers", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (KeyValuePair<string, string> variable in PackedVolumeGen.Environment(Path.Combine(_root, "nuget-packages")))
        {
            start.Environment[variable.Key] = variable.Value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process app = Process.Start(start)!;
        Task<string> output = app.StandardOutput.ReadToEndAsync();
        Task<string> error = app.StandardError.ReadToEndAsync();
        try
        {
            if (!await WaitForHttpAsync(baseUrl + "/healthz", app))
            {
                Assert.Fail("dotnet run did not serve /healthz:\n" + await Drain(app, output, error));
            }

            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using HttpResponseMessage register = await http.PostAsync(baseUrl + "/register", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = user, ["email"] = user + "@example.org" }));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, register.StatusCode);
            Assert.Contains(user + "@example.org", await http.GetStringAsync(baseUrl + "/u/" + user));
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }

            await app.WaitForExitAsync();
        }

        string data = Path.Combine(sample, ".volumegen", "app", "data");
        Assert.True(File.Exists(Path.Combine(data, "profiles.db")), "no profiles.db under " + data + "\n" + await output + await error);
        Assert.True(Directory.Exists(Path.Combine(sample, ".volumegen", "app", "cache", "pages")));
        Assert.Equal(appDataBefore, File.Exists("/app/data/profiles.db"));
        Assert.False(Directory.Exists(Path.Combine(_root, ".volumegen")), "the host folder followed the working directory, not the project");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<bool> WaitForHttpAsync(string url, Process app)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // dotnet run restores and builds first: allow minutes on a loaded machine.
        for (int attempt = 0; attempt < 1200 && !app.HasExited; attempt++)
        {
            try
            {
                using HttpResponseMessage response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        return false;
    }

    private static async Task<string> Drain(Process app, Task<string> output, Task<string> error)
    {
        if (!app.HasExited)
        {
            app.Kill(entireProcessTree: true);
        }

        await app.WaitForExitAsync();
        return await output + await error;
    }
}
