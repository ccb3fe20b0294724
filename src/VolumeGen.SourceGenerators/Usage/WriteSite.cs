using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Usage.Configuration;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;
using VolumeGen.SourceGenerators.Usage.Sinks;

namespace VolumeGen.SourceGenerators.Usage;

/// <summary>
/// One write the analyzer judges: the sink row and where its path comes from (an argument, the instance, or a
/// configuration entry read by the framework, as Serilog's <c>WriteTo</c> section). Kept so the path can be evaluated
/// again with a replaced configuration value, to check a suggested value.
/// </summary>
internal readonly struct WriteSite
{
    public WriteSite(SinkEntry entry, IArgumentOperation? argument, IOperation? instance, ConfigurationEntry? configured = null, SyntaxNode? reported = null)
    {
        Entry = entry;
        Argument = argument;
        Instance = instance;
        Configured = configured;
        Reported = reported;
    }

    /// <summary>The C# a diagnostic about this write points at: the path argument, or the call for an instance's path.</summary>
    public SyntaxNode? Reported { get; }

    public SinkEntry Entry { get; }

    public IArgumentOperation? Argument { get; }

    public IOperation? Instance { get; }

    /// <summary>A path the framework reads from configuration itself, with no C# expression behind it.</summary>
    public ConfigurationEntry? Configured { get; }

    /// <summary>The path this write writes (a <see cref="PathValue"/>), reading configuration through <paramref name="trace"/>; null when unknown.</summary>
    public string? Path(PathEvaluator evaluator, EvaluationTrace trace, CancellationToken cancellationToken)
    {
        if (Configured is ConfigurationEntry configured)
        {
            return trace.Read(configured);
        }

        switch (Entry.Source)
        {
            case SinkPathSource.Instance:
                return evaluator.EvaluateFileSystemInfo(Instance, trace, cancellationToken);
            case SinkPathSource.InstanceAndArgument:
                string? parent = evaluator.EvaluateFileSystemInfo(Instance, trace, cancellationToken);
                return parent is null ? null : PathValue.Combine(parent, evaluator.Part(Argument!.Value, trace, cancellationToken));
            case SinkPathSource.FileSystemInfoArgument:
                return evaluator.EvaluateFileSystemInfo(Argument!.Value, trace, cancellationToken);
            default:
                // A property assignment keeps its value as the instance (there is no argument).
                return evaluator.Evaluate(Argument?.Value ?? Instance, trace, cancellationToken);
        }
    }
}
