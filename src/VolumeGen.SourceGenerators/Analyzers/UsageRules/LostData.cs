using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.SourceGenerators.Usage.Configuration;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;
using VolumeGen.SourceGenerators.Usage.Persisted;
using VolumeGen.SourceGenerators.Usage.Sinks;
using VolumeGen.SourceGenerators.Usage.Verdicts;

namespace VolumeGen.SourceGenerators.Analyzers.UsageRules;

/// <summary>
/// The report of data written where no volume keeps it (VG2001, and VG2007 for the key ring), shared by the write and
/// key ring rules: the fix its message proposes, and the properties the code fixes read (the analyzer contract).
/// </summary>
internal static class LostData
{
    /// <summary>Reports <paramref name="descriptor"/> with the fix the message proposes and the properties code fixes read.</summary>
    public static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, Location location, WriteSite site, ConfigurationEntry? origin,
        PersistedKnowledge knowledge, WriteJudgment judgment, string sink, string shown, UsageCompilationState state)
    {
        WriteVerdict verdict = judgment.Verdict;
        string? suggestedValue = origin is null ? null : SuggestValue(site, origin, verdict, knowledge, state, context.CancellationToken);
        string fix = VerdictText.Fix(verdict, judgment.Target, origin, suggestedValue, knowledge);
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, ReportLocations.Configured(origin), Properties(verdict, origin, suggestedValue, knowledge.AppName), sink, shown, judgment.Display, fix));
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
}
