using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// Debian's <c>docker-registry</c> on 127.0.0.1 (a free port, its own storage in a temp folder) serving the locally
/// built .NET base image, so <c>dotnet publish -t:PublishContainer</c> can pull a base image without the network.
/// eng/docker-engine.sh install puts the package on a CI machine. Stopped and removed at dispose.
/// </summary>
public sealed class LocalRegistry : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private LocalRegistry(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Address = "127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><c>127.0.0.1:port</c>.</summary>
    public string Address { get; }

    /// <summary>The reason the registry cannot run here, or null.</summary>
    public static string? Unavailable => DockerEngine.Unavailable
        ?? (File.Exists("/usr/bin/docker-registry") ? null : "docker-registry is not installed (Debian package docker-registry; eng/docker-engine.sh install adds it)");

    /// <summary>Starts the registry and pushes <paramref name="image"/> to it as <paramref name="repository"/>; returns the image's name there.</summary>
    public static LocalRegistry Start()
    {
        string folder = Path.Combine(Path.GetTempPath(), "volumegen-registry-" + Guid.NewGuid().ToString("N").Substring(0, 10));
        Directory.CreateDirectory(folder);
        int port = DockerEngine.FreeLoopbackPort();
        string config = Path.Combine(folder, "config.yml");
        File.WriteAllText(config, $"version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: {folder}/data\nhttp:\n  addr: 127.0.0.1:{port}\nlog:\n  level: warn\n");
        var start = new ProcessStartInfo("/usr/bin/docker-registry", new[] { "serve", config })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new LocalRegistry(process, folder, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (int i = 0; i < 50; i++)
        {
            try
            {
                if (http.GetAsync("http://" + registry.Address + "/v2/").GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return registry;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Thread.Sleep(200);
        }

        registry.Dispose();
        throw new InvalidOperationException("docker-registry did not answer on " + registry.Address);
    }

    /// <summary>Pushes the local <paramref name="image"/> as <paramref name="repositoryAndTag"/>; returns its name in the registry.</summary>
    public string Push(string image, string repositoryAndTag)
    {
        string name = Address + "/" + repositoryAndTag;
        DockerEngine.Docker("tag", image, name).EnsureSuccess();
        try
        {
            DockerEngine.Docker("push", "-q", name).EnsureSuccess();
        }
        finally
        {
            DockerEngine.RemoveImage(name);
        }

        return name;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
