using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.SourceGenerators.Usage.Configuration;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;
using VolumeGen.SourceGenerators.Usage.Persisted;
using VolumeGen.SourceGenerators.Usage.Sinks;
using VolumeGen.SourceGenerators.Usage.Verdicts;

namespace VolumeGen.SourceGenerators.Analyzers.UsageRules;

/// <summary>
/// Writes whose data does not survive the container: outside every persisted path (VG2001; VG2007 when the sink is the
/// key ring's folder, <c>PersistKeysToFileSystem</c>), into an anonymous volume (VG2002), a read-only mount (VG2003) or
/// a tmpfs (VG2004).
/// </summary>
internal static class WriteRules
{
    /// <summary>Evaluates the path a write site writes and reports a verdict when it is known.</summary>
    public static void AnalyzeSite(OperationAnalysisContext context, WriteSite site, UsageCompilationState state)
    {
        var trace = new EvaluationTrace();
        if (site.Path(state.Evaluator, trace, context.CancellationToken) is string path)
        {
            Judge(context, site, path, trace, site.Reported!.GetLocation(), state);
        }
    }

    /// <summary>Serilog's <c>ReadFrom.Configuration</c>: every configured file sink, reported at this call with the JSON line as the additional location.</summary>
    public static void AnalyzeConfiguredFiles(OperationAnalysisContext context, IInvocationOperation invocation, UsageCompilationState state)
    {
        Location location = ReportLocations.Call(invocation);
        foreach (WriteSite configured in SerilogConfiguredFiles.Sites(invocation, state.Evaluator, context.CancellationToken))
        {
            var trace = new EvaluationTrace();
            Judge(context, configured, trace.Read(configured.Configured!), trace, location, state);
        }
    }

    /// <summary>
    /// The verdict about a write of <paramref name="path"/>, with the container knowledge of <paramref name="tree"/> — the
    /// app's own data folder as the data root when its lost data already shares one; null when nothing is to be said.
    /// </summary>
    public static (PersistedKnowledge Knowledge, WriteJudgment Judgment)? JudgeWrite(SinkEntry entry, string path, SyntaxTree tree, UsageCompilationState state)
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
        IEnumerable<Location>? additional = ReportLocations.Configured(origin);
        string sink = site.Entry.DisplayName;
        switch (verdict.Kind)
        {
            case VerdictKind.OutsidePersistedPath:
                // The key ring's folder is data like any other, but its loss is the key ring rule's (VG2007).
                DiagnosticDescriptor descriptor = site.Entry.Data == SinkData.KeyRing ? DiagnosticDescriptors.KeyRingFolderNotPersisted : DiagnosticDescriptors.WriteOutsidePersistedPath;
                LostData.Report(context, descriptor, location, site, origin, knowledge, judgment, sink, shown, state);
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
}
