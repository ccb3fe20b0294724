namespace VolumeGen.ContainerFiles;

/// <summary>A mistake <see cref="DockerfileLint"/> found: the rule's ID (VG40xx), the line and what to do.</summary>
public sealed class DockerfileFinding
{
    /// <summary>Creates a finding.</summary>
    public DockerfileFinding(string id, int line, string message)
    {
        Id = id;
        Line = line;
        Message = message;
    }

    /// <summary>The rule's ID, e.g. <c>VG4001</c>; its page is docs/rules/&lt;ID&gt;.md.</summary>
    public string Id { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>What is wrong, naming the value, and the fix.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Id + " (line " + Line + "): " + Message;
}
