using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using VolumeGen.Benchmarks.Reporting;

namespace VolumeGen.Benchmarks.Build;

/// <summary>
/// The <c>realapps</c> mode: the Identity template and the apps <c>--project</c> names, built cold with VolumeGen added;
/// VolumeGen's ReportAnalyzer rows beside the SDK's NetAnalyzers rows and the Csc task.
/// </summary>
public static class RealAppsSection
{
    /// <summary>Runs the mode; returns V, the largest share of VolumeGen's analyzer rows in the NetAnalyzers rows over the apps (percent).</summary>
    public static double Run(MarkdownReport report, Options options)
    {
        string work = Path.Combine(Path.GetTempPath(), "volumegen-bench-realapps");
        var benchmark = new RealAppsBenchmark(Program.FindRepoRoot(), work);
        IReadOnlyList<RealApp> apps = benchmark.Prepare(options.Projects, options.Feed);
        IReadOnlyList<string> images = options.AnalyzerImage == "both" ? RealAppsBenchmark.Images : new[] { options.AnalyzerImage ?? "readytorun" };
        var measured = new List<(RealApp App, IReadOnlyList<RealAppBuildRun> Runs)>();
        var failed = new List<IReadOnlyList<string>>();
        foreach (RealApp app in apps)
        {
            try
            {
                measured.Add((app, benchmark.Measure(app, images, options.BuildRuns)));
            }
            catch (InvalidOperationException e)
            {
                // An app that does not restore or build here (a package the machine's NuGet source lacks) is reported, not measured.
                string reason = string.Join(" ", e.Message.Split('\n').Where(static l => l.Contains(": error ", StringComparison.Ordinal)).Select(static l => l.Trim()).Distinct(StringComparer.Ordinal).Take(3));
                failed.Add(new[] { app.Name, reason.Length > 0 ? reason : e.Message.Split('\n')[0] });
                Console.Error.WriteLine($"realapps: {app.Name} not measured: {failed[^1][1]}");
            }
        }

        report.Heading(3, "Real apps: cold builds with VolumeGen, its rows beside the SDK's NetAnalyzers");
        report.Paragraph(
            $"In `{work}`: VolumeGen {(options.Feed is null ? "packed from this checkout (Release)" : $"from `{options.Feed}`")}, added to the measured project by a PackageReference in an "
            + "MSBuild file the build imports (`-p:CustomAfterMicrosoftCommonTargets`), in a copy of each repository (the original is not touched). "
            + "Each measured build: `dotnet build --no-restore --no-incremental --disable-build-servers -nodeReuse:false -p:UseSharedCompilation=false "
            + "-p:ReportAnalyzer=true -p:BuildProjectReferences=false` (the project's references were built once before): a new csc process over the "
            + "project, which loads VolumeGen's analyzer assembly cold. *readytorun* is the package's default (the image for this platform), *il* "
            + "`-p:VolumeGenUseReadyToRunAnalyzers=false`; they alternate. Medians of the builds.");
        report.Table(new[] { "app", "source", "commit", "C# files", "notes" },
            apps.Select(static a => (IReadOnlyList<string>)new[] { a.Name, a.Source, a.Commit, a.CSharpFiles.ToString(CultureInfo.InvariantCulture), a.Notes.Count == 0 ? "—" : string.Join("; ", a.Notes) }));

        var rows = new List<IReadOnlyList<string>>();
        double worst = double.NaN;
        foreach ((RealApp app, IReadOnlyList<RealAppBuildRun> runs) in measured)
        {
            foreach (string image in images)
            {
                List<RealAppBuildRun> of = runs.Where(r => r.RequestedImage == image).ToList();
                double volumeGen = Stats.Median(of.Select(static r => r.VolumeGenAnalyzersMs));
                double netAnalyzers = Stats.Median(of.Select(static r => r.NetAnalyzersMs));
                double share = volumeGen / netAnalyzers * 100;
                if (image == images[0] && !double.IsNaN(share))
                {
                    worst = double.IsNaN(worst) ? share : Math.Max(worst, share);
                }

                rows.Add(new[]
                {
                    app.Name,
                    image + " (" + string.Join(", ", of.Select(static r => r.AnalyzerImage).Distinct(StringComparer.Ordinal)) + ")",
                    of.Count.ToString(CultureInfo.InvariantCulture),
                    Stats.Ms(Stats.Median(of.Select(static r => r.CscMs))),
                    Stats.Ms(Stats.Median(of.Select(static r => r.AnalyzersSeconds * 1000))),
                    Stats.Ms(netAnalyzers),
                    "**" + Stats.Ms(volumeGen) + "**",
                    Stats.Ms(Stats.Median(of.Select(static r => r.Row("analyzers: Analyzers.ContainerWriteAnalyzer")))),
                    Stats.Ms(Stats.Median(of.Select(static r => r.Row("analyzers: Analyzers.DeclarationAnalyzer")))),
                    Stats.Ms(Stats.Median(of.Select(static r => r.VolumeGenGeneratorMs))),
                    "**" + Stats.N(share, "0") + " %**",
                    of.Count == 0 ? "n/a" : of[^1].VolumeGenWarnings.ToString(CultureInfo.InvariantCulture),
                    string.Join(" / ", of.Select(static r => r.LoadAverage)),
                });
            }
        }

        report.Table(new[]
        {
            "app", "analyzer image (used)", "builds", "Csc task (ms)", "all analyzers (ms)", "NetAnalyzers rows (ms)", "VolumeGen analyzers (ms)",
            "ContainerWriteAnalyzer (ms)", "DeclarationAnalyzer (ms)", "VolumeGen generator (ms)", "VolumeGen / NetAnalyzers", "VG warnings", "load average before each",
        }, rows);
        if (failed.Count > 0)
        {
            report.Paragraph("Not measured (left out of V):");
            report.Table(new[] { "app", "why" }, failed);
        }

        report.Paragraph($"V, the largest share of VolumeGen's analyzer rows in the NetAnalyzers rows ({images[0]} image): **{Stats.N(worst, "0")} %** "
            + $"(goal: below 100 % for every app → {(worst < 100 ? "met" : "NOT met")}).");
        return worst;
    }
}
