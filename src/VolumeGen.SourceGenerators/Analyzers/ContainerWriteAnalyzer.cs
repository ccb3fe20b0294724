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

        // The selection alone decides VG2008; only a project no Dockerfile builds reads the rest (the app's lock) for VG2009.
        ContainerFileSelection selection = state.ContainerFileSelection;
        LibraryImages images = selection.Dockerfile is { BuildsProject: false } ? state.ContainerFiles.Images : LibraryImages.None;
        (DiagnosticDescriptor Descriptor, string? Text, string? File) report = images.IsLibrary
            ? (DiagnosticDescriptors.LibraryImageUnknown, state.ContainerFiles.ImagesReport, images.Images[0].Dockerfile.File.Path)
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

        if (name == "PersistKeysToDbContext")
        {
            AnalyzeKeyDatabase(context, invocation, state);
            return;
        }

        if (SerilogConfiguredFiles.IsReadFrom(method))
        {
            // Every configured file sink is reported at this call, with the JSON line as the additional location.
            Location location = CallLocation(invocation);
            foreach (WriteSite configured in SerilogConfiguredFiles.Sites(invocation, state.Evaluator, context.CancellationToken))
            {
                var trace = new EvaluationTrace();
                Judge(context, configured, trace.Read(configured.Configured!), trace, location, state);
            }

            return;
        }

        if (WriteSites.OfInvocation(invocation, state) is WriteSite site)
        {
            AnalyzeSite(context, site, state);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, UsageCompilationState state)
    {
        if (WriteSites.OfCreation((IObjectCreationOperation)context.Operation, state) is WriteSite site)
        {
            AnalyzeSite(context, site, state);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, UsageCompilationState state)
    {
        if (WriteSites.OfAssignment((ISimpleAssignmentOperation)context.Operation, state) is WriteSite site)
        {
            AnalyzeSite(context, site, state);
        }
    }

    /// <summary>Evaluates the path a write site writes and reports a verdict when it is known.</summary>
    private static void AnalyzeSite(OperationAnalysisContext context, WriteSite site, UsageCompilationState state)
    {
        var trace = new EvaluationTrace();
        if (site.Path(state.Evaluator, trace, context.CancellationToken) is string path)
        {
            Judge(context, site, path, trace, site.Reported!.GetLocation(), state);
        }
    }

    private static void Judge(OperationAnalysisContext context, WriteSite site, string path, EvaluationTrace trace, Location location, UsageCompilationState state)
    {
        if (JudgeWrite(site.Entry, path, location.SourceTree ?? context.Operation.Syntax.SyntaxTree, state) is not (PersistedKnowledge knowledge, WriteJudgment judgment))
        {
            return;
        }

        WriteVerdict verdict = judgment.Verdict;
        string resolved = judgment.Display;

        // A path built from two configuration values cannot be named (or fixed) by one of them.
        ConfigurationEntry? origin = trace.HasSeveralOrigins ? null : trace.Origin;
        string shown = origin is null ? PathValue.Display(judgment.Written) : VerdictText.Describe(origin);
        IEnumerable<Location>? additional = AdditionalLocations(origin);
        string sink = site.Entry.DisplayName;
        switch (verdict.Kind)
        {
            case VerdictKind.OutsidePersistedPath:
                DiagnosticDescriptor descriptor = site.Entry.Data == SinkData.KeyRing ? DiagnosticDescriptors.KeyRingFolderNotPersisted : DiagnosticDescriptors.WriteOutsidePersistedPath;
                ReportLost(context, descriptor, location, site, origin, knowledge, judgment, sink, shown, state);
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

    /// <summary>
    /// The verdict about a write of <paramref name="path"/>, with the container knowledge of <paramref name="tree"/> — the
    /// app's own data folder as the data root when its lost data already shares one; null when nothing is to be said.
    /// </summary>
    private static (PersistedKnowledge Knowledge, WriteJudgment Judgment)? JudgeWrite(SinkEntry entry, string path, SyntaxTree tree, UsageCompilationState state)
    {
        PersistedKnowledge knowledge = state.KnowledgeFor(state.OptionsFor(tree));
        if (WriteJudgment.Of(entry, path, knowledge) is not WriteJudgment judgment || judgment.Verdict.Kind == VerdictKind.Fine)
        {
            return null;
        }

        if (state.AppDataFolderFor(knowledge, judgment) is PersistedKnowledge layout && WriteJudgment.Of(entry, path, layout) is WriteJudgment followed)
        {
            return (layout, followed);
        }

        return (knowledge, judgment);
    }

    /// <summary>VG2001/VG2007: data written where no volume keeps it, with the fix the message proposes and the properties code fixes read.</summary>
    private static void ReportLost(OperationAnalysisContext context, DiagnosticDescriptor descriptor, Location location, WriteSite site, ConfigurationEntry? origin,
        PersistedKnowledge knowledge, WriteJudgment judgment, string sink, string shown, UsageCompilationState state)
    {
        WriteVerdict verdict = judgment.Verdict;
        string? suggestedValue = origin is null ? null : SuggestValue(site, origin, verdict, knowledge, state, context.CancellationToken);
        string fix = VerdictText.Fix(verdict, judgment.Target, origin, suggestedValue, knowledge);
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, AdditionalLocations(origin), Properties(verdict, origin, suggestedValue, knowledge.AppName), sink, shown, judgment.Display, fix));
    }

    /// <summary>The JSON value a path came from, as the diagnostic's additional location.</summary>
    private static IEnumerable<Location>? AdditionalLocations(ConfigurationEntry? origin)
        => origin?.FilePath is string file ? new[] { Location.Create(file, origin.Span, origin.LineSpan) } : null;

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

        string? path = site.Path(state.Evaluator, new EvaluationTrace(origin, candidate), cancellationToken);
        string? written = path is null ? null : site.Entry.WrittenFile(path);
        string? resolved = written is null ? null : WriteJudgment.Resolve(written, knowledge, out _);
        return resolved is not null && ContainerPath.IsUnder(resolved, root) ? candidate : null;
    }

    /// <summary>The file name of a written file: its last segment, after a Windows separator as well (<c>Data\app.db</c>).</summary>
    private static string FileName(string path)
    {
        string last = ContainerPath.LastSegment(path);
        int backslash = last.LastIndexOf('\\');
        return backslash >= 0 && backslash < last.Length - 1 ? last.Substring(backslash + 1) : last;
    }

    private const string DataProtectionExtensionsType = "Microsoft.Extensions.DependencyInjection.DataProtectionServiceCollectionExtensions";

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

    /// <summary>
    /// VG2007 for <c>PersistKeysToDbContext&lt;TContext&gt;()</c>: the keys go into the context's database. When that is an
    /// SQLite file no volume keeps — every <c>UseSqlite</c>/<c>AddSqlite</c> that configures the context writes outside every
    /// persisted path — the keys die with it. Any other store, an unknown path or a persisted one: nothing to say.
    /// </summary>
    private static void AnalyzeKeyDatabase(OperationAnalysisContext context, IInvocationOperation invocation, UsageCompilationState state)
    {
        if (invocation.TargetMethod.TypeArguments is not { Length: 1 } typeArguments)
        {
            return;
        }

        ITypeSymbol database = typeArguments[0];
        (WriteSite Site, EvaluationTrace Trace, PersistedKnowledge Knowledge, WriteJudgment Judgment)? lost = null;
        foreach (IInvocationOperation configuration in state.KeyDatabases.For(database))
        {
            var trace = new EvaluationTrace();
            if (WriteSites.OfInvocation(configuration, state) is not WriteSite site || site.Path(state.Evaluator, trace, context.CancellationToken) is not string path
                || JudgeWrite(site.Entry, path, configuration.Syntax.SyntaxTree, state) is not (PersistedKnowledge knowledge, WriteJudgment judgment)
                || judgment.Verdict.Kind != VerdictKind.OutsidePersistedPath)
            {
                return;
            }

            lost ??= (site, trace, knowledge, judgment);
        }

        if (lost is not (WriteSite lostSite, EvaluationTrace lostTrace, PersistedKnowledge lostKnowledge, WriteJudgment lostJudgment))
        {
            return;
        }

        ConfigurationEntry? origin = lostTrace.HasSeveralOrigins ? null : lostTrace.Origin;
        string shown = "the " + database.Name + " database, " + (origin is null ? PathValue.Display(lostJudgment.Written) : VerdictText.Describe(origin));
        ReportLost(context, DiagnosticDescriptors.KeyRingFolderNotPersisted, CallLocation(invocation), lostSite, origin, lostKnowledge, lostJudgment,
            "PersistKeysToDbContext<" + database.Name + ">", shown, state);
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
