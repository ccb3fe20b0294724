using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;
using VolumeGen.SourceGenerators.Usage.Persisted;
using VolumeGen.SourceGenerators.Usage.Sinks;
using VolumeGen.SourceGenerators.Usage.Verdicts;

namespace VolumeGen.SourceGenerators.Usage;

/// <summary>
/// Reports writes whose data does not survive the container (VG2001–VG2004) and Data Protection keys left in
/// the container layer (VG2005). Operation actions only, so every rule shows in live IDE analysis. Order of work
/// per operation: member name lookup, symbol comparison, path evaluation, and only then the container knowledge.
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
        DiagnosticDescriptors.DataProtectionKeysNotPersisted);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var state = new UsageCompilationState(start.Compilation, start.Options, start.CancellationToken);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, state), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, state), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, state), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, UsageCompilationState state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name == "AddDataProtection")
        {
            AnalyzeDataProtection(context, invocation, state);
            return;
        }

        foreach (SinkEntry entry in state.Sinks.Find(method.Name, SinkMemberKind.Method, method.ContainingType))
        {
            if (AnalyzeSink(context, entry, invocation.Arguments, invocation.Instance, invocation.Syntax, state))
            {
                return;
            }
        }

        AnalyzeAdditional(context, SinkMemberKind.Method, method.Name, method.ContainingType, invocation.Arguments, invocation.Syntax, state);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, UsageCompilationState state)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is not IMethodSymbol constructor)
        {
            return;
        }

        foreach (SinkEntry entry in state.Sinks.Find(".ctor", SinkMemberKind.Constructor, constructor.ContainingType))
        {
            if (AnalyzeSink(context, entry, creation.Arguments, null, creation.Syntax, state))
            {
                return;
            }
        }

        AnalyzeAdditional(context, SinkMemberKind.Constructor, ".ctor", constructor.ContainingType, creation.Arguments, creation.Syntax, state);
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, UsageCompilationState state)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation property)
        {
            return;
        }

        foreach (SinkEntry entry in state.Sinks.Find(property.Property.Name, SinkMemberKind.PropertySetter, property.Property.ContainingType))
        {
            string? path = state.Evaluator.Evaluate(assignment.Value, context.CancellationToken);
            if (path is not null)
            {
                Judge(context, entry, path, assignment.Value.Syntax, state);
                return;
            }
        }
    }

    private static void AnalyzeAdditional(OperationAnalysisContext context, SinkMemberKind kind, string name, INamedTypeSymbol? type, ImmutableArray<IArgumentOperation> arguments, SyntaxNode syntax, UsageCompilationState state)
    {
        UsageOptions options = state.OptionsFor(context.Operation.Syntax.SyntaxTree);
        if (state.AdditionalSinks(options) is not ResolvedSinks additional)
        {
            return;
        }

        foreach (SinkEntry entry in additional.Find(name, kind, type))
        {
            if (AnalyzeSink(context, entry, arguments, null, syntax, state))
            {
                return;
            }
        }
    }

    /// <summary>Evaluates the written path of one sink row and reports a verdict; true when the row applied.</summary>
    private static bool AnalyzeSink(OperationAnalysisContext context, SinkEntry entry, ImmutableArray<IArgumentOperation> arguments, IOperation? instance, SyntaxNode syntax, UsageCompilationState state)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        if (!Writes(entry.Condition, arguments))
        {
            return false;
        }

        IArgumentOperation? argument = entry.Parameter is null ? null : FindArgument(arguments, entry.Parameter);
        if (entry.Source != SinkPathSource.Instance && argument is null)
        {
            return false;
        }

        string? path;
        SyntaxNode location = syntax;
        switch (entry.Source)
        {
            case SinkPathSource.Instance:
                path = state.Evaluator.EvaluateFileSystemInfo(instance, cancellationToken);
                break;
            case SinkPathSource.InstanceAndArgument:
                string? parent = state.Evaluator.EvaluateFileSystemInfo(instance, cancellationToken);
                string? child = state.Evaluator.Evaluate(argument!.Value, cancellationToken);
                path = parent is null || child is null ? null : PathValue.Combine(parent, child);
                location = argument.Value.Syntax;
                break;
            default:
                path = state.Evaluator.Evaluate(argument!.Value, cancellationToken);
                location = argument.Value.Syntax;
                break;
        }

        if (path is not null)
        {
            Judge(context, entry, path, location, state);
        }

        return true;
    }

    private static void Judge(OperationAnalysisContext context, SinkEntry entry, string path, SyntaxNode location, UsageCompilationState state)
    {
        if (entry.Shape == SinkPathShape.SqliteConnectionString && SqliteConnectionString.WrittenFile(path) is not string file)
        {
            return;
        }

        string written = entry.Shape == SinkPathShape.SqliteConnectionString ? SqliteConnectionString.WrittenFile(path)! : path;
        if (PathValue.IsTemp(written))
        {
            return;
        }

        PersistedKnowledge knowledge = state.KnowledgeFor(state.OptionsFor(location.SyntaxTree));
        if (!knowledge.IsActive || PathValue.Resolve(written, knowledge.WorkingDirectory, knowledge.HomeDirectory) is not string resolved)
        {
            return;
        }

        bool isFolder = entry.Shape == SinkPathShape.Directory;
        bool createsFolder = entry.Shape == SinkPathShape.CreatedDirectory;
        WriteVerdict verdict = WriteVerdict.Judge(resolved, isFolder, createsFolder, knowledge);
        string shown = PathValue.Display(written);
        string sink = entry.DisplayName;
        switch (verdict.Kind)
        {
            case VerdictKind.OutsidePersistedPath:
                string fix = verdict.SuggestedFolder is string folder
                    ? "declare [PersistentVolume(\"" + folder + "\")] on the storage class, or [assembly: EphemeralPath(\"" + folder + "\")] if losing it is intended"
                    : "write below a declared volume instead (a volume at '" + WriteVerdict.Parent(resolved) + "' would hide the application's or the system's files)";
                ImmutableDictionary<string, string?> properties = verdict.SuggestedFolder is string suggested
                    ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.FolderProperty, suggested)
                    : ImmutableDictionary<string, string?>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WriteOutsidePersistedPath, location.GetLocation(), properties, sink, shown, resolved, fix));
                break;
            case VerdictKind.AnonymousVolume:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WriteIntoAnonymousVolume, location.GetLocation(), sink, shown, resolved, verdict.Mount!.Path));
                break;
            case VerdictKind.ReadOnlyMount:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WriteIntoReadOnlyMount, location.GetLocation(), sink, shown, resolved, verdict.Mount!.Description));
                break;
            case VerdictKind.Tmpfs:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WriteIntoTmpfs, location.GetLocation(), sink, shown, resolved, verdict.Mount!.Path));
                break;
        }
    }

    /// <summary>Whether the call writes, judged from constant <c>FileMode</c>/<c>FileAccess</c>/<c>ZipArchiveMode</c> arguments. Unknown: no.</summary>
    private static bool Writes(SinkCondition condition, ImmutableArray<IArgumentOperation> arguments)
    {
        switch (condition)
        {
            case SinkCondition.FileModeOrAccess:
                IArgumentOperation? access = FindArgument(arguments, "access");
                if (access is not null && PathEvaluator.ConstantInteger(access.Value) is long accessValue)
                {
                    return (accessValue & 2) != 0; // FileAccess.Write or ReadWrite
                }

                IArgumentOperation? mode = FindArgument(arguments, "mode");
                // FileMode: CreateNew 1, Create 2, Open 3, OpenOrCreate 4, Truncate 5, Append 6.
                return mode is not null && PathEvaluator.ConstantInteger(mode.Value) is long modeValue && modeValue is 1 or 2 or 4 or 5 or 6;
            case SinkCondition.ZipArchiveMode:
                IArgumentOperation? zipMode = FindArgument(arguments, "mode");
                // ZipArchiveMode: Read 0, Create 1, Update 2.
                return zipMode is not null && PathEvaluator.ConstantInteger(zipMode.Value) is long zipValue && zipValue is 1 or 2;
            default:
                return true;
        }
    }

    private static IArgumentOperation? FindArgument(ImmutableArray<IArgumentOperation> arguments, string parameter)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is { } p && p.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Parameter.Type.SpecialType == SpecialType.System_String || parameter is "access" or "mode" ? argument : null;
            }
        }

        return null;
    }

    /// <summary>VG2005: <c>AddDataProtection()</c> with no <c>PersistKeysTo*</c> anywhere and no volume over the default key folder.</summary>
    private static void AnalyzeDataProtection(OperationAnalysisContext context, IInvocationOperation invocation, UsageCompilationState state)
    {
        if (state.DataProtectionExtensions is null
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, state.DataProtectionExtensions)
            || ConfiguresKeyStorage(invocation, context.Compilation, context.CancellationToken))
        {
            return;
        }

        PersistedKnowledge knowledge = state.KnowledgeFor(state.OptionsFor(invocation.Syntax.SyntaxTree));
        if (!knowledge.IsActive || knowledge.HomeDirectory is null)
        {
            return;
        }

        string keyFolder = ContainerPath.Resolve(knowledge.HomeDirectory, ".aspnet/DataProtection-Keys");
        KnownMount? mount = knowledge.Find(keyFolder);
        if (mount is not null && mount.Persistence != Persistence.Tmpfs)
        {
            return;
        }

        ImmutableDictionary<string, string?> properties = WriteVerdict.IsSafeVolumeFolder(keyFolder, knowledge)
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.FolderProperty, keyFolder)
            : ImmutableDictionary<string, string?>.Empty;
        Location location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
            ? Location.Create(invocation.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Syntax.Span.End))
            : invocation.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DataProtectionKeysNotPersisted, location, properties, "~/.aspnet/DataProtection-Keys", keyFolder));
    }

    /// <summary>
    /// True when the code configures where keys go: a <c>PersistKeysTo*</c> call or a <c>KeyManagementOptions.XmlRepository</c>
    /// assignment, in this file or any other (a syntax scan, run only for the rare <c>AddDataProtection</c> call).
    /// </summary>
    private static bool ConfiguresKeyStorage(IInvocationOperation invocation, Compilation compilation, CancellationToken cancellationToken)
    {
        if (ContainsKeyStorage(invocation.Syntax.SyntaxTree, cancellationToken))
        {
            return true;
        }

        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (tree != invocation.Syntax.SyntaxTree && ContainsKeyStorage(tree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsKeyStorage(SyntaxTree tree, CancellationToken cancellationToken)
    {
        // Names used in expressions only: a declaration of PersistKeysTo* (a stub, a wrapper) does not count.
        foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is SimpleNameSyntax name
                && (name.Identifier.ValueText.StartsWith("PersistKeysTo", System.StringComparison.Ordinal) || name.Identifier.ValueText == "XmlRepository"))
            {
                return true;
            }
        }

        return false;
    }
}
