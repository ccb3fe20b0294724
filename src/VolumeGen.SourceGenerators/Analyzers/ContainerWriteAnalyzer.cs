using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.ContainerFiles;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.SourceGenerators.Usage.Configuration;
using VolumeGen.SourceGenerators.Usage.KeyRing;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;
using VolumeGen.SourceGenerators.Usage.Persisted;
using VolumeGen.SourceGenerators.Usage.Sinks;
using VolumeGen.SourceGenerators.Usage.Verdicts;

namespace VolumeGen.SourceGenerators.Analyzers;

/// <summary>
/// Reports writes whose data does not survive the container (VG2001–VG2004, VG2007 for the key ring folder) and Data
/// Protection keys left in the container layer (VG2005 for AddDataProtection(), VG2006 for the registrations that use
/// the key ring implicitly). Operation actions only, so every rule shows in live IDE analysis. Order of work
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
            start.RegisterAdditionalFileAction(c => AnalyzeContainerFile(c, state));
        });
    }

    /// <summary>
    /// VG2008, once per compilation: on the Dockerfile the choice is about, when several fit or none does; for a class
    /// library built into other projects' images, VG2009 instead, on the app's Dockerfile, when its writes cannot be judged.
    /// </summary>
    private static void AnalyzeContainerFile(AdditionalFileAnalysisContext context, UsageCompilationState state)
    {
        // The name first: only a Dockerfile can carry the report, and reading the container files is not free.
        string path = context.AdditionalFile.Path;
        if (!ContainerFileNames.IsDockerfile(RepositoryPath.FileName(path)))
        {
            return;
        }

        ProjectContainerFiles files = state.ContainerFiles;
        ContainerFileSelection selection = files.Selection;
        (DiagnosticDescriptor Descriptor, string? Text, string? File) report = files.Images.IsLibrary
            ? (DiagnosticDescriptors.LibraryImageUnknown, files.ImagesReport, files.Images.Images[0].Dockerfile.File.Path)
            : (DiagnosticDescriptors.ContainerFilesChosen, selection.Report, selection.ReportFile);
        if (report.Text is string text && string.Equals(report.File, path, StringComparison.Ordinal)
            && context.AdditionalFile.GetText(context.CancellationToken) is Microsoft.CodeAnalysis.Text.SourceText source && source.Lines.Count > 0)
        {
            Microsoft.CodeAnalysis.Text.TextSpan firstLine = source.Lines[0].Span;
            Location location = Location.Create(path, firstLine, source.Lines.GetLinePositionSpan(firstLine));
            context.ReportDiagnostic(Diagnostic.Create(report.Descriptor, location, text));
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, UsageCompilationState state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        string name = method.Name;
        if (name == "AddDataProtection")
        {
            AnalyzeDataProtection(context, invocation, state);
            return;
        }

        if (KeyRingUser.IsCandidateName(name))
        {
            AnalyzeImplicitKeyRing(context, invocation, state);
            return;
        }

        if (name is "Configuration" or "ConfigurationSection" && MetadataNames.Is(method.ContainingType, SerilogConfigurationType))
        {
            AnalyzeSerilogConfiguration(context, invocation, state);
            return;
        }

        foreach (SinkEntry entry in state.Sinks.Find(name, SinkMemberKind.Method, method.ContainingType))
        {
            if (AnalyzeSink(context, entry, invocation.Arguments, invocation.Instance, invocation.Syntax, state))
            {
                return;
            }
        }

        AnalyzeAdditional(context, SinkMemberKind.Method, name, method.ContainingType, invocation.Arguments, invocation.Syntax, state);
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
            var trace = new EvaluationTrace();
            string? path = state.Evaluator.Evaluate(assignment.Value, trace, context.CancellationToken);
            if (path is not null)
            {
                Judge(context, new WriteSite(entry, null, assignment.Value), path, trace, assignment.Value.Syntax.GetLocation(), state);
                return;
            }
        }
    }

    private static void AnalyzeAdditional(OperationAnalysisContext context, SinkMemberKind kind, string name, INamedTypeSymbol? type, ImmutableArray<IArgumentOperation> arguments, SyntaxNode syntax, UsageCompilationState state)
    {
        if (!state.AnyAdditionalSinks)
        {
            return;
        }

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
        if (!Writes(entry.Condition, arguments))
        {
            return false;
        }

        IArgumentOperation? argument = entry.Parameter is null ? null : FindArgument(arguments, entry.Parameter, entry.Source == SinkPathSource.FileSystemInfoArgument);
        if (entry.Source != SinkPathSource.Instance && argument is null)
        {
            return false;
        }

        var site = new WriteSite(entry, argument, instance);
        var trace = new EvaluationTrace();
        string? path = EvaluatePath(site, trace, state, context.CancellationToken);
        if (path is not null)
        {
            SyntaxNode location = entry.Source == SinkPathSource.Instance ? syntax : argument!.Value.Syntax;
            Judge(context, site, path, trace, location.GetLocation(), state);
        }

        return true;
    }

    /// <summary>The path a write site writes, reading configuration through <paramref name="trace"/>.</summary>
    private static string? EvaluatePath(WriteSite site, EvaluationTrace trace, UsageCompilationState state, CancellationToken cancellationToken)
    {
        if (site.Configured is ConfigurationEntry configured)
        {
            return trace.Read(configured);
        }

        PathEvaluator evaluator = state.Evaluator;
        switch (site.Entry.Source)
        {
            case SinkPathSource.Instance:
                return evaluator.EvaluateFileSystemInfo(site.Instance, trace, cancellationToken);
            case SinkPathSource.InstanceAndArgument:
                string? parent = evaluator.EvaluateFileSystemInfo(site.Instance, trace, cancellationToken);
                return parent is null ? null : PathValue.Combine(parent, evaluator.Part(site.Argument!.Value, trace, cancellationToken));
            case SinkPathSource.FileSystemInfoArgument:
                return evaluator.EvaluateFileSystemInfo(site.Argument!.Value, trace, cancellationToken);
            default:
                // A property assignment keeps its value as the instance (there is no argument).
                return evaluator.Evaluate(site.Argument?.Value ?? site.Instance, trace, cancellationToken);
        }
    }

    private static void Judge(OperationAnalysisContext context, WriteSite site, string path, EvaluationTrace trace, Location location, UsageCompilationState state)
    {
        SinkEntry entry = site.Entry;
        if (entry.WrittenFile(path) is not string written || PathValue.IsTemp(written))
        {
            return;
        }

        PersistedKnowledge knowledge = state.KnowledgeFor(state.OptionsFor(location.SourceTree ?? context.Operation.Syntax.SyntaxTree));
        if (!knowledge.IsActive || Target(written, knowledge, out PartlyKnownPath? partly) is not string target)
        {
            return;
        }

        // A path with a part known only at run time is judged by its known folder; the message shows the rest as {…}.
        WriteVerdict verdict = partly is not null
            ? WriteVerdict.JudgePartlyKnown(target, knowledge)
            : WriteVerdict.Judge(target, entry.Shape == SinkPathShape.Directory, entry.Shape == SinkPathShape.CreatedDirectory, knowledge);
        if (verdict.Kind == VerdictKind.Fine)
        {
            return;
        }

        string resolved = partly?.Display ?? target;

        // A path built from two configuration values cannot be named (or fixed) by one of them.
        ConfigurationEntry? origin = trace.HasSeveralOrigins ? null : trace.Origin;
        string shown = origin is null ? PathValue.Display(written) : VerdictText.Describe(origin);
        IEnumerable<Location>? additional = origin?.FilePath is string file ? new[] { Location.Create(file, origin.Span, origin.LineSpan) } : null;
        string sink = entry.DisplayName;
        switch (verdict.Kind)
        {
            case VerdictKind.OutsidePersistedPath:
                string? suggestedValue = origin is null ? null : SuggestValue(site, origin, verdict, knowledge, state, context.CancellationToken);
                string fix = VerdictText.Fix(verdict, target, origin, suggestedValue, knowledge);
                ImmutableDictionary<string, string?> properties = Properties(verdict, origin, suggestedValue, knowledge.AppName);
                DiagnosticDescriptor descriptor = entry.Data == SinkData.KeyRing ? DiagnosticDescriptors.KeyRingFolderNotPersisted : DiagnosticDescriptors.WriteOutsidePersistedPath;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, additional, properties, sink, shown, resolved, fix));
                break;
            case VerdictKind.AnonymousVolume:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WriteIntoAnonymousVolume, location, additional, sink, shown, resolved, verdict.Mount!.Path));
                break;
            case VerdictKind.ReadOnlyMount:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WriteIntoReadOnlyMount, location, additional, sink, shown, resolved, verdict.Mount!.Description));
                break;
            case VerdictKind.Tmpfs:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WriteIntoTmpfs, location, additional, sink, shown, resolved, verdict.Mount!.Path));
                break;
        }
    }

    /// <summary>The properties code fixes read: the folder to declare, the written folder, and for a configured value its file, key, value and new value.</summary>
    private static ImmutableDictionary<string, string?> Properties(WriteVerdict verdict, ConfigurationEntry? origin, string? suggestedValue, string? app)
    {
        ImmutableDictionary<string, string?>.Builder properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (app is not null)
        {
            properties[DiagnosticDescriptors.AppProperty] = app;
        }

        // Declaring the data root persists this write only when the data is inside it, or when a fix can move the
        // configured value there; a literal path elsewhere has to move in code first (the message says so).
        if (verdict.SuggestedFolder is string folder && (!verdict.MustMove || suggestedValue is not null))
        {
            properties[DiagnosticDescriptors.FolderProperty] = folder;
        }

        if (verdict.EphemeralPath is string ephemeral)
        {
            properties[DiagnosticDescriptors.EphemeralPathProperty] = ephemeral;
        }

        if (origin is { IsJson: true })
        {
            properties[DiagnosticDescriptors.ConfigFileProperty] = origin.FilePath;
            properties[DiagnosticDescriptors.ConfigKeyProperty] = origin.Key;
            properties[DiagnosticDescriptors.ConfigValueProperty] = origin.Value;
            if (suggestedValue is not null)
            {
                properties[DiagnosticDescriptors.ConfigSuggestedValueProperty] = suggestedValue;
            }
        }

        return properties.ToImmutable();
    }

    /// <summary>
    /// The whole new configured value that puts the data inside the suggested folder, in the value's form (a connection
    /// string keeps its other options): the value itself when the data is there already; a path under the working
    /// directory moved into the data root (<c>app.db</c> → <c>/app/data/app.db</c>). Checked by evaluating the write
    /// again with the new value; null when no such value is found.
    /// </summary>
    private static string? SuggestValue(WriteSite site, ConfigurationEntry origin, WriteVerdict verdict, PersistedKnowledge knowledge, UsageCompilationState state, CancellationToken cancellationToken)
    {
        if (verdict.SuggestedFolder is not string root)
        {
            return null;
        }

        string value = origin.Value;
        string candidate = value;
        if (verdict.MustMove)
        {
            SinkEntry entry = site.Entry;
            bool isConnectionString = entry.Shape is SinkPathShape.SqliteConnectionString or SinkPathShape.LiteDbConnectionString && value.IndexOf('=') >= 0;
            string? valuePath = isConnectionString ? entry.WrittenFile(value) : value;
            string workingDirectory = knowledge.WorkingDirectory;
            if (valuePath is null || PathValue.Resolve(valuePath, workingDirectory, knowledge.HomeDirectory) is not string resolvedValue
                || !ContainerPath.IsUnder(resolvedValue, workingDirectory))
            {
                return null;
            }

            // A database file goes into the data root itself: SQLite and LiteDB create the file but not its folder, and
            // a fresh volume is empty (the blazor template's 'Data\app.db' would fail to open at /app/data/Data).
            string moved = resolvedValue.Length == workingDirectory.Length ? root
                : isConnectionString ? ContainerPath.Combine(root, FileName(resolvedValue))
                : ContainerPath.Combine(root, resolvedValue.Substring(workingDirectory.Length).TrimStart('/'));
            string? replaced = !isConnectionString ? moved
                : entry.Shape == SinkPathShape.SqliteConnectionString ? SqliteConnectionString.ReplaceDataSource(value, moved)
                : LiteDbConnectionString.ReplaceFile(value, moved);
            if (replaced is null)
            {
                return null;
            }

            candidate = replaced;
        }

        string? path = EvaluatePath(site, new EvaluationTrace(origin, candidate), state, cancellationToken);
        string? written = path is null ? null : site.Entry.WrittenFile(path);
        string? resolved = written is null ? null : Target(written, knowledge, out _);
        return resolved is not null && ContainerPath.IsUnder(resolved, root) ? candidate : null;
    }

    /// <summary>
    /// The container path a write is judged by: the resolved path, or for a path with a part known only at run time its
    /// known folder (<paramref name="partly"/>); null when neither can be told.
    /// </summary>
    private static string? Target(string written, PersistedKnowledge knowledge, out PartlyKnownPath? partly)
    {
        partly = null;
        if (!PathValue.HasUnknown(written))
        {
            return PathValue.Resolve(written, knowledge.WorkingDirectory, knowledge.HomeDirectory);
        }

        partly = PartlyKnownPath.Resolve(written, knowledge.WorkingDirectory, knowledge.HomeDirectory);
        return partly?.Folder;
    }

    /// <summary>The file name of a written file: its last segment, after a Windows separator as well (<c>Data\app.db</c>).</summary>
    private static string FileName(string path)
    {
        string last = ContainerPath.LastSegment(path);
        int backslash = last.LastIndexOf('\\');
        return backslash >= 0 && backslash < last.Length - 1 ? last.Substring(backslash + 1) : last;
    }

    /// <summary>
    /// Serilog's <c>ReadFrom.Configuration(configuration)</c>: every file sink of its section (<c>Serilog:WriteTo:0</c>
    /// with <c>Name: File</c>, including sinks wrapped in <c>Async</c>) is judged at this call, pointing at the JSON line.
    /// </summary>
    private static void AnalyzeSerilogConfiguration(OperationAnalysisContext context, IInvocationOperation invocation, UsageCompilationState state)
    {
        string? section = null;
        if (invocation.TargetMethod.Name == "ConfigurationSection")
        {
            section = state.Evaluator.ConfigurationSectionOf(ArgumentValue(invocation, "configSection"), context.CancellationToken);
        }
        else if (state.Evaluator.ConfigurationSectionOf(ArgumentValue(invocation, "configuration"), context.CancellationToken) is string root)
        {
            string sectionName = ArgumentValue(invocation, "sectionName")?.ConstantValue.Value as string ?? "Serilog";
            section = root.Length == 0 ? sectionName : root + ":" + sectionName;
        }

        if (section is not { Length: > 0 })
        {
            return;
        }

        AppConfiguration configuration = state.Configuration;
        Location location = CallLocation(invocation);
        string prefix = section + ":";
        const string PathSuffix = ":Args:path";
        foreach (ConfigurationEntry entry in configuration.Entries())
        {
            string key = entry.Key;
            if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !key.EndsWith(PathSuffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            ConfigurationLookup sinkName = configuration.Find(key.Substring(0, key.Length - PathSuffix.Length) + ":Name");
            if (sinkName.Status == ConfigurationLookupStatus.Found && string.Equals(sinkName.Entry!.Value, "File", StringComparison.OrdinalIgnoreCase))
            {
                var trace = new EvaluationTrace();
                var site = new WriteSite(SerilogConfiguredFile, null, null, entry);
                Judge(context, site, trace.Read(entry), trace, location, state);
            }
        }
    }

    private const string SerilogConfigurationType = "Serilog.ConfigurationLoggerConfigurationExtensions";
    private const string DataProtectionExtensionsType = "Microsoft.Extensions.DependencyInjection.DataProtectionServiceCollectionExtensions";

    private static readonly SinkEntry SerilogConfiguredFile = new("Serilog.Sinks.File", "File", SinkMemberKind.Method, "path", displayName: "Serilog's File sink");
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

    private static IArgumentOperation? FindArgument(ImmutableArray<IArgumentOperation> arguments, string parameter, bool fileSystemInfo = false)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is { } p && p.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return fileSystemInfo || argument.Parameter.Type.SpecialType == SpecialType.System_String || parameter is "access" or "mode" ? argument : null;
            }
        }

        return null;
    }

    private static IOperation? ArgumentValue(IInvocationOperation invocation, string parameter)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>VG2005: <c>AddDataProtection()</c> with no <c>PersistKeysTo*</c> anywhere and no volume over the default key folder.</summary>
    private static void AnalyzeDataProtection(OperationAnalysisContext context, IInvocationOperation invocation, UsageCompilationState state)
    {
        if (!MetadataNames.Is(invocation.TargetMethod.ContainingType, DataProtectionExtensionsType)
            || state.KeyRing.ConfiguresStorage
            || DefaultKeyFolderLost(invocation, state) is not (string keyFolder, ImmutableDictionary<string, string?> properties))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DataProtectionKeysNotPersisted, CallLocation(invocation), properties, "~/.aspnet/DataProtection-Keys", keyFolder));
    }

    /// <summary>
    /// VG2006: a registration that uses the key ring implicitly (cookie authentication, Identity, session, antiforgery),
    /// when the app neither calls <c>AddDataProtection()</c> (VG2005 speaks there) nor chooses a key store; reported once,
    /// at the first such registration of the compilation.
    /// </summary>
    private static void AnalyzeImplicitKeyRing(OperationAnalysisContext context, IInvocationOperation invocation, UsageCompilationState state)
    {
        if (KeyRingUser.EffectOf(invocation.TargetMethod) is not string effect)
        {
            return;
        }

        KeyRingFacts facts = state.KeyRing;
        if (facts.ConfiguresStorage || facts.CallsAddDataProtection || !facts.IsReportSite(invocation.Syntax)
            || DefaultKeyFolderLost(invocation, state) is not (string keyFolder, ImmutableDictionary<string, string?> properties))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ImplicitKeyRingNotPersisted, CallLocation(invocation), properties,
            invocation.TargetMethod.Name, "~/.aspnet/DataProtection-Keys", keyFolder, effect));
    }

    /// <summary>The default key folder (<c>~/.aspnet/DataProtection-Keys</c>) and the fix properties when no volume keeps it; null when it survives or is unknown.</summary>
    private static (string Folder, ImmutableDictionary<string, string?> Properties)? DefaultKeyFolderLost(IInvocationOperation invocation, UsageCompilationState state)
    {
        PersistedKnowledge knowledge = state.KnowledgeFor(state.OptionsFor(invocation.Syntax.SyntaxTree));
        if (!knowledge.IsActive || knowledge.HomeDirectory is null)
        {
            return null;
        }

        string keyFolder = ContainerPath.Resolve(knowledge.HomeDirectory, ".aspnet/DataProtection-Keys");
        KnownMount? mount = knowledge.Find(keyFolder);
        if (mount is not null && mount.Persistence != Persistence.Tmpfs)
        {
            return null;
        }

        ImmutableDictionary<string, string?> properties = WriteVerdict.IsSafeVolumeFolder(keyFolder, knowledge)
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.FolderProperty, keyFolder).Add(DiagnosticDescriptors.EphemeralPathProperty, keyFolder)
            : ImmutableDictionary<string, string?>.Empty;
        if (knowledge.AppName is string app)
        {
            properties = properties.Add(DiagnosticDescriptors.AppProperty, app);
        }
        return (keyFolder, properties);
    }

    /// <summary>From the called member's name to the end of the call: <c>services.{|AddDefaultIdentity&lt;User&gt;(...)|}</c>.</summary>
    private static Location CallLocation(IInvocationOperation invocation)
        => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
            ? Location.Create(invocation.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Syntax.Span.End))
            : invocation.Syntax.GetLocation();
}
