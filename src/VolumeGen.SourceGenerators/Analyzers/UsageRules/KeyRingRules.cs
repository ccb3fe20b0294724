using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.SourceGenerators.Usage.Configuration;
using VolumeGen.SourceGenerators.Usage.KeyRing;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;
using VolumeGen.SourceGenerators.Usage.Persisted;
using VolumeGen.SourceGenerators.Usage.Sinks;
using VolumeGen.SourceGenerators.Usage.Verdicts;

namespace VolumeGen.SourceGenerators.Analyzers.UsageRules;

/// <summary>
/// Data Protection keys left in the container layer: <c>AddDataProtection()</c> without a key store (VG2005), the
/// registrations that use the key ring implicitly (VG2006), and a key database no volume keeps (VG2007; the key folder
/// of <c>PersistKeysToFileSystem</c> is a write, judged by <see cref="WriteRules"/>).
/// </summary>
internal static class KeyRingRules
{
    private const string DataProtectionExtensionsType = "Microsoft.Extensions.DependencyInjection.DataProtectionServiceCollectionExtensions";

    /// <summary>VG2005: <c>AddDataProtection()</c> with no <c>PersistKeysTo*</c> anywhere and no volume over the default key folder.</summary>
    public static void AnalyzeDataProtection(OperationAnalysisContext context, IInvocationOperation invocation, UsageCompilationState state)
    {
        if (!MetadataNames.Is(invocation.TargetMethod.ContainingType, DataProtectionExtensionsType)
            || state.KeyRing.ConfiguresStorage
            || DefaultKeyFolderLost(invocation, state) is not (string keyFolder, ImmutableDictionary<string, string?> properties))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DataProtectionKeysNotPersisted, ReportLocations.Call(invocation), properties, "~/.aspnet/DataProtection-Keys", keyFolder));
    }

    /// <summary>
    /// VG2006: a registration that uses the key ring implicitly (cookie authentication, Identity, session, antiforgery),
    /// when the app neither calls <c>AddDataProtection()</c> (VG2005 speaks there) nor chooses a key store; reported once,
    /// at the first such registration of the compilation.
    /// </summary>
    public static void AnalyzeImplicitKeyRing(OperationAnalysisContext context, IInvocationOperation invocation, UsageCompilationState state)
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

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ImplicitKeyRingNotPersisted, ReportLocations.Call(invocation), properties,
            invocation.TargetMethod.Name, "~/.aspnet/DataProtection-Keys", keyFolder, effect));
    }

    /// <summary>
    /// VG2007 for <c>PersistKeysToDbContext&lt;TContext&gt;()</c>: the keys go into the context's database. When that is an
    /// SQLite file no volume keeps — every <c>UseSqlite</c>/<c>AddSqlite</c> that configures the context writes outside every
    /// persisted path — the keys die with it. Any other store, an unknown path or a persisted one: nothing to say.
    /// </summary>
    public static void AnalyzeKeyDatabase(OperationAnalysisContext context, IInvocationOperation invocation, UsageCompilationState state)
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
                || WriteRules.JudgeWrite(site.Entry, path, configuration.Syntax.SyntaxTree, state) is not (PersistedKnowledge knowledge, WriteJudgment judgment)
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
        LostData.Report(context, DiagnosticDescriptors.KeyRingFolderNotPersisted, ReportLocations.Call(invocation), lostSite, origin, lostKnowledge, lostJudgment,
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
}
