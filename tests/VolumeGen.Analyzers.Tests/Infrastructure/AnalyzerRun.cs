using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.TestSupport;

namespace VolumeGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="ContainerWriteAnalyzer"/> over sources and AdditionalFiles and returns its diagnostics whole, for what
/// markup tests cannot check: the properties code fixes read. Markup (<c>{|#0:...|}</c>) is removed first.
/// </summary>
internal static class AnalyzerRun
{
    private static readonly Regex Markup = new(@"\{\|#\d+:|\|\}", RegexOptions.Compiled);

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(IEnumerable<string> sources, IEnumerable<(string Name, string Text)> files, bool aspNetCore = true, bool program = false)
    {
        var trees = sources.Select(static (s, i) => CSharpSyntaxTree.ParseText(Markup.Replace(s, string.Empty), new CSharpParseOptions(LanguageVersion.Preview), path: "/0/Test" + i + ".cs")).ToList();
        if (aspNetCore)
        {
            trees.Add(CSharpSyntaxTree.ParseText(TestReferences.WebGlobalUsings, new CSharpParseOptions(LanguageVersion.Preview), path: "/0/GlobalUsings.g.cs"));
        }

        IEnumerable<MetadataReference> references = aspNetCore ? TestReferences.All.Concat(TestReferences.AspNetCore) : TestReferences.All;
        var compilation = CSharpCompilation.Create("Test", trees, references,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var additional = files.Select(static f => (AdditionalText)new TestAdditionalText("/0/" + f.Name, Markup.Replace(f.Text, string.Empty))).ToImmutableArray();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerWriteAnalyzer()),
            new AnalyzerOptions(additional));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.OrderBy(static d => d.Location.SourceSpan.Start).ToImmutableArray();
    }
}
