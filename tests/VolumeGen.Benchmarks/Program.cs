using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using VolumeGen.Benchmarks.Build;
using VolumeGen.Benchmarks.Incremental;
using VolumeGen.Benchmarks.InProcess;
using VolumeGen.Benchmarks.Micro;
using VolumeGen.Benchmarks.Reporting;
using VolumeGen.Benchmarks.Synthetic;

namespace VolumeGen.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/VolumeGen.Benchmarks -- [all|compile|incremental|build|micro|ide|template|realapps|summary|generate|trace] [options]</c>.
/// Writes a markdown report (default artifacts/benchmarks/performance.md) and echoes it to the console.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage: dotnet run -c Release --project tests/VolumeGen.Benchmarks -- <mode> [options]

        modes:
          all          compile + incremental + build + micro (35-40 minutes of an idle 2-core machine; see docs/performance.md)
          compile      in-process compile cost: without / floor / VolumeGen, alternated, medians and ratios
          incremental  generator driver re-run after an unrelated edit and after a storage-class edit
          build        real `dotnet build -p:ReportAnalyzer=true` of the 2,000-file project, with and without VolumeGen
          micro        BenchmarkDotNet micro-benchmarks (formatters, path evaluator, sink table, the usage analyzer's allocations)
          ide          one document's analysis (GetAnalyzerSemanticDiagnosticsAsync) at 2,000 and 10,000 files
          template     cold builds of `dotnet new webapp --auth Individual` + VolumeGen: VolumeGen's ReportAnalyzer rows
          realapps     cold builds of the Identity template and each --project with VolumeGen added (the repository is copied,
                       not changed): VolumeGen's rows beside the SDK's NetAnalyzers rows and the Csc task
          summary      compile (sdk, sdk+volumegen) + incremental + ide + template (+ realapps when --project is given),
                       and the issue's one-line summary
          generate     write a synthetic project: generate <folder> [--sizes 2000]
          trace        attribute a dotnet-trace sample trace to VolumeGen's methods: trace <file.nettrace> [--focus Type.Method]

        options:
          --sizes 200,2000,10000   project sizes for compile/incremental (default: all three)
          --runs N                 measured runs per configuration for 200 and 2,000 files (default 5)
          --large-runs N           measured runs per configuration for 10,000 files (default 3)
          --build-runs N           measured builds per configuration (default 3)
          --configs a,b            compile configurations to run (default: without,floor,volumegen,sdk,sdk+volumegen)
          --concurrent             let the compiler and the analyzer driver use several threads (default: one)
          --quick                  1 run each and short micro-benchmarks: a smoke test of the harness, not numbers
          --focus NAME             micro: only the benchmark classes whose name contains NAME; trace: the method to break down
          --project PATH           realapps/summary: a real app's .csproj (or its folder); repeat for several
          --analyzer-image X       realapps: readytorun, il or both (default both; summary: readytorun)
          --feed PATH              realapps: take VolumeGen.0.1.0.nupkg from PATH instead of packing this checkout
          --out PATH               report path (default artifacts/benchmarks/performance.md)
        """;

    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 1 : 0;
        }

        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 1;
        }

        if (options.Mode == "generate")
        {
            foreach (ProjectSize size in options.Sizes)
            {
                string folder = Path.Combine(options.Positional ?? "synthetic", size.Name);
                SyntheticProject.Generate(size).WriteTo(folder);
                Console.WriteLine($"Wrote {size.Files} files to {folder}");
            }

            return 0;
        }

        if (options.Mode == "trace")
        {
            var traceReport = new MarkdownReport();
            Profiling.TraceReport.Run(traceReport, options.Positional ?? throw new ArgumentException("trace needs a .nettrace file."), options.Focus);
            traceReport.Save(options.OutputPath);
            return 0;
        }

        var report = new MarkdownReport();
        report.Heading(2, $"VolumeGen benchmark results ({options.Mode})");
        report.Paragraph($"Command: `dotnet run -c Release --project tests/VolumeGen.Benchmarks -- {string.Join(' ', args)}`");
        report.Table(new[] { "machine", "value" }, MachineInfo.Describe().Select(static f => (IReadOnlyList<string>)new[] { f.Name, f.Value }));

        var setup = CompilerSetup.Create(options.Concurrent);
        bool all = options.Mode == "all";
        bool summary = options.Mode == "summary";
        CompileFigures? figures = null;
        double templateMs = double.NaN;
        double realAppsShare = double.NaN;
        if (all || summary || options.Mode == "compile")
        {
            figures = await CompileSection.RunAsync(report, setup, summary ? options with { Configurations = new[] { "sdk", "sdk+volumegen" } } : options).ConfigureAwait(false);
        }

        if (all || summary || options.Mode == "incremental")
        {
            // The summary checks "an unrelated edit re-runs no output" at 2,000 files only (10,000 adds minutes, not evidence).
            IncrementalSection.Run(report, setup, summary ? options with { Sizes = new[] { ProjectSize.Medium } } : options);
        }

        if (all || summary || options.Mode == "ide")
        {
            await IdeSection.RunAsync(report, setup, options).ConfigureAwait(false);
        }

        if (all || options.Mode == "build")
        {
            BuildSection.Run(report, options);
        }

        if (all || summary || options.Mode == "template")
        {
            templateMs = TemplateSection.Run(report, options);
        }

        if (options.Mode == "realapps" || (summary && options.Projects.Count > 0))
        {
            realAppsShare = RealAppsSection.Run(report, summary ? options with { AnalyzerImage = options.AnalyzerImage ?? "readytorun" } : options);
        }

        if (all || options.Mode == "micro")
        {
            report.Heading(3, "Micro-benchmarks (BenchmarkDotNet, in-process toolchain)");
            MicroRunner.Run(report, Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!, options.Quick, options.Focus);
        }

        if (figures is not null || !double.IsNaN(templateMs) || !double.IsNaN(realAppsShare))
        {
            string line = SummaryLine(figures, templateMs, realAppsShare);
            report.Paragraph($"Load average at the end: {MachineInfo.LoadAverage()}.");
            report.Paragraph(line);
            Console.WriteLine(line);
        }

        report.Save(options.OutputPath);
        Console.Error.WriteLine($"Report written to {Path.GetFullPath(options.OutputPath)}");
        return 0;
    }

    /// <summary>The issue's summary line; <c>n/a</c> for a figure this run did not measure.</summary>
    public static string SummaryLine(CompileFigures? figures, double templateMs, double realAppsShare)
    {
        static string Figure(double value, string format) => double.IsNaN(value) ? "n/a" : Stats.N(value, format);
        return $"Summary: own time {Figure(figures?.ShareAt(2000) ?? double.NaN, "0.00")} % of the SDK compile at 2,000 files, "
            + $"{Figure(figures?.ShareAt(10000) ?? double.NaN, "0.00")} % at 10,000; per-file spread {Figure(figures?.SpreadPercent ?? double.NaN, "0")} %; "
            + $"cold Identity template {Figure(templateMs, "0")} ms; real apps {Figure(realAppsShare, "0")} % of NetAnalyzers";
    }

    /// <summary>The repository root (the folder holding VolumeGen.sln), from the current directory or the binary's.</summary>
    public static string FindRepoRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VolumeGen.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Could not find VolumeGen.sln above the current directory or the benchmark binary; run from the repository.");
    }
}

/// <summary>Parsed command line.</summary>
public sealed record Options(
    string Mode,
    IReadOnlyList<ProjectSize> Sizes,
    int Runs,
    int LargeRuns,
    int BuildRuns,
    IReadOnlyList<string> Configurations,
    bool Concurrent,
    bool Quick,
    string OutputPath,
    string? Positional,
    string? Focus = null,
    IReadOnlyList<string>? ProjectList = null,
    string? AnalyzerImage = null,
    string? Feed = null)
{
    private static readonly string[] Modes = { "all", "compile", "incremental", "build", "micro", "ide", "template", "realapps", "summary", "generate", "trace" };

    /// <summary>The real apps' projects (<c>--project</c>), in the order given.</summary>
    public IReadOnlyList<string> Projects => ProjectList ?? Array.Empty<string>();

    /// <summary>Runs for a size: fewer for 10,000 files, whose compiles dominate the run time.</summary>
    public int RunsFor(ProjectSize size) => Quick ? 1 : size == ProjectSize.Large ? LargeRuns : Runs;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public static Options Parse(string[] args)
    {
        string mode = args[0];
        if (!Modes.Contains(mode, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown mode '{mode}'. Use one of: {string.Join(", ", Modes)}.");
        }

        IReadOnlyList<ProjectSize> sizes = ProjectSize.All;
        int runs = 5, largeRuns = 3, buildRuns = 3;
        bool concurrent = false, quick = false;
        IReadOnlyList<string> configurations = CompileConfiguration.All.Select(static c => c.Name).ToArray();
        string output = Path.Combine(Program.FindRepoRoot(), "artifacts", "benchmarks", "performance.md");
        string? positional = null;
        string? focus = null;
        var projects = new List<string>();
        string? analyzerImage = null;
        string? feed = null;
        for (int i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--sizes":
                    sizes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ProjectSize.Parse).ToArray();
                    break;
                case "--runs":
                    runs = PositiveInt(Next(), "--runs");
                    break;
                case "--large-runs":
                    largeRuns = PositiveInt(Next(), "--large-runs");
                    break;
                case "--build-runs":
                    buildRuns = PositiveInt(Next(), "--build-runs");
                    break;
                case "--configs":
                    configurations = Next().Split(',', StringSplitOptions.RemoveEmptyEntries);
                    foreach (string name in configurations)
                    {
                        if (!CompileConfiguration.All.Any(c => c.Name == name))
                        {
                            throw new ArgumentException($"Unknown configuration '{name}'. Use: {string.Join(", ", CompileConfiguration.All.Select(static c => c.Name))}.");
                        }
                    }

                    break;
                case "--concurrent":
                    concurrent = true;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--out":
                    output = Next();
                    break;
                case "--focus":
                    focus = Next();
                    break;
                case "--project":
                    projects.Add(Next());
                    break;
                case "--analyzer-image":
                    analyzerImage = Next();
                    if (analyzerImage is not ("readytorun" or "il" or "both"))
                    {
                        throw new ArgumentException($"--analyzer-image takes readytorun, il or both, not '{analyzerImage}'.");
                    }

                    break;
                case "--feed":
                    feed = Path.GetFullPath(Next());
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || positional is not null)
                    {
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                    }

                    positional = args[i];
                    break;
            }
        }

        if (quick)
        {
            buildRuns = 1;
        }

        if (mode == "realapps" && analyzerImage is null)
        {
            analyzerImage = "both";
        }

        return new Options(mode, sizes, runs, largeRuns, buildRuns, configurations, concurrent, quick, output, positional, focus, projects, analyzerImage, feed);
    }

    private static int PositiveInt(string value, string option)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"{option} takes a positive whole number, not '{value}'.");
}
