using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Usage.Configuration;
using VolumeGen.SourceGenerators.Usage.Sinks;

namespace VolumeGen.SourceGenerators.Usage;

/// <summary>
/// One write the analyzer judges: the sink row and where its path comes from (an argument, the instance, or a
/// configuration entry read by the framework, as Serilog's <c>WriteTo</c> section). Kept so the path can be evaluated
/// again with a replaced configuration value, to check a suggested value.
/// </summary>
internal readonly struct WriteSite
{
    public WriteSite(SinkEntry entry, IArgumentOperation? argument, IOperation? instance, ConfigurationEntry? configured = null)
    {
        Entry = entry;
        Argument = argument;
        Instance = instance;
        Configured = configured;
    }

    public SinkEntry Entry { get; }

    public IArgumentOperation? Argument { get; }

    public IOperation? Instance { get; }

    /// <summary>A path the framework reads from configuration itself, with no C# expression behind it.</summary>
    public ConfigurationEntry? Configured { get; }
}
