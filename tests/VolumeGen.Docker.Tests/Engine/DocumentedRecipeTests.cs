using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>
/// Every shell recipe in README.md and docs/ (a fenced block marked <c>```sh recipe</c>) runs on the real engine,
/// from the documented text itself, and must succeed. The fixture is what the recipes assume: a project folder with
/// <c>bin/Release/net10.0/ProfileService.dll</c> (a manifest with a space, a quote and a <c>$</c> in its paths), its
/// <c>config</c> folder, an image <c>profileservice</c> and <c>volumegen</c> on PATH. The documented image and container
/// names (<c>profileservice</c>, <c>web</c>) are replaced with unique ones so runs never collide on the shared engine.
/// Every other shell block must be one of the repository's own workflows (building, testing, the engine script).
/// </summary>
public sealed class DocumentedRecipeTests : IDisposable
{
    private const string BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0";
    private static readonly Regex Fence = new("^```(?<info>[^\\n]*)\\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);

    // The repository's own workflows: what a developer of VolumeGen runs, and .ci/run runs on every change.
    private static readonly Regex Workflow = new(
        "^(eng/|bash eng/|sudo eng/|eval \"\\$\\((bash )?eng/docker-engine\\.sh env\\)\"|dotnet test |VOLUMEGEN_REQUIRE_DOCKER=1 dotnet test |dotnet run -c Release --project tests/VolumeGen\\.Benchmarks|B=\"dotnet run|\\$B )");

    private readonly TempFolder _temp = new();
    private readonly List<string> _containers = new();
    private readonly List<string> _volumes = new();
    private readonly List<string> _images = new();

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

    public static TheoryData<string, int> Recipes()
    {
        var data = new TheoryData<string, int>();
        foreach ((string file, int index, _, _) in ShellBlocks().Where(static b => b.IsRecipe))
        {
            data.Add(file, index);
        }

        return data;
    }

    [Fact]
    public void Every_shell_block_is_a_tested_recipe_or_a_repository_workflow()
    {
        var untested = new List<string>();
        foreach ((string file, int index, bool isRecipe, string body) in ShellBlocks())
        {
            if (isRecipe)
            {
                continue;
            }

            // A line ending in a backslash continues on the next: the command is judged whole, by its first line.
            string commands = Regex.Replace(body, "\\\\\\r?\\n", " ");
            foreach (string line in commands.Split('\n').Select(static l => l.Trim()).Where(static l => l.Length > 0 && !l.StartsWith('#')))
            {
                if (!Workflow.IsMatch(line))
                {
                    untested.Add($"{file} block {index}: {line}");
                }
            }
        }

        Assert.True(untested.Count == 0, "Shell lines that no test runs; mark the block ```sh recipe (and make it pass here) or reword it:\n" + string.Join("\n", untested));
        Assert.Contains(ShellBlocks(), static b => b.IsRecipe && b.Body.Contains("--shell none", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Recipes))]
    public void The_documented_recipe_runs_on_a_real_engine(string file, int index)
    {
        DockerEngine.SkipUnlessAvailable();
        string body = ShellBlocks().Single(b => b.File == file && b.Index == index).Body;
        string image = "volumegen-recipe/" + DockerEngine.UniqueName("profileservice");
        string container = DockerEngine.UniqueName("vg-recipe-web");
        string volume = DockerEngine.UniqueName("vg-recipe-data");
        _images.Add(image);
        _containers.Add(container);
        _volumes.Add(volume);

        string project = Path.Combine(_temp.Path, "ProfileService");
        MountSet mounts = Fixture(project, volume, image);
        string script = Regex.Replace(Regex.Replace(body, "\\bprofileservice\\b", image), "\\bweb\\b", container);
        string home = Path.Combine(_temp.Path, "home");
        Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Path.Combine(_temp.Path, "bin") + ":" + Path.Combine(home, ".dotnet", "tools") + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = Path.Combine(home, "nuget-packages"),
            ["NUGET_FALLBACK_PACKAGES"] = NuGetCache(),
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };

        ProcessResult run = DockerEngine.Run("bash", new[] { "-euo", "pipefail", "-c", script }, project, environment);

        Assert.True(run.ExitCode == 0, $"{file} recipe {index} failed ({run.ExitCode}):\n{script}\n--- stdout\n{run.Output}\n--- stderr\n{run.Error}");
        if (script.Contains("docker run", StringComparison.Ordinal))
        {
            // The container really has every declared mount, at exactly the declared paths.
            string destinations = DockerEngine.Docker("inspect", "-f", "{{range .Mounts}}{{.Destination}}\n{{end}}", container).EnsureSuccess().Output;
            Assert.Equal(mounts.Select(static m => m.Target).OrderBy(static t => t, StringComparer.Ordinal),
                destinations.Split('\n', StringSplitOptions.RemoveEmptyEntries).OrderBy(static t => t, StringComparer.Ordinal));
        }
    }

    /// <summary>The project folder the recipes assume; returns the declared mounts.</summary>
    private MountSet Fixture(string project, string volume, string image)
    {
        string repo = ProfileServiceImage.RepoRoot();
        CopyTracked(repo, project);
        Directory.CreateDirectory(Path.Combine(project, "config"));
        var mounts = new MountSet(
            Mount.NamedVolume("/app/data", volume),
            Mount.AnonymousVolume("/app/cache dir's $HOME"),
            Mount.Bind("./config", "/app/config", readOnly: true));
        ManifestAssembly.Write(Path.Combine(project, "bin", "Release", "net10.0"), "ProfileService", ManifestAssembly.Manifest("ProfileService.AppStorage", mounts.ToArray()));

        string context = Path.Combine(_temp.Path, "image");
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), $"FROM {BaseImage}\nCMD [\"sleep\", \"600\"]\n");
        DockerEngine.Docker("build", "--network", "none", "-q", "-t", image, context).EnsureSuccess();

        // `volumegen` as the installed tool would be: the CLI these tests reference.
        string bin = Path.Combine(_temp.Path, "bin");
        Directory.CreateDirectory(bin);
        string cli = Path.Combine(AppContext.BaseDirectory, "VolumeGen.Cli.dll");
        File.WriteAllText(Path.Combine(bin, "volumegen"), $"#!/bin/sh\nexec dotnet '{cli}' \"$@\"\n");
        DockerEngine.Run("chmod", new[] { "+x", Path.Combine(bin, "volumegen") }, bin).EnsureSuccess();
        return mounts;
    }

    // The recipes that build (the tool's own pack) need the sources as a checkout has them: src/ and the build files.
    private static void CopyTracked(string repo, string destination)
    {
        ProcessResult files = DockerEngine.Run("git", new[] { "ls-files", "src", "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" }, repo).EnsureSuccess();
        foreach (string relative in files.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(repo, relative), target);
        }

        File.WriteAllText(Path.Combine(destination, "nuget.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <add key=\"volumegen-local\" value=\"artifacts/packages\" />\n  </packageSources>\n</configuration>\n");
    }

    // Restores in the recipes may use what this machine already has; the tool itself goes to an empty folder.
    private static string NuGetCache()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static IEnumerable<(string File, int Index, bool IsRecipe, string Body)> ShellBlocks()
    {
        string repo = ProfileServiceImage.RepoRoot();
        var files = new[] { Path.Combine(repo, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(repo, "docs"), "*.md", SearchOption.AllDirectories));
        foreach (string path in files.OrderBy(static p => p, StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(repo, path).Replace('\\', '/');
            int index = 0;
            foreach (Match fence in Fence.Matches(File.ReadAllText(path).Replace("\r\n", "\n")))
            {
                string[] info = fence.Groups["info"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (info.Length == 0 || info[0] is not ("sh" or "bash" or "shell" or "console"))
                {
                    continue;
                }

                yield return (relative, index++, info.Contains("recipe"), fence.Groups["body"].Value);
            }
        }
    }
}
