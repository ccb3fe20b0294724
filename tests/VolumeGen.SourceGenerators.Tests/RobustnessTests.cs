using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Declarations;
using VolumeGen.SourceGenerators.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.SourceGenerators.Tests;

/// <summary>
/// 10,000 generated declarations (valid ones with hostile but legal strings, and broken ones: truncated
/// syntax, wrong argument types, missing arguments, nulls, invalid paths and shapes) through the generator,
/// 100 per compilation: it never throws (no CS8785), its output never has a diagnostic, and every declaration
/// that is valid by construction gets its generated source. A sample of batches also runs the declaration
/// analyzer, which must never fail (AD0001).
/// </summary>
public sealed class RobustnessTests
{
    private const int Batches = 100;
    private const int PerBatch = 100;

    private static readonly string[] HostileSegments =
    {
        "data", "it's", "\"quoted\"", "back\\slash", "$HOME", "${X}", "sp ace", "comma,=x", "line\u2028sep", "para\u2029",
        "lone\uD800", "\uDC00low", "\uFEFFbom", "😀", "日本", "données", "a:b", "#hash", "%PATH%", "`tick`", "<xml>&amp;", "{braces}",
        "@@@", "123", "class", "if", "_", "-", ".", "...x", "zero\u200Bwidth", "\u00A0nbsp",
    };

    private static readonly string[] BrokenPaths =
    {
        "\"relative/path\"", "\"\"", "null", "\"/etc\"", "\"/\"", "\"/app/a/../b\"", "\"/app/new\\nline\"", "\"/app/nul\\0\"", "42", "true",
        "typeof(string)", "SomeUndefinedConstant", "\"/app/\" + 1", "default", "(string)null", "nameof(System)",
    };

    [Fact]
    public async System.Threading.Tasks.Task Ten_thousand_generated_declarations_never_break_the_generator()
    {
        var random = new Random(20261128);
        int declarations = 0;
        int validByConstruction = 0;
        int skippedAndExplained = 0;
        GeneratorDriver driver = TestCompiler.CreateDriver(trackSteps: false);
        for (int batch = 0; batch < Batches; batch++)
        {
            var sources = new List<string>();
            var expectedHints = new List<string>();
            var files = new List<(string? ValidHint, string? Hint)>();
            for (int i = 0; i < PerBatch; i++)
            {
                (string source, string? validHint, string? hint) = RandomDeclaration(random, batch * PerBatch + i);
                sources.Add(source);
                files.Add((validHint, hint));
                declarations++;
                if (validHint is not null)
                {
                    expectedHints.Add(validHint);
                    validByConstruction++;
                }
            }

            CSharpCompilation input = TestCompiler.Compile(sources);
            driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            Assert.Null(result.Exception);
            Assert.DoesNotContain(generatorDiagnostics, static d => d.Id == "CS8785");
            Assert.Empty(generatorDiagnostics);

            var generatedTrees = output.SyntaxTrees.Where(t => !input.SyntaxTrees.Contains(t)).ToList();
            foreach (SyntaxTree tree in generatedTrees)
            {
                Diagnostic[] problems = output.GetSemanticModel(tree).GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
                Assert.True(problems.Length == 0, $"batch {batch}: {tree.FilePath}: {string.Join("; ", problems.Select(static p => p.ToString()))}");
            }

            var hints = new HashSet<string>(result.GeneratedSources.Select(static s => s.HintName), StringComparer.Ordinal);
            foreach (string hint in expectedHints)
            {
                Assert.True(hints.Contains(hint), $"batch {batch}: valid declaration {hint} was not generated");
            }

            if (ManifestAttribute.FindJson(output.Assembly) is string json)
            {
                Assert.True(VolumeManifest.TryParse(json, out _, out string? error), error);
            }

            if (batch % 10 == 0)
            {
                ImmutableArray<Diagnostic> analyzerDiagnostics = await input
                    .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DeclarationAnalyzer()))
                    .GetAnalyzerDiagnosticsAsync();
                Assert.DoesNotContain(analyzerDiagnostics, static d => d.Id == "AD0001");
                var errorFiles = new HashSet<string>(
                    input.GetDiagnostics().Concat(analyzerDiagnostics)
                        .Where(static d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is not null)
                        .Select(static d => d.Location.SourceTree!.FilePath),
                    StringComparer.Ordinal);
                for (int i = 0; i < files.Count; i++)
                {
                    string path = "Source" + i.ToString(CultureInfo.InvariantCulture) + ".cs";

                    // True negatives: a declaration valid by construction gets no error from the analyzer.
                    if (files[i].ValidHint is not null)
                    {
                        Assert.DoesNotContain(analyzerDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath == path);
                    }

                    // Nothing is skipped silently: a complete declaration the generator skipped has an error (compiler's or VolumeGen's).
                    if (files[i].Hint is string hint && !hints.Contains(hint))
                    {
                        Assert.True(errorFiles.Contains(path), $"batch {batch}: {path} was skipped without an error:\n{sources[i]}");
                        skippedAndExplained++;
                    }
                }
            }
        }

        Assert.Equal(Batches * PerBatch, declarations);
        Assert.True(validByConstruction > declarations / 3, $"only {validByConstruction} valid declarations");
        Assert.True(skippedAndExplained > 100, $"only {skippedAndExplained} skipped declarations were checked for an explaining error");
    }

    // Returns the source, the hint name when the declaration is valid by construction, and the hint name of the class
    // whenever the file holds a complete class declaration (valid or not).
    private static (string Source, string? ValidHint, string? Hint) RandomDeclaration(Random random, int n)
    {
        string className = "C" + n.ToString(CultureInfo.InvariantCulture);
        bool valid = true;
        var attributes = new StringBuilder();
        int mounts = random.Next(1, 5);
        for (int m = 0; m < mounts; m++)
        {
            bool broken = random.Next(4) == 0;
            valid &= !broken;
            attributes.Append(broken ? BrokenAttribute(random, n, m) : ValidAttribute(random, n, m)).Append('\n');
        }

        if (random.Next(5) == 0)
        {
            attributes.Append("[EphemeralPath(").Append(random.Next(2) == 0 ? Literal("/tmp/" + Segment(random)) : "null").Append(")]\n");
        }

        string shape;
        string hint;
        string ns = random.Next(3) switch
        {
            0 => string.Empty,
            1 => "namespace N" + n.ToString(CultureInfo.InvariantCulture) + ";\n",
            _ => "namespace Deep.N" + n.ToString(CultureInfo.InvariantCulture) + " {\n",
        };
        string nsPrefix = ns.Length == 0 ? string.Empty : ns.Contains('{', StringComparison.Ordinal) ? "Deep.N" + n.ToString(CultureInfo.InvariantCulture) + "." : "N" + n.ToString(CultureInfo.InvariantCulture) + ".";
        switch (random.Next(10))
        {
            case 0:
                shape = attributes + "public static class " + className + " { }";
                valid = false;
                hint = nsPrefix + className + ".g.cs";
                break;
            case 1:
                shape = attributes + "public partial class " + className + "<T> { }";
                valid = false;
                hint = nsPrefix + className + "`1.g.cs";
                break;
            case 2:
                shape = "public partial class Outer" + className + " {\n" + attributes + "internal static partial class " + className + " { } }";
                hint = nsPrefix + "Outer" + className + "+" + className + ".g.cs";
                break;
            case 3:
                shape = "public class Outer" + className + " {\n" + attributes + "internal static partial class " + className + " { } }";
                valid = false;
                hint = nsPrefix + "Outer" + className + "+" + className + ".g.cs";
                break;
            case 4:
                shape = attributes + "public sealed partial record " + className + "(int Value);";
                hint = nsPrefix + className + ".g.cs";
                break;
            default:
                shape = attributes + (random.Next(2) == 0 ? "public static partial class " : "internal partial class ") + className + " { public int Member; }";
                hint = nsPrefix + className + ".g.cs";
                break;
        }

        string source = "using VolumeGen;\n" + ns + shape + (ns.Contains('{', StringComparison.Ordinal) ? "\n}" : string.Empty) + "\n";
        bool truncated = false;
        if (random.Next(20) == 0)
        {
            source = source.Substring(0, random.Next(source.Length));
            valid = false;
            truncated = true;
        }

        return (source, valid ? hint : null, truncated ? null : hint);
    }

    private static string ValidAttribute(Random random, int n, int m)
    {
        string target = "/app/c" + n.ToString(CultureInfo.InvariantCulture) + "/m" + m.ToString(CultureInfo.InvariantCulture) + "/" + Segment(random);
        switch (random.Next(4))
        {
            case 0:
                string named = random.Next(2) == 0 ? string.Empty : ", Name = " + Literal("v" + n.ToString(CultureInfo.InvariantCulture) + "_" + m.ToString(CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? ".x-y" : string.Empty));
                return "[PersistentVolume(" + Literal(target) + named + (random.Next(2) == 0 ? ", ReadOnly = true, NoCopy = true" : string.Empty) + ")]";
            case 1:
                return "[AnonymousVolume(" + Literal(target) + ")]";
            case 2:
                string source = random.Next(2) == 0 ? "./" + Segment(random) : "/srv/host/" + Segment(random);
                return "[BindMount(" + Literal(source) + ", " + Literal(target) + ", ReadOnly = " + (random.Next(2) == 0 ? "true" : "false") + ", SelinuxLabel = SelinuxLabel." + (random.Next(3) switch { 0 => "None", 1 => "Shared", _ => "Private" }) + ")]";
            default:
                string size = random.Next(2) == 0 ? string.Empty : ", SizeBytes = " + (random.NextInt64(1, long.MaxValue)).ToString(CultureInfo.InvariantCulture) + "L";
                string mode = random.Next(2) == 0 ? string.Empty : ", Mode = " + random.Next(0, 512).ToString(CultureInfo.InvariantCulture);
                return "[TmpfsMount(" + Literal(target) + size + mode + ")]";
        }
    }

    private static string BrokenAttribute(Random random, int n, int m)
    {
        string path = BrokenPaths[random.Next(BrokenPaths.Length)];
        string good = Literal("/app/b" + n.ToString(CultureInfo.InvariantCulture) + "/" + m.ToString(CultureInfo.InvariantCulture));
        string attribute = random.Next(9) switch
        {
            0 => "[PersistentVolume(" + path + ")]",
            1 => "[AnonymousVolume(" + path + ")]",
            2 => "[BindMount(" + path + ", " + good + ")]",
            3 => "[BindMount(" + good + ")]",
            4 => "[TmpfsMount(" + good + ", SizeBytes = " + (random.Next(2) == 0 ? "-1" : "\"big\"") + ", Mode = " + (random.Next(2) == 0 ? "512" : "-5") + ")]",
            5 => "[PersistentVolume(" + good + ", Name = " + (random.Next(2) == 0 ? "\"!bad name\"" : "5") + ")]",
            6 => "[PersistentVolume]",
            7 => "[PersistentVolume(" + good + ", " + good + ")]",
            _ => "[TmpfsMount(" + good + ", Unknown = 1)]",
        };

        // Sometimes cut the attribute short: unbalanced parentheses, brackets or quotes.
        return random.Next(4) == 0 ? attribute.Substring(0, random.Next(1, attribute.Length)) : attribute;
    }

    private static string Segment(Random random)
    {
        var segment = new StringBuilder();
        int parts = random.Next(1, 4);
        for (int i = 0; i < parts; i++)
        {
            segment.Append(HostileSegments[random.Next(HostileSegments.Length)]);
        }

        string text = segment.ToString();
        return text is "." or ".." ? "dot" + text : text.Replace("..", "._.", StringComparison.Ordinal);
    }

    // Roslyn's own literal formatter writes the inputs, independent of the generator's escaper.
    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
