using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace VolumeGen.Benchmarks.Micro;

/// <summary>
/// An analyzer's operation actions, captured by initializing it against a stand-in <see cref="AnalysisContext"/> and
/// starting one compilation: the benchmark then calls the very delegates the analyzer driver would call, with nothing
/// of the driver's own work (walking, scheduling, timing) inside the measurement.
/// </summary>
public sealed class CapturedAnalyzer
{
    private readonly Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> _operationActions = new();

    private CapturedAnalyzer()
    {
    }

    /// <summary>Initializes <paramref name="analyzer"/> and runs its compilation-start actions for <paramref name="compilation"/>.</summary>
    public static CapturedAnalyzer Start(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options)
    {
        var captured = new CapturedAnalyzer();
        var context = new Context(captured);
        analyzer.Initialize(context);
        foreach (Action<CompilationStartAnalysisContext> start in context.StartActions)
        {
            start(new StartContext(captured, compilation, options));
        }

        return captured;
    }

    /// <summary>The registered operation kinds.</summary>
    public IEnumerable<OperationKind> Kinds => _operationActions.Keys;

    /// <summary>The actions registered for <paramref name="kind"/> (empty when none).</summary>
    public IReadOnlyList<Action<OperationAnalysisContext>> ActionsFor(OperationKind kind)
        => _operationActions.TryGetValue(kind, out List<Action<OperationAnalysisContext>>? actions) ? actions : Array.Empty<Action<OperationAnalysisContext>>();

    private void AddOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds)
    {
        foreach (OperationKind kind in kinds)
        {
            if (!_operationActions.TryGetValue(kind, out List<Action<OperationAnalysisContext>>? list))
            {
                list = new List<Action<OperationAnalysisContext>>();
                _operationActions[kind] = list;
            }

            list.Add(action);
        }
    }

    private sealed class Context : AnalysisContext
    {
        private readonly CapturedAnalyzer _owner;

        public Context(CapturedAnalyzer owner) => _owner = owner;

        public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _owner.AddOperationAction(action, operationKinds);

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
        }
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CapturedAnalyzer _owner;

        public StartContext(CapturedAnalyzer owner, Compilation compilation, AnalyzerOptions options)
            : base(compilation, options, CancellationToken.None)
            => _owner = owner;

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _owner.AddOperationAction(action, operationKinds);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        {
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
        }
    }
}
