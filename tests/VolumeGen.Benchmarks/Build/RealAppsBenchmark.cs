using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace VolumeGen.Benchmarks.Build;

/// <summary>
/// Cold builds of real apps with VolumeGen added, the user's repository untouched: each repository is copied into the
/// work folder (without bin/, obj/, node_modules/), and VolumeGen comes in through an MSBuild file the build imports by
/// <c>-p:CustomAfterMicrosoftCommonTargets</c>, a PackageReference for the measured project only. VolumeGen is packed
/// from this checkout (or taken from <c>--feed</c>) and restored into the work folder's own packages folder. After one
/// unmeasured build (it also builds the project's references), each measured build is
/// <c>dotnet build --no-incremental --disable-build-servers -p:UseSharedCompilation=false -p:ReportAnalyzer=true
/// -p:BuildProjectReferences=false</c>: a new csc process compiling the measured project only, so its analyzer table is
/// the project's.
/// </summary>
public sealed class RealAppsBenchmark
{
    /// <summary>The analyzer images a run can ask for: the package's ReadyToRun image or its IL assembly.</summary>
    public static readonly string[] Images = { "readytorun", "il" };

    private const string TemplateName = "IdentityTemplate";
    private static readonly string[] SkippedFolders = { "bin", "obj", "node_modules", ".vs", ".git" };

    private readonly string _repoRoot;
    private readonly string _work;

    /// <summary>Creates the benchmark for the repository at <paramref name="repoRoot"/>, working in <paramref name="work"/>.</summary>
    public RealAppsBenchmark(string repoRoot, string work)
    {
        _repoRoot = repoRoot;
        _work = work;
    }

    private string Packages => Path.Combine(_work, "nuget-packages");

    private string Feed => Path.Combine(_work, "feed");

    private string InjectedTargets => Path.Combine(_work, "volumegen-benchmark.targets");

    /// <summary>
    /// Packs VolumeGen (or copies it from <paramref name="feed"/>), writes the import file, and prepares the Identity template
    /// and a copy of each project's repository; returns the apps to measure.
    /// </summary>
    public IReadOnlyList<RealApp> Prepare(IReadOnlyList<string> projects, string? feed)
    {
        foreach (string folder in new[] { Feed, Path.Combine(_work, "apps"), Path.Combine(_work, "logs") })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
        }

        // The packages folder stays between runs (the apps' own packages); VolumeGen 0.1.0 in it is always the new one.
        string restored = Path.Combine(Packages, "volumegen");
        if (Directory.Exists(restored))
        {
            Directory.Delete(restored, recursive: true);
        }

        if (feed is null)
        {
            Console.Error.WriteLine($"realapps: packing VolumeGen (Release) into {Feed}");
            DotnetProcess.Run("dotnet", new[] { "pack", Path.Combine(_repoRoot, "src", "VolumeGen", "VolumeGen.csproj"), "-c", "Release", "-nologo", "-p:PackageOutputPath=" + Feed }, _repoRoot);
        }
        else
        {
            string package = Path.Combine(feed, "VolumeGen.0.1.0.nupkg");
            if (!File.Exists(package))
            {
                throw new ArgumentException($"--feed '{feed}' holds no VolumeGen.0.1.0.nupkg; pack one there with `dotnet pack src/VolumeGen -c Release -p:PackageOutputPath=<folder>`.");
            }

            File.Copy(package, Path.Combine(Feed, "VolumeGen.0.1.0.nupkg"));
        }

        File.WriteAllText(InjectedTargets, """
            <Project>
              <!-- Written by tests/VolumeGen.Benchmarks (realapps mode): VolumeGen for the measured project only. -->
              <ItemGroup Condition="'$(MSBuildProjectFullPath)' == '$(VolumeGenBenchmarkProject)'">
                <PackageReference Include="VolumeGen" Version="0.1.0" Condition="'$(ManagePackageVersionsCentrally)' != 'true'" />
                <PackageReference Include="VolumeGen" VersionOverride="0.1.0" Condition="'$(ManagePackageVersionsCentrally)' == 'true'" />
              </ItemGroup>
            </Project>
            """);

        var apps = new List<RealApp> { PrepareTemplate() };
        foreach (string project in projects)
        {
            apps.Add(PrepareCopy(project));
        }

        return apps;
    }

    /// <summary>Restores <paramref name="app"/> with VolumeGen, builds it once unmeasured, then <paramref name="runs"/> measured builds per image, alternating.</summary>
    public IReadOnlyList<RealAppBuildRun> Measure(RealApp app, IReadOnlyList<string> images, int runs)
    {
        string folder = Path.GetDirectoryName(app.ProjectFile)!;
        Console.Error.WriteLine($"realapps: {app.Name}: restoring and building once ({app.ProjectFile})");
        DotnetProcess.Run("dotnet", new[] { "restore", app.ProjectFile, "-p:RestoreAdditionalProjectSources=" + Feed }.Concat(Injection(app)), folder, Packages);
        DotnetProcess.Run("dotnet", new[] { "build", app.ProjectFile, "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:q" }.Concat(Injection(app)), folder, Packages);

        var results = new List<RealAppBuildRun>();
        for (int run = 0; run < runs; run++)
        {
            IEnumerable<string> order = run % 2 == 0 ? images : images.Reverse();
            foreach (string image in order)
            {
                RealAppBuildRun result = BuildOnce(app, image, run);
                results.Add(result);
                Console.Error.WriteLine($"  [realapps] {app.Name} {image} {run + 1}/{runs}: Csc {result.CscMs:0} ms, VolumeGen analyzers {result.VolumeGenAnalyzersMs:0} ms, "
                    + $"NetAnalyzers {result.NetAnalyzersMs:0} ms ({result.AnalyzerImage}; load {result.LoadAverage})");
            }
        }

        return results;
    }

    private RealAppBuildRun BuildOnce(RealApp app, string image, int run)
    {
        string log = Path.Combine(_work, "logs", $"{app.Name}-{image}-{run.ToString(CultureInfo.InvariantCulture)}.log");
        string load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        string[] arguments =
        {
            "build", app.ProjectFile, "--no-restore", "--no-incremental", "--disable-build-servers", "-nodeReuse:false",
            "-p:UseSharedCompilation=false", "-p:ReportAnalyzer=true", "-p:BuildProjectReferences=false",
            "-p:VolumeGenUseReadyToRunAnalyzers=" + (image == "il" ? "false" : "true"),
            "-v:q", $"-flp:logfile={log};verbosity=detailed;performancesummary",
        };
        var stopwatch = Stopwatch.StartNew();
        DotnetProcess.Run("dotnet", arguments.Concat(Injection(app)), Path.GetDirectoryName(app.ProjectFile)!, Packages);
        double wallMs = stopwatch.Elapsed.TotalMilliseconds;

        string text = File.ReadAllText(log);
        BuildRun parsed = BuildBenchmark.Parse(true, wallMs, text);
        string used = BuildBenchmark.AnalyzerImage(text);
        if (used == "none" || parsed.VolumeGenSeconds.Count == 0)
        {
            throw new InvalidOperationException($"{app.Name}: the compiler got no VolumeGen analyzer (see {log}); the project may not import Microsoft.Common.targets' CustomAfterMicrosoftCommonTargets.");
        }

        return new RealAppBuildRun(image, used, wallMs, parsed.CscMs, parsed.TotalAnalyzerSeconds, BuildBenchmark.NetAnalyzersSeconds(text), parsed.VolumeGenSeconds, parsed.VolumeGenWarnings, load);
    }

    private string[] Injection(RealApp app)
        => new[] { "-p:CustomAfterMicrosoftCommonTargets=" + InjectedTargets, "-p:VolumeGenBenchmarkProject=" + app.ProjectFile };

    private RealApp PrepareTemplate()
    {
        string root = Path.Combine(_work, "apps", TemplateName);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        Console.Error.WriteLine("realapps: creating the Identity template (dotnet new webapp --auth Individual)");
        string projectFile = IdentityTemplateBenchmark.CreateApp(root, "WebApp");
        return new RealApp(TemplateName, "dotnet new webapp --auth Individual + Visual Studio's Dockerfile", "SDK " + SdkVersion(root), projectFile, CountCSharpFiles(projectFile), Array.Empty<string>());
    }

    private RealApp PrepareCopy(string project)
    {
        string projectFile = Path.GetFullPath(project);
        if (Directory.Exists(projectFile))
        {
            string[] found = Directory.GetFiles(projectFile, "*.csproj");
            projectFile = found.Length == 1 ? found[0] : throw new ArgumentException($"--project '{project}' is a folder with {found.Length} .csproj files; name the project file.");
        }

        if (!File.Exists(projectFile) || !projectFile.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--project '{project}' is not a C# project file (.csproj) or a folder holding one.");
        }

        string root = RepositoryRoot(projectFile);
        (int gitExit, string gitOutput) = DotnetProcess.TryRun("git", new[] { "-C", root, "rev-parse", "HEAD" }, root);
        string commit = gitExit == 0 ? gitOutput.Trim() : "not a git checkout";
        string name = new DirectoryInfo(root).Name;
        string copy = Path.Combine(_work, "apps", name);
        Console.Error.WriteLine($"realapps: copying {root} to {copy}");
        CopyTree(root, copy);
        // The copy stays a checkout of the same repository (the SDK's source link and VolumeGen's container-file search see
        // its root) without a copy of the history: its .git names the original's git folder, which nothing here writes.
        string git = Path.Combine(root, ".git");
        if (File.Exists(git))
        {
            File.Copy(git, Path.Combine(copy, ".git"));
        }
        else if (Directory.Exists(git))
        {
            File.WriteAllText(Path.Combine(copy, ".git"), "gitdir: " + git + "\n");
        }

        string copiedProject = Path.Combine(copy, Path.GetRelativePath(root, projectFile));
        var notes = new List<string>();
        string projectFolder = Path.GetDirectoryName(copiedProject)!;
        if (DotnetProcess.TryRun("dotnet", new[] { "--version" }, projectFolder).ExitCode != 0)
        {
            // A global.json pinning an SDK this machine does not have: the copy builds with the machine's SDK instead.
            for (DirectoryInfo? dir = new(projectFolder); dir is not null && dir.FullName.StartsWith(copy, StringComparison.Ordinal); dir = dir.Parent)
            {
                string globalJson = Path.Combine(dir.FullName, "global.json");
                if (File.Exists(globalJson))
                {
                    notes.Add($"its {Path.GetRelativePath(copy, globalJson)} pins an SDK this machine lacks ({File.ReadAllText(globalJson).Replace('\n', ' ').Replace('\r', ' ').Trim()}): removed in the copy");
                    File.Delete(globalJson);
                }
            }
        }

        notes.Add("built with SDK " + SdkVersion(projectFolder));
        return new RealApp(name, root, commit, copiedProject, CountCSharpFiles(copiedProject), notes);
    }

    /// <summary>The nearest folder above the project holding .git; else the nearest holding a solution; else the project's folder.</summary>
    private static string RepositoryRoot(string projectFile)
    {
        string folder = Path.GetDirectoryName(projectFile)!;
        for (DirectoryInfo? dir = new(folder); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        for (DirectoryInfo? dir = new(folder); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.sln").Any() || dir.EnumerateFiles("*.slnx").Any())
            {
                return dir.FullName;
            }
        }

        return folder;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            if (Path.GetFileName(file) != ".git")
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }

        foreach (string directory in Directory.GetDirectories(from))
        {
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is null && !SkippedFolders.Contains(info.Name, StringComparer.OrdinalIgnoreCase))
            {
                CopyTree(directory, Path.Combine(to, info.Name));
            }
        }
    }

    private static int CountCSharpFiles(string projectFile)
        => Directory.EnumerateFiles(Path.GetDirectoryName(projectFile)!, "*.cs", SearchOption.AllDirectories)
            .Count(static f => !f.Split(Path.DirectorySeparatorChar).Any(static part => part is "bin" or "obj"));

    private static string SdkVersion(string folder)
    {
        (int exit, string output) = DotnetProcess.TryRun("dotnet", new[] { "--version" }, folder);
        return exit == 0 ? output.Trim() : "unknown";
    }
}
