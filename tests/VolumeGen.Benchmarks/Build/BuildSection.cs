using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using VolumeGen.Benchmarks.Reporting;
using VolumeGen.Benchmarks.Synthetic;

namespace VolumeGen.Benchmarks.Build;

/// <summary>The <c>build</c> mode's table.</summary>
public static class BuildSection
{
    /// <summary>Runs the mode on the 2,000-file project.</summary>
    public static void Run(MarkdownReport report, Options options)
    {
        SyntheticProject project = SyntheticProject.Generate(ProjectSize.Medium);
        string work = Path.Combine(Path.GetTempPath(), "volumegen-bench-build");
        Console.Error.WriteLine($"build: writing {project.Files.Count} files to {work}");
        IReadOnlyList<BuildRun> runs = new BuildBenchmark(Program.FindRepoRoot()).Measure(project, options.BuildRuns, work);

        report.Heading(3, "Real build: `dotnet build -p:ReportAnalyzer=true -p:UseSharedCompilation=false` (2,000 files)");
        report.Paragraph(
            $"The project is written to `{work}` and references src/VolumeGen and, for *with*, the analyzer project as an Analyzer. "
            + "Each measured build recompiles only that project (`-p:BuildProjectReferences=false`, its intermediate assembly deleted), "
            + "with the SDK's default analyzers and generators in both configurations; with/without alternate. "
            + "Csc time is MSBuild's task performance summary; analyzer and generator times are the compiler's ReportAnalyzer totals (all analyzers, "
            + "the SDK's included) and VolumeGen's own rows.");
        var rows = new List<IReadOnlyList<string>>();
        foreach (bool with in new[] { false, true })
        {
            List<BuildRun> of = runs.Where(r => r.WithVolumeGen == with).ToList();
            var ours = of.SelectMany(static r => r.VolumeGenSeconds.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(name => $"{name} {Stats.N(Stats.Median(of.Select(r => r.VolumeGenSeconds.TryGetValue(name, out double s) ? s : 0)))} s");
            rows.Add(new[]
            {
                with ? "with VolumeGen" : "without",
                of.Count.ToString(CultureInfo.InvariantCulture),
                Stats.Ms(Stats.Median(of.Select(static r => r.WallMs))),
                Stats.Ms(Stats.Median(of.Select(static r => r.CscMs))),
                Stats.N(Stats.Median(of.Select(static r => r.TotalAnalyzerSeconds))),
                Stats.N(Stats.Median(of.Select(static r => r.TotalGeneratorSeconds))),
                with ? string.Join("; ", ours) : "—",
                of.Count == 0 ? "n/a" : of[^1].VolumeGenWarnings.ToString(CultureInfo.InvariantCulture),
            });
        }

        report.Table(new[] { "configuration", "builds", "build wall (ms)", "Csc task (ms)", "all analyzers (s)", "all generators (s)", "VolumeGen rows (s)", "VG warnings" }, rows);
        double without = Stats.Median(runs.Where(static r => !r.WithVolumeGen).Select(static r => r.CscMs));
        double withVolumeGen = Stats.Median(runs.Where(static r => r.WithVolumeGen).Select(static r => r.CscMs));
        report.Paragraph($"Csc task with vs without VolumeGen: {Stats.Percent(withVolumeGen / without)} (median of {runs.Count / 2} builds each; a real build on a shared machine is noisier than the in-process ratio).");
    }
}
