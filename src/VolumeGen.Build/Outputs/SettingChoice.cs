using System;
using System.Collections.Generic;
using System.Linq;

namespace VolumeGen.Build.Outputs;

/// <summary>One accepted value (and its spellings) of an MSBuild property that takes a fixed set, with what it means.</summary>
/// <param name="Spellings">The texts that choose it, compared ignoring case and surrounding spaces; <c>""</c> is the empty (unset) property.</param>
/// <param name="Value">What it parses to.</param>
/// <param name="Meaning">What it does, as the error lists it.</param>
internal sealed record SettingChoice<T>(string[] Spellings, T Value, string Meaning)
{
    /// <summary>
    /// The choice <paramref name="text"/> spells; null when it spells none, with the message that names the property,
    /// the value and every allowed value.
    /// </summary>
    public static SettingChoice<T>? Find(string property, string? text, IReadOnlyList<SettingChoice<T>> choices, out string? problem)
    {
        string key = (text ?? string.Empty).Trim();
        SettingChoice<T>? found = choices.FirstOrDefault(c => c.Spellings.Any(s => string.Equals(s, key, StringComparison.OrdinalIgnoreCase)));
        problem = found is not null ? null
            : $"{property} is '{text}', which is not one of its values. Use {Allowed(choices)}.";
        return found;
    }

    /// <summary>The allowed values as the error and docs/build.md list them, e.g. <c>empty or 'auto' (…), 'none' (…)</c>.</summary>
    public static string Allowed(IReadOnlyList<SettingChoice<T>> choices)
        => string.Join(", ", choices.Select(static c => string.Join(" or ", c.Spellings.Select(static s => s.Length == 0 ? "empty" : "'" + s + "'")) + " (" + c.Meaning + ")"));
}
