using VolumeGen.SourceGenerators.Usage.Configuration;

namespace VolumeGen.SourceGenerators.Usage.PathEvaluation;

/// <summary>
/// What one evaluation read from configuration (so a verdict can name the file, key and value), and optionally
/// one configuration value to replace (so a suggested new value can be checked by evaluating the path again).
/// Created only once a sink's path is evaluated; never shared between evaluations.
/// </summary>
internal sealed class EvaluationTrace
{
    private readonly ConfigurationEntry? _replaced;
    private readonly string? _replacement;

    public EvaluationTrace()
    {
    }

    /// <summary>A trace that reads <paramref name="replacement"/> wherever the evaluation meets <paramref name="replaced"/>.</summary>
    public EvaluationTrace(ConfigurationEntry replaced, string replacement)
    {
        _replaced = replaced;
        _replacement = replacement;
    }

    /// <summary>The first configuration value the path was built from, or null.</summary>
    public ConfigurationEntry? Origin { get; private set; }

    /// <summary>True when more than one configuration value went into the path.</summary>
    public bool HasSeveralOrigins { get; private set; }

    /// <summary>Records that <paramref name="entry"/> was read and returns the value to use.</summary>
    public string Read(ConfigurationEntry entry)
    {
        if (Origin is null)
        {
            Origin = entry;
        }
        else if (!ReferenceEquals(Origin, entry))
        {
            HasSeveralOrigins = true;
        }

        return ReferenceEquals(entry, _replaced) ? _replacement! : entry.Value;
    }
}
