namespace VolumeGen.ContainerFiles;

/// <summary>One entry of a service's <c>environment:</c> (map form <c>NAME: value</c> or list form <c>- NAME=value</c>).</summary>
public sealed class ComposeEnvironmentVariable
{
    /// <summary>Creates an entry.</summary>
    public ComposeEnvironmentVariable(string name, string? value, bool isKnown, int line)
    {
        Name = name;
        Value = value;
        IsKnown = isKnown;
        Line = line;
    }

    /// <summary>The variable's name.</summary>
    public string Name { get; }

    /// <summary>The value after interpolation; null for <c>- NAME</c> or <c>NAME:</c> (taken from the shell running compose).</summary>
    public string? Value { get; }

    /// <summary>False when the value refers to a variable whose value is not known (it is kept as written).</summary>
    public bool IsKnown { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }
}
