namespace VolumeGen.ContainerFiles;

/// <summary>An entry of the top-level <c>volumes:</c>: a named volume the project uses.</summary>
public sealed class ComposeVolumeDefinition
{
    /// <summary>Creates a definition.</summary>
    public ComposeVolumeDefinition(string key, string? name, bool isExternal, int line)
    {
        Key = key;
        Name = name;
        IsExternal = isExternal;
        Line = line;
    }

    /// <summary>The key services refer to in <c>source:</c>.</summary>
    public string Key { get; }

    /// <summary>The Docker volume name from <c>name:</c>, or null (compose then prefixes the project name).</summary>
    public string? Name { get; }

    /// <summary>True for <c>external: true</c>: the volume must exist; compose never creates it.</summary>
    public bool IsExternal { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }
}
