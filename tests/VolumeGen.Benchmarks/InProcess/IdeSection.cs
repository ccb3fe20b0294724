using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using VolumeGen.Benchmarks.Reporting;
using VolumeGen.Benchmarks.Synthetic;

namespace VolumeGen.Benchmarks.InProcess;

/// <summary>
/// The <c>ide</c> mode: what the IDE's live analysis of one open document costs. A new compilation of the project
/// (with the generator's output, as the IDE has it), then for three documents that write files, in turn: the
/// compiler's own diagnostics of the document (<c>SemanticModel.GetDiagnostics</c>, which binds it), then VolumeGen's
/// analyzers on it (<c>CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model)</c>). The first document pays
/// the compilation-start work (sink table, attribute types) and the first write's knowledge; the next ones are the
/// steady state of typing in a file.
/// </summary>
public static class IdeSection
{
    /// <summary>Runs the mode for the sizes of at least 2,000 files among <paramref name="options"/>' sizes.</summary>
    public static async Task RunAsync(MarkdownReport report, CompilerSetup setup, Options options)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (ProjectSize size in options.Sizes.Where(static s => s.Files >= ProjectSize.Medium.Files))
        {
            SyntheticProject project = SyntheticProject.Generate(size);
            for (int attempt = 0; attempt < 2; attempt++)
            {
                // The first attempt also JIT-compiles the analyzer in this process; the second is the one reported.
                IReadOnlyList<string>[] measured = await MeasureAsync(setup, project).ConfigureAwait(false);
                if (attempt == 1)
                {
                    rows.AddRange(measured);
                }
            }
        }

        report.Heading(3, "The IDE's path: one document's analysis");
        report.Paragraph(
            "A new compilation of the synthetic project with the generator's output (as the IDE holds it); for three documents with file writes, in turn: "
            + "the compiler's own diagnostics of the document (`SemanticModel.GetDiagnostics`, which binds it), then VolumeGen's analyzers on the same document "
            + "(`CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model)`, single-threaded). The first document pays the compilation's start "
            + "(attribute and sink types) and the first write's knowledge. Measured after one unreported pass (JIT).");
        report.Table(new[] { "files", "document", "compiler: document's diagnostics (ms)", "VolumeGen's analyzers on it (ms)", "VolumeGen diagnostics", "VolumeGen's own time after the three (telemetry, ms)" }, rows);
    }

    private static async Task<IReadOnlyList<string>[]> MeasureAsync(CompilerSetup setup, SyntheticProject project)
    {
        SyntaxTree[] trees = setup.Parse(project);
        Compilation compilation = setup.Compile(trees);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(CompileConfiguration.VolumeGen.CreateGenerators(), parseOptions: setup.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation withGenerated, out _);
        ImmutableArray<DiagnosticAnalyzer> analyzers = CompileConfiguration.VolumeGen.CreateAnalyzers();
        var withAnalyzers = withGenerated.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));

        // Documents that write files, spread over the project.
        SyntaxTree[] writers = trees.Where(static t => t.GetText().ToString().Contains("File.WriteAllText(", StringComparison.Ordinal)).ToArray();
        SyntaxTree[] documents = { writers[0], writers[writers.Length / 2], writers[^1] };
        var rows = new List<IReadOnlyList<string>>();
        int index = 0;
        foreach (SyntaxTree tree in documents)
        {
            index++;
            SemanticModel model = withAnalyzers.Compilation.GetSemanticModel(tree);
            var stopwatch = Stopwatch.StartNew();
            int compilerDiagnostics = model.GetDiagnostics().Length;
            double compilerMs = stopwatch.Elapsed.TotalMilliseconds;
            stopwatch.Restart();
            ImmutableArray<Diagnostic> ours = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).ConfigureAwait(false);
            double analyzerMs = stopwatch.Elapsed.TotalMilliseconds;
            rows.Add(new[]
            {
                project.Size.Files.ToString("N0", CultureInfo.InvariantCulture),
                index == 1 ? "first (new compilation)" : "next (" + index.ToString(CultureInfo.InvariantCulture) + ")",
                Stats.Ms(compilerMs) + (compilerDiagnostics > 0 ? $" ({compilerDiagnostics} diagnostics)" : string.Empty),
                "**" + Stats.Ms(analyzerMs) + "**",
                ours.Count(static d => d.Id.StartsWith("VG", StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture),
                string.Empty,
            });
        }

        double own = 0;
        foreach (DiagnosticAnalyzer analyzer in analyzers)
        {
            AnalyzerTelemetryInfo telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            own += telemetry.ExecutionTime.TotalMilliseconds;
        }

        rows[^1] = rows[^1].Take(5).Append(Stats.Ms(own)).ToArray();
        Console.Error.WriteLine($"  [ide {project.Size.Files}] " + string.Join(" | ", rows.Select(static r => r[3])) + $", own {Stats.Ms(own)} ms");
        return rows.ToArray();
    }
}
