extern alias VolumeGenAnalyzers;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.Benchmarks.InProcess;
using PathEvaluator = VolumeGenAnalyzers::VolumeGen.SourceGenerators.Usage.PathEvaluation.PathEvaluator;
using ResolvedSinks = VolumeGenAnalyzers::VolumeGen.SourceGenerators.Usage.Sinks.ResolvedSinks;
using SinkMemberKind = VolumeGenAnalyzers::VolumeGen.SourceGenerators.Usage.Sinks.SinkMemberKind;
using SinkTable = VolumeGenAnalyzers::VolumeGen.SourceGenerators.Usage.Sinks.SinkTable;

namespace VolumeGen.Benchmarks.Micro;

/// <summary>
/// The usage analyzer's path evaluator on each path shape it folds (and on one it cannot know), from the path
/// argument's operation as the analyzer receives it.
/// </summary>
[MemoryDiagnoser]
public class PathEvaluatorBenchmarks
{
    private const string Source = """
        using System;
        using System.IO;

        public static class Writes
        {
            private const string Root = "/app/data";
            private static readonly string Cache = "/app/cache";

            public static void Literal(string p) => File.WriteAllText("/app/data/a.json", p);
            public static void ConstCombine(string p) => File.WriteAllText(Path.Combine(Root, "users", "a.json"), p);
            public static void Concatenation(string p) => File.WriteAllText(Root + "/" + "a.json", p);
            public static void Interpolation(string p) => File.WriteAllText($"{Root}/items/a.json", p);
            public static void StaticReadonly(string p) => File.WriteAllText(Path.Combine(Cache, "a.bin"), p);
            public static void Local(string p)
            {
                string target = Path.Combine(Root, "local.json");
                File.WriteAllText(target, p);
            }

            public static void TempPath(string p) => File.WriteAllText(Path.Combine(Path.GetTempPath(), "a.tmp"), p);
            public static void Unknown(string path, string p) => File.WriteAllText(Path.Combine(path, "a.json"), p);
        }
        """;

    private readonly Dictionary<string, IOperation> _paths = new(StringComparer.Ordinal);
    private PathEvaluator _evaluator = null!;

    /// <summary>The method in <see cref="Source"/> whose path argument is evaluated.</summary>
    [Params("Literal", "ConstCombine", "Concatenation", "Interpolation", "StaticReadonly", "Local", "TempPath", "Unknown")]
    public string Shape { get; set; } = "Literal";

    /// <summary>Compiles the source once and keeps each write's path operation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        CompilerSetup setup = CompilerSetup.Create(concurrent: false);
        SyntaxTree tree = setup.ParseFile("Writes.cs", Source);
        Compilation compilation = setup.Compile(new[] { tree });
        SemanticModel model = compilation.GetSemanticModel(tree);
        foreach (InvocationExpressionSyntax call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetOperation(call) is IInvocationOperation { TargetMethod.Name: "WriteAllText" } write)
            {
                string method = call.FirstAncestorOrSelf<MethodDeclarationSyntax>()!.Identifier.ValueText;
                _paths[method] = write.Arguments[0].Value;
            }
        }

        _evaluator = new PathEvaluator(compilation);
    }

    /// <summary>Evaluates the path argument (null when unknown).</summary>
    [Benchmark]
    public string? Evaluate() => _evaluator.Evaluate(_paths[Shape], CancellationToken.None);
}

/// <summary>
/// The sink table: resolving the built-in rows against a compilation (once per compilation) and the lookup the
/// analyzer does for every invocation (a hit, a same-name miss on another type, and the common case: a name no
/// sink has).
/// </summary>
[MemoryDiagnoser]
public class SinkLookupBenchmarks
{
    private Compilation _compilation = null!;
    private ResolvedSinks _sinks = null!;
    private INamedTypeSymbol _file = null!;
    private INamedTypeSymbol _string = null!;

    /// <summary>An empty compilation over the framework references.</summary>
    [GlobalSetup]
    public void Setup()
    {
        CompilerSetup setup = CompilerSetup.Create(concurrent: false);
        _compilation = setup.Compile(new[] { setup.ParseFile("Empty.cs", "class Empty { }") });
        _sinks = new ResolvedSinks(SinkTable.BuiltIn);
        _file = _compilation.GetTypeByMetadataName("System.IO.File")!;
        _string = _compilation.GetTypeByMetadataName("System.String")!;
    }

    /// <summary>Indexes the built-in rows by member name (once per process in the analyzer; no type lookups).</summary>
    [Benchmark]
    public object Resolve() => new ResolvedSinks(SinkTable.BuiltIn);

    /// <summary><c>File.WriteAllText</c>: a sink.</summary>
    [Benchmark(Baseline = true)]
    public int Hit() => _sinks.Find("WriteAllText", SinkMemberKind.Method, _file).Count();

    /// <summary>A sink's name on another type.</summary>
    [Benchmark]
    public int MissOtherType() => _sinks.Find("WriteAllText", SinkMemberKind.Method, _string).Count();

    /// <summary>A name no sink has: what almost every invocation in a project looks like.</summary>
    [Benchmark]
    public int MissName() => _sinks.Find("ToUpperInvariant", SinkMemberKind.Method, _string).Count();
}
