using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Text;
using System;
using VolumeGen.TestSupport;

namespace VolumeGen.Benchmarks.Build;

/// <summary>One cold build of the Identity template: VolumeGen's ReportAnalyzer rows.</summary>
public sealed record TemplateBuildRun(double WallMs, double CscMs, double VolumeGenMs, IReadOnlyDictionary<string, double> RowsSeconds, int VolumeGenWarnings, string LoadAverage);

/// <summary>
/// The stock <c>dotnet new webapp --auth Individual</c> app with the VolumeGen package added the way the template tests
/// add it (tests/VolumeGen.Docker.Tests/Templates/TemplateSolution.cs: the packed package from a private feed, restored
/// into an isolated NUGET_PACKAGES folder, Visual Studio's Dockerfile and .dockerignore), built cold: no compiler server
/// (<c>-p:UseSharedCompilation=false</c>, <c>--disable-build-servers</c>), <c>-p:ReportAnalyzer=true</c>,
/// <c>--no-incremental</c> so every build runs a new csc process over the whole project. VolumeGen's figure is the sum of
/// its ReportAnalyzer rows (the analyzers' and the generator's, each assembly row counted once).
/// </summary>
public sealed class IdentityTemplateBenchmark
{
    private const string Project = "WebApp";
    private readonly string _repoRoot;

    /// <summary>Creates the benchmark for the repository at <paramref name="repoRoot"/>.</summary>
    public IdentityTemplateBenchmark(string repoRoot) => _repoRoot = repoRoot;

    /// <summary>Packs VolumeGen, creates the app in <paramref name="work"/>, builds it once (not measured), then <paramref name="runs"/> measured cold builds.</summary>
    public IReadOnlyList<TemplateBuildRun> Measure(string work, int runs)
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        string feed = Path.Combine(work, "feed");
        Directory.CreateDirectory(feed);
        File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />\n");
        // The machine's own package sources stay (the template's packages come from there); the feed adds VolumeGen.
        File.WriteAllText(Path.Combine(work, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <add key=\"volumegen-bench-feed\" value=\"feed\" />\n  </packageSources>\n</configuration>\n");

        Console.Error.WriteLine($"template: packing VolumeGen (Release) into {feed}");
        DotnetProcess.Run("dotnet", new[] { "pack", Path.Combine(_repoRoot, "src", "VolumeGen", "VolumeGen.csproj"), "-c", "Release", "-nologo", "-p:PackageOutputPath=" + feed }, _repoRoot);

        string projectFile = CreateApp(work, Project);
        string text = File.ReadAllText(projectFile);
        text = new Regex("(\\s*)<PackageReference ", RegexOptions.None, TimeSpan.FromSeconds(5))
            .Replace(text, "$1<PackageReference Include=\"VolumeGen\" Version=\"0.1.0\" />$1<PackageReference ", 1);
        File.WriteAllText(projectFile, text);

        string packages = Path.Combine(work, "nuget-packages");
        Console.Error.WriteLine("template: restoring into an isolated packages folder");
        DotnetProcess.Run("dotnet", new[] { "restore", projectFile }, work, packages);
        BuildOnce(work, projectFile, packages, "warm-up");

        var results = new List<TemplateBuildRun>();
        for (int run = 0; run < runs; run++)
        {
            TemplateBuildRun result = BuildOnce(work, projectFile, packages, run.ToString(System.Globalization.CultureInfo.InvariantCulture));
            results.Add(result);
            Console.Error.WriteLine($"  [template] build {run + 1}/{runs}: VolumeGen {result.VolumeGenMs:0} ms, Csc {result.CscMs:0} ms (load {result.LoadAverage})");
        }

        return results;
    }

    private static TemplateBuildRun BuildOnce(string work, string projectFile, string packages, string name)
    {
        string log = Path.Combine(work, $"build-{name}.log");
        string load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        var stopwatch = Stopwatch.StartNew();
        DotnetProcess.Run("dotnet", new[] { "build", projectFile, "--no-restore", "--no-incremental", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:ReportAnalyzer=true", "-v:q", $"-flp:logfile={log};verbosity=detailed;performancesummary" }, work, packages);
        double wallMs = stopwatch.Elapsed.TotalMilliseconds;
        BuildRun parsed = BuildBenchmark.Parse(true, wallMs, File.ReadAllText(log));
        // The assembly rows ("analyzers: VolumeGen.SourceGenerators", "generators: VolumeGen.SourceGenerators") hold the
        // sum of their class rows.
        double seconds = parsed.VolumeGenSeconds.Where(static p => p.Key.EndsWith(": VolumeGen.SourceGenerators", StringComparison.Ordinal)).Sum(static p => p.Value);
        return new TemplateBuildRun(wallMs, parsed.CscMs, seconds * 1000, parsed.VolumeGenSeconds, parsed.VolumeGenWarnings, load);
    }

    /// <summary>
    /// The stock Identity template (<c>dotnet new webapp --auth Individual</c>) as <paramref name="name"/> in <paramref name="root"/>,
    /// with Visual Studio's Dockerfile and .dockerignore, without VolumeGen; returns the project file.
    /// </summary>
    public static string CreateApp(string root, string name)
    {
        string folder = Path.Combine(root, name);
        DotnetProcess.Run("dotnet", new[] { "new", "webapp", "--auth", "Individual", "-o", folder, "-n", name, "--no-update-check" }, root);
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), VisualStudioContainerFiles.Dockerfile(name));
        File.WriteAllText(Path.Combine(root, ".dockerignore"), VisualStudioContainerFiles.DockerIgnore);
        return Path.Combine(folder, name + ".csproj");
    }
}
