using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using VolumeGen.Benchmarks.Reporting;
using VolumeGen.Benchmarks.Synthetic;

namespace VolumeGen.Benchmarks.InProcess;

/// <summary>The <c>compile</c> mode: measures every size and writes the ratio, phase and per-analyzer tables.</summary>
public static class CompileSection
{
    /// <summary>The issue's budget: VolumeGen may add at most 2 % on the 2,000-file project.</summary>
    public const double BudgetRatio = 1.02;

    /// <summary>Runs the mode; returns the figures of the summary line.</summary>
    public static async Task<CompileFigures> RunAsync(MarkdownReport report, CompilerSetup setup, Options options)
    {
        var benchmark = new CompileCostBenchmark(setup);
        var bySize = new List<(ProjectSize Size, SyntheticProject Project, IReadOnlyList<CompileRun> Runs)>();
        foreach (ProjectSize size in options.Sizes)
        {
            SyntheticProject project = SyntheticProject.Generate(size);
            Console.Error.WriteLine($"compile: {size.Files} files, {project.CountLines()} lines, calls: {project.Counts}");
            IReadOnlyList<CompileRun> runs = await benchmark.MeasureAsync(project, CompileConfiguration.All.Where(c => options.Configurations.Contains(c.Name)).ToArray(), options.RunsFor(size)).ConfigureAwait(false);
            bySize.Add((size, project, runs));
        }

        report.Heading(3, "Compile cost, in process");
        report.Paragraph(
            "Each run parses the project, runs the generators (`CSharpGeneratorDriver.RunGeneratorsAndUpdateCompilation`), emits to memory "
            + "and runs the analyzers (`CompilationWithAnalyzers`, `logAnalyzerExecutionTime: true`, `GetAnalyzerDiagnosticsAsync`). "
            + "Configurations alternate (rotating order) run by run, after one warm-up run of each configuration on the first size (the process is JIT-warm for later sizes); the table gives medians. "
            + $"Compiler and analyzer driver {(setup.Concurrent ? "concurrent" : "single-threaded (`concurrentBuild: false`, `concurrentAnalysis: false`)")}; "
            + $"framework references: `{setup.ReferenceSource}`. "
            + "*without* = compiler only; *floor* = a no-op generator and no-op analyzers of VolumeGen's shape (what any such package costs); "
            + "*VolumeGen* = every generator and analyzer in VolumeGen.SourceGenerators; "
            + $"*SDK* = compiler + the .NET SDK's default analyzers (NetAnalyzers from `{SdkAnalyzers.Source}`, {SdkAnalyzers.Analyzers.Length} analyzers, their own default severities), "
            + "the realistic baseline since every SDK-style project runs them; *SDK+VolumeGen* = VolumeGen on top of it. "
            + "CPU columns use the process's CPU time instead of wall-clock time (more robust when other processes share the cores).");
        report.Table(
            new[] { "files", "lines", "storage classes", "fs calls", "runs", "without (ms)", "floor (ms)", "VolumeGen (ms)", "floor vs without", "**VolumeGen vs without**", "VolumeGen vs floor", "VolumeGen vs without, CPU", "SDK (ms)", "SDK+VolumeGen (ms)", "**SDK+VolumeGen vs SDK**", "same, CPU" },
            bySize.Select(static s => Row(s.Size, s.Project, s.Runs)));

        report.Paragraph(Verdict(bySize));

        report.Heading(4, "Paired ratios (run i of one configuration against run i of its baseline, same rotation round)");
        report.Paragraph(
            "Medians of separate configurations can pair a quiet minute with a busy one; a paired ratio compares two compiles "
            + "of the same round, minutes apart at most. The median of the paired ratios is the robust figure when the machine's load varies.");
        var paired = new List<IReadOnlyList<string>>();
        foreach ((ProjectSize size, SyntheticProject _, IReadOnlyList<CompileRun> runs) in bySize)
        {
            foreach ((string with, string baseline) in new[] { ("floor", "without"), ("volumegen", "without"), ("volumegen", "floor"), ("sdk+volumegen", "sdk") })
            {
                List<CompileRun> a = Of(runs, with);
                List<CompileRun> b = Of(runs, baseline);
                int n = Math.Min(a.Count, b.Count);
                if (n == 0)
                {
                    continue;
                }

                double[] wall = Enumerable.Range(0, n).Select(i => a[i].WallMs / b[i].WallMs).ToArray();
                double[] cpu = Enumerable.Range(0, n).Select(i => a[i].CpuMs / b[i].CpuMs).ToArray();
                paired.Add(new[]
                {
                    size.Files.ToString("N0", CultureInfo.InvariantCulture),
                    with + " vs " + baseline,
                    string.Join(", ", wall.Select(Stats.Percent)),
                    "**" + Stats.Percent(Stats.Median(wall)) + "**",
                    string.Join(", ", cpu.Select(Stats.Percent)),
                    Stats.Percent(Stats.Median(cpu)),
                });
            }
        }

        report.Table(new[] { "files", "pair", "wall, per round", "wall, median", "CPU, per round", "CPU, median" }, paired);

        report.Heading(4, "VolumeGen's own time (its generator's and analyzers' callbacks) as a share of the baseline compile");
        report.Paragraph(
            "The sum, per run, of the execution time the compiler charges to VolumeGen's generator (`GetTimingInfo`) and analyzers "
            + "(`GetAnalyzerTelemetryInfoAsync`): work VolumeGen's code does itself, independent of the machine's load between runs. "
            + "It does not include compiling the generated files or binding the driver does for any operation-action analyzer.");
        var own = new List<IReadOnlyList<string>>();
        foreach ((ProjectSize size, SyntheticProject _, IReadOnlyList<CompileRun> runs) in bySize)
        {
            foreach ((string with, string baseline) in new[] { ("volumegen", "without"), ("sdk+volumegen", "sdk") })
            {
                List<CompileRun> of = Of(runs, with);
                double baselineMs = Stats.Median(Of(runs, baseline).Select(static r => r.WallMs));
                if (of.Count == 0 || double.IsNaN(baselineMs))
                {
                    continue;
                }

                double ownMs = Stats.Median(of.Select(static r => OwnMs(r)));
                own.Add(new[] { size.Files.ToString("N0", CultureInfo.InvariantCulture), with, Stats.Ms(ownMs), Stats.N(ownMs * 1000 / size.Files, "0"), baseline + " " + Stats.Ms(baselineMs), Share(ownMs, baselineMs) });
            }
        }

        report.Table(new[] { "files", "configuration", "VolumeGen's own time (median, ms)", "per file (µs)", "baseline compile (median, ms)", "share" }, own);
        CompileFigures figures = CompileFigures.From(bySize.Select(static s => (s.Size, (IReadOnlyList<CompileRun>)s.Runs)).ToList(), OwnMs);
        report.Paragraph(figures.Describe());

        report.Heading(4, "Where VolumeGen's time goes (medians, ms)");
        report.Table(
            new[] { "files", "parse", "generators", "emit", "analyzers (wall)", "generated files" },
            bySize.Select(static s =>
            {
                List<CompileRun> ours = Of(s.Runs, "volumegen");
                return (IReadOnlyList<string>)new[]
                {
                    s.Size.Files.ToString("N0", CultureInfo.InvariantCulture),
                    Stats.Ms(Stats.Median(ours.Select(static r => r.ParseMs))),
                    Stats.Ms(Stats.Median(ours.Select(static r => r.GeneratorMs))),
                    Stats.Ms(Stats.Median(ours.Select(static r => r.EmitMs))),
                    Stats.Ms(Stats.Median(ours.Select(static r => r.AnalyzerWallMs))),
                    ours.Count == 0 ? "0" : ours[0].GeneratedSources.ToString(CultureInfo.InvariantCulture),
                };
            }));

        report.Heading(4, "Each generator's and analyzer's own time (medians, ms; share of the 'without' compile)");
        var rows = new List<IReadOnlyList<string>>();
        foreach ((ProjectSize size, SyntheticProject _, IReadOnlyList<CompileRun> runs) in bySize)
        {
            double without = Stats.Median(Of(runs, "without").Select(static r => r.WallMs));
            foreach (string configuration in new[] { "floor", "volumegen", "sdk", "sdk+volumegen" })
            {
                List<CompileRun> of = Of(runs, configuration);
                foreach (string name in of.SelectMany(static r => r.GeneratorMsByName.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    double ms = Stats.Median(of.Select(r => r.GeneratorMsByName.TryGetValue(name, out double v) ? v : 0));
                    rows.Add(new[] { size.Files.ToString("N0", CultureInfo.InvariantCulture), configuration, "generator " + name, Stats.Ms(ms), Share(ms, without) });
                }

                foreach (string name in of.SelectMany(static r => r.AnalyzerMs.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    double ms = Stats.Median(of.Select(r => r.AnalyzerMs.TryGetValue(name, out double v) ? v : 0));
                    rows.Add(new[] { size.Files.ToString("N0", CultureInfo.InvariantCulture), configuration, "analyzer " + name, Stats.Ms(ms), Share(ms, without) });
                }
            }
        }

        report.Table(new[] { "files", "configuration", "component", "median (ms)", "share of compile" }, rows);

        report.Heading(4, "Diagnostics VolumeGen reported (last run; proves the analyzers saw the calls)");
        report.Table(
            new[] { "files", "calls by kind", "VolumeGen diagnostics by ID", "crashes (AD0001/CS8785)" },
            bySize.Select(static s =>
            {
                CompileRun? last = Of(s.Runs, "volumegen").LastOrDefault() ?? Of(s.Runs, "sdk+volumegen").LastOrDefault();
                string ids = last is null ? "n/a" : string.Join(", ", last.DiagnosticsById.Where(static p => p.Key.StartsWith("VG", StringComparison.Ordinal)).OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => $"{p.Key}: {p.Value}"));
                int crashes = last is null ? 0 : last.DiagnosticsById.Where(static p => p.Key is "AD0001" or "CS8784" or "CS8785").Sum(static p => p.Value);
                return (IReadOnlyList<string>)new[] { s.Size.Files.ToString("N0", CultureInfo.InvariantCulture), s.Project.Counts.ToString(), ids.Length == 0 ? "none" : ids, crashes.ToString(CultureInfo.InvariantCulture) };
            }));
        return figures;
    }

    private static IReadOnlyList<string> Row(ProjectSize size, SyntheticProject project, IReadOnlyList<CompileRun> runs)
    {
        double without = Stats.Median(Of(runs, "without").Select(static r => r.WallMs));
        double floor = Stats.Median(Of(runs, "floor").Select(static r => r.WallMs));
        double ours = Stats.Median(Of(runs, "volumegen").Select(static r => r.WallMs));
        double withoutCpu = Stats.Median(Of(runs, "without").Select(static r => r.CpuMs));
        double oursCpu = Stats.Median(Of(runs, "volumegen").Select(static r => r.CpuMs));
        double sdk = Stats.Median(Of(runs, "sdk").Select(static r => r.WallMs));
        double sdkOurs = Stats.Median(Of(runs, "sdk+volumegen").Select(static r => r.WallMs));
        double sdkCpu = Stats.Median(Of(runs, "sdk").Select(static r => r.CpuMs));
        double sdkOursCpu = Stats.Median(Of(runs, "sdk+volumegen").Select(static r => r.CpuMs));
        return new[]
        {
            size.Files.ToString("N0", CultureInfo.InvariantCulture),
            project.CountLines().ToString("N0", CultureInfo.InvariantCulture),
            size.StorageClasses.ToString("N0", CultureInfo.InvariantCulture),
            project.Counts.Total.ToString("N0", CultureInfo.InvariantCulture),
            runs.GroupBy(static r => r.Configuration).Select(static g => g.Count()).DefaultIfEmpty(0).Max().ToString(CultureInfo.InvariantCulture),
            Stats.Ms(without),
            Stats.Ms(floor),
            Stats.Ms(ours),
            Stats.Percent(floor / without),
            "**" + Stats.Percent(ours / without) + "**",
            Stats.Percent(ours / floor),
            Stats.Percent(oursCpu / withoutCpu),
            Stats.Ms(sdk),
            Stats.Ms(sdkOurs),
            "**" + Stats.Percent(sdkOurs / sdk) + "**",
            Stats.Percent(sdkOursCpu / sdkCpu),
        };
    }

    private static string Verdict(List<(ProjectSize Size, SyntheticProject Project, IReadOnlyList<CompileRun> Runs)> bySize)
    {
        double RatioOf(ProjectSize size, string with, string baseline, Func<CompileRun, double> measure)
        {
            IReadOnlyList<CompileRun>? runs = bySize.FirstOrDefault(s => s.Size == size).Runs;
            return runs is null ? double.NaN : Stats.Median(Of(runs, with).Select(measure)) / Stats.Median(Of(runs, baseline).Select(measure));
        }

        var lines = new List<string>();
        foreach ((string with, string baseline) in new[] { ("volumegen", "without"), ("sdk+volumegen", "sdk") })
        {
            double medium = RatioOf(ProjectSize.Medium, with, baseline, static r => r.WallMs);
            double mediumCpu = RatioOf(ProjectSize.Medium, with, baseline, static r => r.CpuMs);
            double large = RatioOf(ProjectSize.Large, with, baseline, static r => r.WallMs);
            if (double.IsNaN(medium))
            {
                lines.Add($"Target ({with} vs {baseline}, 2,000 files, at most +2.0 %): not measured in this run.");
                continue;
            }

            string line = $"Target ({with} vs {baseline}, 2,000 files, at most +2.0 %): wall {Stats.Percent(medium)}, CPU {Stats.Percent(mediumCpu)} → **{(medium <= BudgetRatio ? "met" : "NOT met")}** (wall-clock median).";
            if (!double.IsNaN(large))
            {
                line += $" 10,000 files: {Stats.Percent(large)} → {(large <= medium + 0.005 ? "no worse" : "WORSE")} than 2,000 (0.5-point tolerance for noise).";
            }

            lines.Add(line);
        }

        return string.Join("\n\n", lines);
    }

    // VolumeGen's rows in a volumegen or sdk+volumegen run: every generator and analyzer row except the SDK's, which
    // CompileCostBenchmark sums under one key.
    private static double OwnMs(CompileRun run)
        => run.GeneratorMsByName.Values.Sum()
        + run.AnalyzerMs.Where(static p => p.Key != CompileCostBenchmark.SdkAnalyzersKey).Sum(static p => p.Value);

    private static string Share(double ms, double total) => double.IsNaN(total) || total <= 0 ? "n/a" : Stats.N(ms / total * 100, "0.00") + " %";

    private static List<CompileRun> Of(IReadOnlyList<CompileRun> runs, string configuration)
        => runs.Where(r => r.Configuration == configuration).ToList();
}
