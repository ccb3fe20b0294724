using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using VolumeGen.ContainerFiles;
using Xunit;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// The real engine the Docker tests use (DOCKER_HOST, else the platform default). When none answers, tests skip
/// with the reason, unless VOLUMEGEN_REQUIRE_DOCKER=1 (CI), where they fail.
/// </summary>
internal static class DockerEngine
{
    private static readonly Lazy<string?> UnreachableReason = new(Probe);

    private static readonly Lazy<EngineInventory> InitialInventory = new(EngineInventory.Read);

    public static bool Required => Environment.GetEnvironmentVariable("VOLUMEGEN_REQUIRE_DOCKER") == "1";

    /// <summary>Null when the engine answers; else why not.</summary>
    public static string? Unavailable => UnreachableReason.Value;

    /// <summary>Skips (or, when required, fails) the calling test when no engine answers.</summary>
    public static void SkipUnlessAvailable()
    {
        if (Unavailable is null)
        {
            return;
        }

        if (Required)
        {
            throw new InvalidOperationException("VOLUMEGEN_REQUIRE_DOCKER=1 but " + Unavailable);
        }

        Skip.If(true, "Docker tests need a Docker engine: " + Unavailable + " (start one with eng/docker-engine.sh up and export DOCKER_HOST as 'eng/docker-engine.sh env' prints).");
    }

    public static DockerClient CreateClient() => DockerEndpoint.CreateClient();

    private static string? Probe()
    {
        try
        {
            using DockerClient client = CreateClient();
            string? unreachable = DockerEndpoint.CheckReachableAsync(client).GetAwaiter().GetResult();
            if (unreachable is null)
            {
                // Before any test creates anything: what is listed now is never removed by a test.
                _ = InitialInventory.Value;
            }

            return unreachable;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>Runs the docker CLI against the same engine (classic builder: no buildx plugin is assumed).</summary>
    public static ProcessResult Docker(params string[] arguments) => Run("docker", arguments, workingDirectory: null);

    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string? workingDirectory, IDictionary<string, string>? environment = null, int timeoutSeconds = 600)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOCKER_BUILDKIT"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (KeyValuePair<string, string> variable in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable.Key] = variable.Value;
        }

        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeoutSeconds} s.");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.Result, error.Result, fileName + " " + string.Join(' ', arguments));
    }

    /// <summary>What the engine held before this test process first used it (read when the engine first answered).</summary>
    internal static EngineInventory Before => InitialInventory.Value;

    /// <summary>
    /// <c>docker rm -f -v</c> of containers this test created (their anonymous volumes go with them). Throws, removing
    /// nothing, for a container that was in the engine before the test run.
    /// </summary>
    public static ProcessResult RemoveContainers(params string[] containers)
    {
        foreach (string container in containers)
        {
            string id = Docker("container", "inspect", "--format", "{{.Id}}", container).Output.Trim();
            if (id.Length > 0 && Before.Containers.Contains(id))
            {
                throw new InvalidOperationException($"Refusing to remove container {container} ({id}): it was in the engine before this test run; tests remove only what they created.");
            }
        }

        return Docker(new[] { "rm", "-f", "-v" }.Concat(containers).ToArray());
    }

    /// <summary><c>docker volume rm</c> of a volume this test created; throws, removing nothing, for one that was there before the run.</summary>
    public static ProcessResult RemoveVolume(string volume, bool force = false)
    {
        if (Before.Volumes.Contains(volume))
        {
            throw new InvalidOperationException($"Refusing to remove volume {volume}: it was in the engine before this test run; tests remove only what they created.");
        }

        return force ? Docker("volume", "rm", "-f", volume) : Docker("volume", "rm", volume);
    }

    /// <summary>
    /// Removes an image this test created, by the tag it gave or by id. An image that was in the engine before the
    /// run is never removed: only a tag the test added to it may go, and only while another tag keeps the image —
    /// removing an image by id, or by its last tag, deletes it (how a base image once vanished from a new CI machine).
    /// </summary>
    public static ProcessResult RemoveImage(string reference)
    {
        ProcessResult inspect = Docker("image", "inspect", "--format", "{{.Id}} {{len .RepoTags}}", reference);
        if (inspect.ExitCode != 0)
        {
            return inspect;
        }

        string[] fields = inspect.Output.Trim().Split(' ');
        string id = fields[0];
        int tags = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        if (Before.HadImage(id))
        {
            bool byTag = !id.Replace("sha256:", string.Empty, StringComparison.Ordinal).StartsWith(reference.Replace("sha256:", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            if (!byTag || tags < 2)
            {
                throw new InvalidOperationException($"Refusing to remove image {reference} ({id}): it was in the engine before this test run; tests remove only what they created.");
            }

            return Docker("image", "rm", reference);
        }

        return Docker("image", "rm", "-f", reference);
    }

    /// <summary>
    /// Tags the image of every stage of <paramref name="dockerfile"/> but the last as <c><paramref name="image"/>-stage</c>
    /// and returns those tags, for the test to remove with <see cref="RemoveImage"/>: the classic builder leaves the
    /// stages the final image is not built from (a multi-stage Dockerfile's build and publish stages) behind untagged,
    /// where only their ids would name them. Run right after the build of <paramref name="image"/> with the same
    /// arguments, each <c>--target</c> build is a cache hit of the image that build made.
    /// </summary>
    public static IReadOnlyList<string> TagStages(string image, string dockerfile, string context, string workingDirectory, int timeoutSeconds = 600)
    {
        var tags = new List<string>();
        Dockerfile model = Dockerfile.Parse(File.ReadAllText(dockerfile));
        foreach (DockerfileStage stage in model.Stages.Take(model.Stages.Count - 1))
        {
            if (stage.Name is null)
            {
                throw new InvalidOperationException($"{dockerfile}: stage {stage.Index} has no name, so its image cannot be tagged (docker build --target needs one); name it with FROM … AS name.");
            }

            string tag = image + "-" + stage.Name.ToLowerInvariant();
            Run("docker", new[] { "build", "-q", "-f", dockerfile, "--target", stage.Name, "-t", tag, context }, workingDirectory, timeoutSeconds: timeoutSeconds).EnsureSuccess();
            tags.Add(tag);
        }

        return tags;
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Runs <paramref name="image"/> to completion with the generated run arguments (a POSIX shell line, as the build
    /// writes them), removes the container, and returns what the app printed. The container's name is added to
    /// <paramref name="created"/> first, so a failing test still removes it; a non-zero exit fails with <paramref name="failure"/>.
    /// </summary>
    public static string RunToCompletion(string runArguments, string image, string namePrefix, string workingDirectory, ICollection<string> created, string failure)
    {
        string container = UniqueName(namePrefix);
        created.Add(container);
        ProcessResult run = Run("sh", new[] { "-c", $"exec docker run --name {container} --network none {runArguments} {image}" }, workingDirectory);
        Assert.True(run.ExitCode == 0, failure + ":\n" + run.Output + run.Error);
        RemoveContainers(container).EnsureSuccess();
        return run.Output;
    }

    /// <summary>A name unique to this test run, for containers and volumes the tests create.</summary>
    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 10);

    public static IReadOnlySet<string> VolumeNames()
        => Docker("volume", "ls", "-q").EnsureSuccess().Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Waits until <paramref name="url"/> answers 200 or the container stops; returns false if it never did.</summary>
    public static async Task<bool> WaitForHttpAsync(string url, string container)
    {
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (int attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is System.Net.Http.HttpRequestException or TaskCanceledException)
            {
            }

            if (Docker("inspect", "-f", "{{.State.Running}}", container).Output.Trim() != "true")
            {
                return false;
            }

            await Task.Delay(250);
        }

        return false;
    }
}

public sealed record ProcessResult(int ExitCode, string Output, string Error, string CommandLine)
{
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"'{CommandLine}' exited {ExitCode}:\n{Output}\n{Error}");
        }

        return this;
    }
}
