using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using VolumeGen.Benchmarks.InProcess;
using VolumeGen.Benchmarks.Reporting;
using VolumeGen.Benchmarks.Synthetic;

namespace VolumeGen.Benchmarks.Incremental;

/// <summary>The <c>incremental</c> mode's table.</summary>
public static class IncrementalSection
{
    /// <summary>Runs the mode.</summary>
    public static void Run(MarkdownReport report, CompilerSetup setup, Options options)
    {
        var benchmark = new IncrementalBenchmark(setup);
        var results = new List<(ProjectSize Size, IncrementalResult Result)>();
        foreach (ProjectSize size in options.Sizes)
        {
            SyntheticProject project = SyntheticProject.Generate(size);
            foreach (CompileConfiguration configuration in new[] { CompileConfiguration.Floor, CompileConfiguration.VolumeGen })
            {
                Console.Error.WriteLine($"incremental: {size.Files} files, {configuration.Name}");
                foreach (IncrementalResult result in benchmark.Measure(project, configuration, Math.Max(options.RunsFor(size), 3)))
                {
                    results.Add((size, result));
                }
            }
        }

        report.Heading(3, "Incremental cost (GeneratorDriver re-run after one edit)");
        report.Paragraph(
            "The driver runs once on the project; then one file is edited and the driver runs again "
            + "(median of at least 3 edits, each a new text). *re-run* and *first run* are timed on a driver without step tracking, as the IDE "
            + "and csc run it; a second driver with `trackIncrementalGeneratorSteps: true` runs the same edits to count steps and outputs, and "
            + "its re-run time is shown too (Roslyn then records every output's whole step tree on every run: O(outputs × steps)). Step outputs are counted by `IncrementalStepRunReason` over every tracked step "
            + "(VolumeGen's named steps and Roslyn's own ForAttributeWithMetadataName steps); an output re-ran when its reason is New or Modified.");
        report.Table(
            new[] { "files", "configuration", "edit", "re-run (ms)", "first run (ms)", "re-run with step tracking (ms)", "tracked steps", "step outputs by reason", "outputs re-run / total", "re-run outputs", "slowest tracked steps (ms, last edit)" },
            results.Select(static r => (IReadOnlyList<string>)new[]
            {
                r.Size.Files.ToString("N0", CultureInfo.InvariantCulture),
                r.Result.Configuration,
                r.Result.Edit,
                Stats.Ms(r.Result.MedianMs),
                Stats.Ms(r.Result.InitialMs),
                Stats.Ms(r.Result.TrackedMedianMs),
                r.Result.TrackedSteps.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", r.Result.StepOutputs.Select(static p => $"{p.Key} {p.Value}")),
                $"{r.Result.OutputsRerun} / {r.Result.OutputsTotal}",
                r.Result.RerunOutputSteps.Count == 0 ? "none" : string.Join(", ", r.Result.RerunOutputSteps),
                string.Join(", ", r.Result.HottestSteps.Select(static h => $"{h.Step} {Stats.Ms(h.Ms)}")),
            }));

        List<IncrementalResult> unrelated = results
            .Where(static r => r.Result.Configuration == "volumegen" && r.Result.Edit.StartsWith("unrelated", StringComparison.Ordinal))
            .Select(static r => r.Result)
            .ToList();
        if (unrelated.Count > 0)
        {
            bool zero = unrelated.All(static r => r.OutputsRerun == 0);
            report.Paragraph($"After an unrelated edit, VolumeGen outputs re-run: {string.Join(", ", unrelated.Select(static r => r.OutputsRerun))} → **{(zero ? "zero, as required" : "NOT zero")}**"
                + (unrelated.All(static r => r.OutputsTotal == 0) ? " (VolumeGen has no generator output yet: nothing to re-run)." : "."));
        }
    }
}
