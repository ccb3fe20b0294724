using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Usage.Configuration;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;

namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>
/// Serilog's <c>ReadFrom.Configuration(configuration[, sectionName])</c> / <c>ReadFrom.ConfigurationSection(section)</c>:
/// every file sink of its section (<c>Serilog:WriteTo:0</c> with <c>Name: File</c>, also inside <c>Async</c>) writes to
/// its <c>Args:path</c>, a path the framework reads from configuration itself.
/// </summary>
internal static class SerilogConfiguredFiles
{
    private const string ConfigurationType = "Serilog.ConfigurationLoggerConfigurationExtensions";
    private const string PathSuffix = ":Args:path";

    /// <summary>The sink row of a configured file sink (no C# argument: the path is the configuration entry).</summary>
    public static SinkEntry Sink { get; } = new("Serilog.Sinks.File", "File", SinkMemberKind.Method, "path", displayName: "Serilog's File sink");

    /// <summary>True for <c>ReadFrom.Configuration</c> or <c>ReadFrom.ConfigurationSection</c> (the name first: it is the cheap check).</summary>
    public static bool IsReadFrom(IMethodSymbol method)
        => method.Name is "Configuration" or "ConfigurationSection" && MetadataNames.Is(method.ContainingType, ConfigurationType);

    /// <summary>The write of each configured file sink of the section <paramref name="invocation"/> reads.</summary>
    public static IEnumerable<WriteSite> Sites(IInvocationOperation invocation, PathEvaluator evaluator, CancellationToken cancellationToken)
    {
        string? section = null;
        if (invocation.TargetMethod.Name == "ConfigurationSection")
        {
            section = evaluator.ConfigurationSectionOf(ArgumentValue(invocation, "configSection"), cancellationToken);
        }
        else if (evaluator.ConfigurationSectionOf(ArgumentValue(invocation, "configuration"), cancellationToken) is string root)
        {
            string sectionName = ArgumentValue(invocation, "sectionName")?.ConstantValue.Value as string ?? "Serilog";
            section = root.Length == 0 ? sectionName : root + ":" + sectionName;
        }

        if (section is not { Length: > 0 })
        {
            yield break;
        }

        AppConfiguration configuration = evaluator.AppConfiguration;
        string prefix = section + ":";
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
                yield return new WriteSite(Sink, null, null, entry, invocation.Syntax);
            }
        }
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
}
