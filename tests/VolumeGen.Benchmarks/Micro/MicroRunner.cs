using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using VolumeGen.Benchmarks.Reporting;

namespace VolumeGen.Benchmarks.Micro;

/// <summary>
/// Runs the BenchmarkDotNet classes in process (no child project build, so it works from a fresh clone in seconds)
/// with a short job, and appends BenchmarkDotNet's GitHub-markdown tables to the report.
/// </summary>
public static class MicroRunner
{
    /// <summary>The benchmark classes: formatters, path evaluator, sink lookup.</summary>
    public static IReadOnlyList<Type> BenchmarkTypes { get; } = MicroBenchmarkCatalog.Types;

    /// <summary>Runs every class and adds its table to <paramref name="report"/>.</summary>
    /// <param name="only">When set, only the classes whose name contains it (<c>--focus</c>).</param>
    public static void Run(MarkdownReport report, string artifactsDirectory, bool quick, string? only = null)
    {
        Job job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(quick ? 1 : 3)
            .WithIterationCount(quick ? 3 : 10)
            .WithLaunchCount(1);
        IConfig config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(artifactsDirectory, "bdn"))
            .WithOptions(ConfigOptions.DisableLogFile);
        Summary[] summaries = BenchmarkRunner.Run(BenchmarkTypes.Where(t => only is null || t.Name.Contains(only, StringComparison.Ordinal)).ToArray(), config);
        foreach (Summary summary in summaries)
        {
            // One file per benchmark class, named after the class: never pick another class's (newer) table.
            string? type = summary.BenchmarksCases.FirstOrDefault()?.Descriptor.Type.FullName;
            string? table = type is null ? null : Directory.GetFiles(summary.ResultsDirectoryPath, "*-report-github.md")
                .Where(f => Path.GetFileName(f).StartsWith(type + "-", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault();
            if (table is not null)
            {
                report.Raw(StripEnvironment(File.ReadAllText(table)));
            }
        }
    }

    // BenchmarkDotNet's markdown starts with a ``` block describing the machine; the report already has that.
    private static string StripEnvironment(string markdown)
    {
        int fence = markdown.IndexOf("```", StringComparison.Ordinal);
        int end = fence < 0 ? -1 : markdown.IndexOf("```", fence + 3, StringComparison.Ordinal);
        return end < 0 ? markdown : markdown.Substring(end + 3).TrimStart();
    }
}
