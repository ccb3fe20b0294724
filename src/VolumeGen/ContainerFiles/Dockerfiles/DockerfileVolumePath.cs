namespace VolumeGen.ContainerFiles;

/// <summary>One path of a <c>VOLUME</c> instruction, as the image records it and where Docker mounts it.</summary>
public sealed class DockerfileVolumePath
{
    internal DockerfileVolumePath(DockerfileInstruction instruction, DockerfileStage stage, DockerfileValue value)
    {
        Instruction = instruction;
        Stage = stage;
        Value = value;
        if (value.IsKnown && value.Text.Length > 0)
        {
            // The engine mounts a relative VOLUME below /, not below WORKDIR.
            ContainerPath = VolumeGen.ContainerPath.Resolve("/", value.Text);
        }
    }

    /// <summary>The <c>VOLUME</c> instruction.</summary>
    public DockerfileInstruction Instruction { get; }

    /// <summary>The 1-based line of the instruction.</summary>
    public int Line => Instruction.Line;

    /// <summary>The stage whose instruction declares it (an earlier stage when inherited through <c>FROM &lt;stage&gt;</c>).</summary>
    public DockerfileStage Stage { get; }

    /// <summary>The path after word processing: the key the image's <c>Config.Volumes</c> gets.</summary>
    public DockerfileValue Value { get; }

    /// <summary>
    /// Where a container gets the volume: the path resolved against <c>/</c> and normalised (a relative
    /// <c>VOLUME data</c> is mounted at <c>/data</c>, whatever the <c>WORKDIR</c>); null when unknown or empty.
    /// </summary>
    public string? ContainerPath { get; }

    /// <summary>True when the path is not absolute.</summary>
    public bool IsRelative => Value.IsKnown && Value.Text.Length > 0 && !VolumeGen.ContainerPath.IsAbsolute(Value.Text);

    /// <summary>True inside VolumeGen's generated block.</summary>
    public bool IsInGeneratedBlock => Instruction.IsInGeneratedBlock;

    /// <inheritdoc />
    public override string ToString() => Value.Text;
}
