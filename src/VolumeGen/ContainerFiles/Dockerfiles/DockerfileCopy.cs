using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>A <c>COPY</c> or <c>ADD</c>: what it copies from where to where.</summary>
public sealed class DockerfileCopy
{
    internal DockerfileCopy(DockerfileInstruction instruction, string? from, IReadOnlyList<DockerfileValue> sources, DockerfileValue? destination, string? workingDirectory)
    {
        Instruction = instruction;
        From = from;
        Sources = sources;
        Destination = destination;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>The instruction (<see cref="DockerfileInstruction.Keyword"/> is <c>COPY</c> or <c>ADD</c>).</summary>
    public DockerfileInstruction Instruction { get; }

    /// <summary>The 1-based line.</summary>
    public int Line => Instruction.Line;

    /// <summary>The <c>--from</c> stage or image, or null when it copies from the build context.</summary>
    public string? From { get; }

    /// <summary>The sources after word processing (a here-document source is its <c>&lt;&lt;EOF</c> word).</summary>
    public IReadOnlyList<DockerfileValue> Sources { get; }

    /// <summary>The destination after word processing; null when the instruction names none.</summary>
    public DockerfileValue? Destination { get; }

    /// <summary>The working directory a relative destination resolves against, when known.</summary>
    public string? WorkingDirectory { get; }
}
