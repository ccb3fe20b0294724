using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>A set of variables as one comparable string, for the models' value equality.</summary>
internal static class VariablesKey
{
    public static string? Of(IReadOnlyDictionary<string, string>? variables)
    {
        if (variables is null)
        {
            return null;
        }

        var keys = new List<string>();
        foreach (KeyValuePair<string, string> variable in variables)
        {
            keys.Add(variable.Key + "=" + variable.Value);
        }

        keys.Sort(StringComparer.Ordinal);
        return string.Join("\n", keys);
    }
}
