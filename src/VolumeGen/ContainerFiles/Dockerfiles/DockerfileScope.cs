using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// The variables a Dockerfile instruction's words are processed with: the image's <c>ENV</c> (which wins) and the
/// stage's <c>ARG</c>s. A null value is a variable whose value cannot be known here.
/// </summary>
internal sealed class DockerfileScope
{
    public DockerfileScope(bool baseKnown)
    {
        BaseKnown = baseKnown;
    }

    /// <summary>True when every variable the base sets is known (a stage rooted in <c>scratch</c>, or the <c>FROM</c> lines).</summary>
    public bool BaseKnown { get; }

    /// <summary><c>ENV</c> values in the order first set; null when unknown.</summary>
    public List<KeyValuePair<string, string?>> Environment { get; } = new();

    /// <summary><c>ARG</c> values; null when declared without a value that can be known.</summary>
    public Dictionary<string, string?> Arguments { get; } = new(StringComparer.Ordinal);

    /// <summary><c>ARG</c>s whose value is certainly unset (declared without default, and the build arguments are known and lack it).</summary>
    public HashSet<string> UnsetArguments { get; } = new(StringComparer.Ordinal);

    public DockerfileVariableState Lookup(string name, out string value, out bool setByDockerfile)
    {
        value = string.Empty;
        setByDockerfile = false;
        foreach (KeyValuePair<string, string?> variable in Environment)
        {
            if (string.Equals(variable.Key, name, StringComparison.Ordinal))
            {
                setByDockerfile = true;
                if (variable.Value is null)
                {
                    return DockerfileVariableState.Unknown;
                }

                value = variable.Value;
                return DockerfileVariableState.Set;
            }
        }

        if (Arguments.TryGetValue(name, out string? argument))
        {
            if (argument is not null)
            {
                setByDockerfile = true;
                value = argument;
                return DockerfileVariableState.Set;
            }

            return UnsetArguments.Contains(name) ? DockerfileVariableState.Unset : DockerfileVariableState.Unknown;
        }

        return BaseKnown ? DockerfileVariableState.Unset : DockerfileVariableState.Unknown;
    }

    public void SetEnvironment(string name, string? value)
    {
        for (int i = 0; i < Environment.Count; i++)
        {
            if (string.Equals(Environment[i].Key, name, StringComparison.Ordinal))
            {
                Environment[i] = new KeyValuePair<string, string?>(name, value);
                return;
            }
        }

        Environment.Add(new KeyValuePair<string, string?>(name, value));
    }
}
