using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using VolumeGen.Benchmarks.Reporting;

namespace VolumeGen.Benchmarks.Build;

/// <summary>The <c>template</c> mode: VolumeGen's ReportAnalyzer rows in cold builds of the Identity template.</summary>
public static class TemplateSection
{
    /// <summary>The issue's budget for VolumeGen's rows together, in milliseconds.</summary>
    public const double BudgetMs = 100;

    /// <summary>Runs the mode; returns the median of VolumeGen's rows (ms).</summary>
    public static double Run(MarkdownReport report, Options options)
    {
        string work = Path.Combine(Path.GetTempPath(), "volumegen-bench-template");
        IReadOnlyList<TemplateBuildRun> runs = new IdentityTemplateBenchmark(Program.FindRepoRoot()).Measure(work, options.BuildRuns);
        double median = Stats.Median(runs.Select(static r => r.VolumeGenMs));

        report.Heading(3, "Cold build of the Identity template (`dotnet new webapp --auth Individual` + VolumeGen + Visual Studio's Dockerfile)");
        report.Paragraph(
            $"In `{work}`: the package packed from this checkout (Release) and restored into an isolated packages folder, Visual Studio's Dockerfile "
            + "and .dockerignore added (as the template tests do). Each build: `dotnet build --no-restore --no-incremental --disable-build-servers "
            + "-p:UseSharedCompilation=false -p:ReportAnalyzer=true` — a new csc process, so VolumeGen's analyzer assembly is loaded and JIT-compiled "
            + "in every build, as on a build machine without the compiler server. One unmeasured build first (file cache).");
        var rows = new List<IReadOnlyList<string>>();
        int i = 0;
        foreach (TemplateBuildRun run in runs)
        {
            i++;
            string detail = string.Join("; ", run.RowsSeconds.Where(static p => !p.Key.EndsWith(": VolumeGen.SourceGenerators", StringComparison.Ordinal))
                .Select(static p => $"{p.Key} {Stats.N(p.Value * 1000, "0")} ms"));
            rows.Add(new[]
            {
                i.ToString(CultureInfo.InvariantCulture),
                Stats.Ms(run.CscMs),
                "**" + Stats.Ms(run.VolumeGenMs) + "**",
                detail,
                run.VolumeGenWarnings.ToString(CultureInfo.InvariantCulture),
                run.LoadAverage,
            });
        }

        report.Table(new[] { "build", "Csc task (ms)", "VolumeGen's rows together (ms)", "rows", "VG warnings", "load average before" }, rows);
        report.Paragraph($"Median of VolumeGen's rows: **{Stats.Ms(median)} ms** (budget {BudgetMs:0} ms → {(median <= BudgetMs ? "met" : "NOT met")}).");
        return median;
    }
}
