using System;
using System.Collections.Immutable;
using VolumeGen.SourceGenerators.Diagnostics;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>A configuration value to rewrite so the data it names lands in the declared folder.</summary>
internal sealed class ConfigurationMove : IEquatable<ConfigurationMove>
{
    private ConfigurationMove(string file, string key, string value, string suggestedValue)
    {
        File = file;
        Key = key;
        Value = value;
        SuggestedValue = suggestedValue;
    }

    /// <summary>The AdditionalFile path of the JSON file.</summary>
    public string File { get; }

    /// <summary>The key in colon form.</summary>
    public string Key { get; }

    /// <summary>The value the file holds now; the edit is skipped when the file says something else.</summary>
    public string Value { get; }

    /// <summary>The value the file gets.</summary>
    public string SuggestedValue { get; }

    /// <summary>The short file name, for action titles.</summary>
    public string FileName => System.IO.Path.GetFileName(File);

    /// <summary>The move a diagnostic asks for, or null when its properties are missing or say nothing new.</summary>
    public static ConfigurationMove? From(ImmutableDictionary<string, string?> properties)
    {
        if (properties.TryGetValue(DiagnosticDescriptors.ConfigFileProperty, out string? file) && file is { Length: > 0 }
            && properties.TryGetValue(DiagnosticDescriptors.ConfigKeyProperty, out string? key) && key is { Length: > 0 }
            && properties.TryGetValue(DiagnosticDescriptors.ConfigValueProperty, out string? value) && value is not null
            && properties.TryGetValue(DiagnosticDescriptors.ConfigSuggestedValueProperty, out string? suggested) && suggested is { Length: > 0 }
            && !string.Equals(value, suggested, StringComparison.Ordinal))
        {
            return new ConfigurationMove(file, key, value, suggested);
        }

        return null;
    }

    /// <summary>Same file and key (configuration keys ignore case): one edit, whatever the number of reads.</summary>
    public bool Equals(ConfigurationMove? other)
        => other is not null
            && string.Equals(File, other.File, StringComparison.Ordinal)
            && string.Equals(Key, other.Key, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as ConfigurationMove);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(File) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Key);
}
