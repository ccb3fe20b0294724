namespace VolumeGen.ContainerFiles;

/// <summary>Something in a Dockerfile the builder rejects or cannot use, at its line.</summary>
public sealed class DockerfileProblem
{
    /// <summary>Creates a problem.</summary>
    public DockerfileProblem(int line, string message)
    {
        Line = line;
        Message = message;
    }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>What is wrong, in the builder's terms.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => "line " + Line + ": " + Message;
}
