using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// A build stage (<c>FROM image [AS name]</c>) and the image it ends with: what it inherits from the stage it is
/// built <c>FROM</c> (if any) plus what its own instructions set. Values the base image sets are not known.
/// </summary>
public sealed class DockerfileStage
{
    internal DockerfileStage(int index, string? name, DockerfileValue baseImage, DockerfileStage? parent, DockerfileInstruction from)
    {
        Index = index;
        Name = name;
        BaseImage = baseImage;
        Parent = parent;
        From = from;
    }

    /// <summary>The 0-based position among the stages.</summary>
    public int Index { get; }

    /// <summary>The <c>AS</c> name in lower case, or null.</summary>
    public string? Name { get; }

    /// <summary>The <c>FROM</c> image after word processing with the <c>ARG</c>s before the first <c>FROM</c>.</summary>
    public DockerfileValue BaseImage { get; }

    /// <summary>The earlier stage this one is built <c>FROM</c>, or null for an image (or <c>scratch</c>).</summary>
    public DockerfileStage? Parent { get; }

    /// <summary>
    /// This stage and the stages it is built <c>FROM</c>, oldest first: the first one's <see cref="BaseImage"/> is the
    /// image the chain starts from. The one walk up the <c>FROM &lt;stage&gt;</c> chain.
    /// </summary>
    public IReadOnlyList<DockerfileStage> Chain
    {
        get
        {
            var chain = new List<DockerfileStage>();
            for (DockerfileStage? stage = this; stage is not null && !chain.Contains(stage); stage = stage.Parent)
            {
                chain.Insert(0, stage);
            }

            return chain;
        }
    }

    /// <summary>The <c>FROM</c> instruction.</summary>
    public DockerfileInstruction From { get; }

    /// <summary>True when the stage is rooted in <c>scratch</c>, so nothing unknown comes from a base image.</summary>
    public bool IsBaseKnown { get; internal set; }

    /// <summary>The stage's own instructions, <c>FROM</c> first.</summary>
    public IReadOnlyList<DockerfileInstruction> Instructions => InstructionList;

    /// <summary>
    /// The image's <c>VOLUME</c> paths at the end of the stage: the inherited ones first, then its own, in order
    /// (the same path may appear twice, as written).
    /// </summary>
    public IReadOnlyList<DockerfileVolumePath> Volumes => VolumeList;

    /// <summary>
    /// The image's working directory at the end of the stage (its <see cref="DockerfileValue.Text"/> is the
    /// absolute, normalised path), or null when no <c>WORKDIR</c> of the stage or its parents sets one.
    /// </summary>
    public DockerfileValue? WorkingDirectory { get; internal set; }

    /// <summary>The image's <c>USER</c> at the end of the stage (as processed, e.g. <c>app</c> or <c>1654:1654</c>), or null when none is set.</summary>
    public DockerfileValue? User { get; internal set; }

    /// <summary>The <c>ENV</c> variables the image carries at the end of the stage, inherited ones included.</summary>
    public IReadOnlyList<DockerfileVariable> Environment => EnvironmentList;

    /// <summary>The <c>ENTRYPOINT</c> in effect at the end of the stage, or null.</summary>
    public DockerfileInstruction? Entrypoint { get; internal set; }

    /// <summary>The <c>CMD</c> in effect at the end of the stage, or null.</summary>
    public DockerfileInstruction? Command { get; internal set; }

    /// <summary>The stage's own <c>COPY</c> and <c>ADD</c> instructions.</summary>
    public IReadOnlyList<DockerfileCopy> Copies => CopyList;

    /// <summary>The stage's own <c>RUN</c> instructions.</summary>
    public IReadOnlyList<DockerfileRun> Runs => RunList;

    internal List<DockerfileInstruction> InstructionList { get; } = new();

    internal List<DockerfileVolumePath> VolumeList { get; } = new();

    internal List<DockerfileVariable> EnvironmentList { get; } = new();

    internal List<DockerfileCopy> CopyList { get; } = new();

    internal List<DockerfileRun> RunList { get; } = new();

    /// <summary>The value of the environment variable <paramref name="name"/> at the end of the stage, or null when it sets none.</summary>
    public DockerfileValue? GetEnvironment(string name)
    {
        foreach (DockerfileVariable variable in EnvironmentList)
        {
            if (variable.Name == name)
            {
                return variable.Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
