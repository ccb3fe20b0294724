using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>A <c>RUN</c>: its command as written (the builder does not process its words; the shell does).</summary>
public sealed class DockerfileRun
{
    internal DockerfileRun(DockerfileInstruction instruction, string? workingDirectory)
    {
        Instruction = instruction;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>The instruction.</summary>
    public DockerfileInstruction Instruction { get; }

    /// <summary>The 1-based line.</summary>
    public int Line => Instruction.Line;

    /// <summary>The shell form's command text, or the JSON form's words joined with spaces.</summary>
    public string Command => Instruction.IsJsonForm ? string.Join(" ", Instruction.Words) : Instruction.Arguments;

    /// <summary>True for the JSON form (<c>RUN ["dotnet", "publish"]</c>).</summary>
    public bool IsJsonForm => Instruction.IsJsonForm;

    /// <summary>The here-documents (<c>RUN &lt;&lt;EOF</c>): their content is the script.</summary>
    public IReadOnlyList<DockerfileHeredoc> Heredocs => Instruction.Heredocs;

    /// <summary>The working directory the command runs in, when known.</summary>
    public string? WorkingDirectory { get; }
}
