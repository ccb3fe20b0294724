using VolumeGen.SourceGenerators.Usage.PathEvaluation;
using VolumeGen.SourceGenerators.Usage.Persisted;
using VolumeGen.SourceGenerators.Usage.Sinks;

namespace VolumeGen.SourceGenerators.Usage.Verdicts;

/// <summary>
/// One write judged against what the container persists: the written path (the file of a connection string), the
/// container path it is judged by — the resolved path, or for a path with a part known only at run time its known
/// folder — and the verdict. The analyzer's reports and the look at the app's data folder judge the same way.
/// </summary>
internal readonly struct WriteJudgment
{
    private WriteJudgment(string written, string target, PartlyKnownPath? partly, WriteVerdict verdict)
    {
        Written = written;
        Target = target;
        Partly = partly;
        Verdict = verdict;
    }

    /// <summary>The written path as the code builds it (<see cref="PathValue"/>).</summary>
    public string Written { get; }

    /// <summary>The normalised absolute container path judged: the written path, or the known folder of <see cref="Partly"/>.</summary>
    public string Target { get; }

    /// <summary>The known folder and the unknown rest, when part of the path is known only at run time.</summary>
    public PartlyKnownPath? Partly { get; }

    public WriteVerdict Verdict { get; }

    /// <summary>The container path for messages: <c>/app/data/a.txt</c>, or <c>/srv/exports/{name}</c>.</summary>
    public string Display => Partly?.Display ?? Target;

    /// <summary>The judgment of a write of <paramref name="path"/> through <paramref name="entry"/>; null when nothing can be told (or it is temp).</summary>
    public static WriteJudgment? Of(SinkEntry entry, string path, PersistedKnowledge knowledge)
    {
        if (!knowledge.IsActive || entry.WrittenFile(path) is not string written || PathValue.IsTemp(written)
            || Resolve(written, knowledge, out PartlyKnownPath? partly) is not string target)
        {
            return null;
        }

        // A path with a part known only at run time is judged by its known folder.
        WriteVerdict verdict = partly is not null
            ? WriteVerdict.JudgePartlyKnown(target, knowledge)
            : WriteVerdict.Judge(target, entry.Shape == SinkPathShape.Directory, entry.Shape == SinkPathShape.CreatedDirectory, knowledge);
        return new WriteJudgment(written, target, partly, verdict);
    }

    /// <summary>
    /// The container path a written path is judged by: the resolved path, or for a path with a part known only at run time
    /// its known folder (<paramref name="partly"/>); null when neither can be told.
    /// </summary>
    public static string? Resolve(string written, PersistedKnowledge knowledge, out PartlyKnownPath? partly)
    {
        partly = null;
        if (!PathValue.HasUnknown(written))
        {
            return PathValue.Resolve(written, knowledge.WorkingDirectory, knowledge.HomeDirectory);
        }

        partly = PartlyKnownPath.Resolve(written, knowledge.WorkingDirectory, knowledge.HomeDirectory);
        return partly?.Folder;
    }
}
