using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Analyzers.UsageRules;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.SourceGenerators.Usage.KeyRing;
using VolumeGen.SourceGenerators.Usage.Sinks;

namespace VolumeGen.SourceGenerators.Analyzers;

/// <summary>
/// The usage analyzer: registers the actions once per compilation and hands each operation to the rule family it
/// concerns — <see cref="WriteRules"/> (VG2001–VG2004), <see cref="KeyRingRules"/> (VG2005–VG2007),
/// <see cref="ContainerFileChoiceRule"/> (VG2008). One analyzer, so the families share one lazily built
/// <see cref="UsageCompilationState"/> and an operation costs one callback. Operation actions only, so every rule shows
/// in live IDE analysis. Order of work per operation: member name lookup, symbol comparison, path evaluation, and only
/// then the container knowledge.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContainerWriteAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.WriteOutsidePersistedPath,
        DiagnosticDescriptors.WriteIntoAnonymousVolume,
        DiagnosticDescriptors.WriteIntoReadOnlyMount,
        DiagnosticDescriptors.WriteIntoTmpfs,
        DiagnosticDescriptors.DataProtectionKeysNotPersisted,
        DiagnosticDescriptors.ImplicitKeyRingNotPersisted,
        DiagnosticDescriptors.KeyRingFolderNotPersisted,
        DiagnosticDescriptors.ContainerFilesChosen,
        DiagnosticDescriptors.LibraryImageUnknown);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analysed (no Analyze flag). ReportDiagnostics is set because every report is placed
        // on the analysed (so non-generated) operation, or on an additional file: without it the driver checks each
        // report's location for generated code, which computes, per file, every declaration's [GeneratedCode]
        // attributes — the largest part of this analyzer's time in a project with many warnings (docs/performance.md).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var state = new UsageCompilationState(start.Compilation, start.Options, start.CancellationToken);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, state), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, state), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, state), OperationKind.SimpleAssignment);
            start.RegisterAdditionalFileAction(c => ContainerFileChoiceRule.Analyze(c, state));
        });
    }

    /// <summary>A call: the key ring's registrations by name first, then Serilog's configured files, then the sink table.</summary>
    private static void AnalyzeInvocation(OperationAnalysisContext context, UsageCompilationState state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        string name = method.Name;
        if (name == "AddDataProtection")
        {
            KeyRingRules.AnalyzeDataProtection(context, invocation, state);
            return;
        }

        if (KeyRingUser.IsCandidateName(name))
        {
            KeyRingRules.AnalyzeImplicitKeyRing(context, invocation, state);
            return;
        }

        if (name == "PersistKeysToDbContext")
        {
            KeyRingRules.AnalyzeKeyDatabase(context, invocation, state);
            return;
        }

        if (SerilogConfiguredFiles.IsReadFrom(method))
        {
            WriteRules.AnalyzeConfiguredFiles(context, invocation, state);
            return;
        }

        if (WriteSites.OfInvocation(invocation, state) is WriteSite site)
        {
            WriteRules.AnalyzeSite(context, site, state);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, UsageCompilationState state)
    {
        if (WriteSites.OfCreation((IObjectCreationOperation)context.Operation, state) is WriteSite site)
        {
            WriteRules.AnalyzeSite(context, site, state);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, UsageCompilationState state)
    {
        if (WriteSites.OfAssignment((ISimpleAssignmentOperation)context.Operation, state) is WriteSite site)
        {
            WriteRules.AnalyzeSite(context, site, state);
        }
    }
}
