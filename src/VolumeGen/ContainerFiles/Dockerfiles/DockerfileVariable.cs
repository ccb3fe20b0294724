namespace VolumeGen.ContainerFiles;

/// <summary>An environment variable an <c>ENV</c> instruction sets, as the image carries it.</summary>
public sealed class DockerfileVariable
{
    /// <summary>Creates a variable.</summary>
    public DockerfileVariable(string name, DockerfileValue value, int line)
    {
        Name = name;
        Value = value;
        Line = line;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The value after word processing.</summary>
    public DockerfileValue Value { get; }

    /// <summary>The 1-based line of the <c>ENV</c> instruction that set it.</summary>
    public int Line { get; }
}
