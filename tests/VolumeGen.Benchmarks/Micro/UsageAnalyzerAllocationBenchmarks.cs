extern alias VolumeGenAnalyzers;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.Benchmarks.InProcess;
using VolumeGen.Benchmarks.Synthetic;
using ContainerWriteAnalyzer = VolumeGenAnalyzers::VolumeGen.SourceGenerators.Analyzers.ContainerWriteAnalyzer;

namespace VolumeGen.Benchmarks.Micro;

/// <summary>
/// What the usage analyzer's operation actions allocate (BenchmarkDotNet's memory diagnoser): per file of ordinary code
/// (no sink: the path nearly every operation of a project takes), per whole service file of the synthetic project, and per
/// analysed write site (one that warns, one that is fine, one whose path is unknown) and per read. The delegates are the
/// analyzer's own, captured from its <c>Initialize</c> and compilation-start action; the compilation-level knowledge is
/// built once in the set-up (as the first sink of a compilation builds it), so this is the steady state.
/// </summary>
[MemoryDiagnoser]
public class UsageAnalyzerAllocationBenchmarks
{
    private static int s_reported;
    private readonly Dictionary<string, (Action<OperationAnalysisContext> Action, OperationAnalysisContext Context)[]> _cases = new(StringComparer.Ordinal);
    private (Action<OperationAnalysisContext> Action, OperationAnalysisContext Context)[] _current = Array.Empty<(Action<OperationAnalysisContext>, OperationAnalysisContext)>();

    /// <summary>What one call analyses.</summary>
    [Params("file, ordinary code only", "file, whole service file", "write site that warns", "write site that is fine", "write site, unknown path", "read")]
    public string Case { get; set; } = "file, ordinary code only";

    /// <summary>Compiles the 200-file synthetic project, captures the actions and sorts the operations of one service file into the cases.</summary>
    [GlobalSetup]
    public void Setup()
    {
        foreach (KeyValuePair<string, (Action<OperationAnalysisContext>, OperationAnalysisContext)[]> pair in Build())
        {
            _cases[pair.Key] = pair.Value;
        }

        _current = _cases[Case];
        Analyse(); // warm: the first write site builds the compilation's knowledge
    }

    /// <summary>Runs every captured action over the case's operations; returns the diagnostics reported so far.</summary>
    [Benchmark]
    public int Analyse()
    {
        foreach ((Action<OperationAnalysisContext> action, OperationAnalysisContext context) in _current)
        {
            action(context);
        }

        return s_reported;
    }

    /// <summary>The cases, each an array of (action, context) calls in source order.</summary>
    public static Dictionary<string, (Action<OperationAnalysisContext>, OperationAnalysisContext)[]> Build()
    {
        CompilerSetup setup = CompilerSetup.Create(concurrent: false);
        SyntheticProject project = SyntheticProject.Generate(ProjectSize.Small);
        SyntaxTree[] trees = setup.Parse(project);
        Compilation compilation = setup.Compile(trees);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        CapturedAnalyzer analyzer = CapturedAnalyzer.Start(new ContainerWriteAnalyzer(), compilation, options);
        var supported = new ContainerWriteAnalyzer().SupportedDiagnostics;

        var cases = new Dictionary<string, List<(Action<OperationAnalysisContext>, OperationAnalysisContext)>>(StringComparer.Ordinal);
        SyntaxTree? serviceTree = null;
        foreach (SyntaxTree tree in trees)
        {
            string text = tree.GetText().ToString();
            if (!text.Contains("public sealed class Service", StringComparison.Ordinal))
            {
                continue;
            }

            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (MemberDeclarationSyntax member in tree.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>())
            {
                if (member is not (MethodDeclarationSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax))
                {
                    continue;
                }

                List<(Action<OperationAnalysisContext>, OperationAnalysisContext)> calls = Calls(analyzer, model, member, compilation, options, supported, out int reports);
                string name = member is MethodDeclarationSyntax method ? method.Identifier.ValueText : string.Empty;
                string? kind = name.StartsWith("Store", StringComparison.Ordinal)
                    ? reports > 0 ? "write site that warns" : member.ToString().Contains("(path", StringComparison.Ordinal) ? "write site, unknown path" : member.ToString().Contains("DataRoot", StringComparison.Ordinal) && !member.ToString().Contains("Count", StringComparison.Ordinal) ? "write site that is fine" : null
                    : name.StartsWith("Read", StringComparison.Ordinal) ? "read" : null;
                if (kind is not null && !cases.ContainsKey(kind))
                {
                    cases[kind] = calls;
                }

                if (serviceTree is null || serviceTree == tree)
                {
                    serviceTree = tree;
                    Add(cases, "file, whole service file", calls);
                    if (!name.StartsWith("Store", StringComparison.Ordinal) && !name.StartsWith("Read", StringComparison.Ordinal))
                    {
                        Add(cases, "file, ordinary code only", calls);
                    }
                }
            }

            if (cases.Count == 6)
            {
                break;
            }
        }

        return cases.ToDictionary(static p => p.Key, static p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, List<(Action<OperationAnalysisContext>, OperationAnalysisContext)>> cases, string key, List<(Action<OperationAnalysisContext>, OperationAnalysisContext)> calls)
    {
        if (!cases.TryGetValue(key, out List<(Action<OperationAnalysisContext>, OperationAnalysisContext)>? list))
        {
            list = new List<(Action<OperationAnalysisContext>, OperationAnalysisContext)>();
            cases[key] = list;
        }

        list.AddRange(calls);
    }

    // Every operation of the member the analyzer registered for, with its actions, as the driver would call them.
    private static List<(Action<OperationAnalysisContext>, OperationAnalysisContext)> Calls(CapturedAnalyzer analyzer, SemanticModel model, MemberDeclarationSyntax member, Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticDescriptor> supported, out int reports)
    {
        var calls = new List<(Action<OperationAnalysisContext>, OperationAnalysisContext)>();
        ISymbol? symbol = member is FieldDeclarationSyntax field ? model.GetDeclaredSymbol(field.Declaration.Variables[0]) : model.GetDeclaredSymbol(member);
        int reported = 0;
        foreach (SyntaxNode node in member.DescendantNodesAndSelf())
        {
            if (model.GetOperation(node) is not IOperation root || (root.Parent is not null && node != member))
            {
                continue;
            }

            foreach (IOperation operation in root.DescendantsAndSelf())
            {
                foreach (Action<OperationAnalysisContext> action in analyzer.ActionsFor(operation.Kind))
                {
#pragma warning disable CS0618 // the public constructor is what a test harness has
                    var context = new OperationAnalysisContext(operation, symbol!, compilation, options, static _ => s_reported++, d => supported.Contains(d.Descriptor), CancellationToken.None);
#pragma warning restore CS0618
                    calls.Add((action, context));
                    int before = s_reported;
                    action(context);
                    reported += s_reported - before;
                }
            }
        }

        reports = reported;
        return calls;
    }
}
