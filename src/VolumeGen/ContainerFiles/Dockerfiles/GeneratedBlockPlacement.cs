using System;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// Where VolumeGen's marker lines (<see cref="GeneratedBlockMarkers"/>) belong in a Dockerfile that has none: where the
/// image is still built as root — before the first <c>USER</c> that leaves root in the final stage or the stages it is
/// built <c>FROM</c> (the Visual Studio Dockerfile's <c>base</c> stage) — so an ownership step in the block can create
/// and chown the folders; with no such <c>USER</c>, before the final stage's <c>ENTRYPOINT</c>/<c>CMD</c>, else after its
/// last line (an image whose base runs as <c>$APP_UID</c>, such as a chiseled one, is never root there: its block uses
/// <c>COPY --chown</c>, which needs no root). Who leaves root is <see cref="ContainerUser"/>'s rule. The build task
/// names that line in VG3001; the code fix inserts the markers there.
/// </summary>
public static class GeneratedBlockPlacement
{
    /// <summary>
    /// The 1-based line the markers go before (one past the final stage's last line when they go after it), or null
    /// when the Dockerfile has no stage (or none named <paramref name="target"/>).
    /// </summary>
    /// <param name="dockerfile">The Dockerfile.</param>
    /// <param name="target">The stage the image is built from (<c>VolumeGenDockerfileTarget</c>); null for the last one.</param>
    public static int? LineBefore(Dockerfile dockerfile, string? target = null)
    {
        DockerfileStage? final = dockerfile.FinalStage(target);
        if (final is null)
        {
            return null;
        }

        // The final stage and the stages it is built FROM, oldest first.
        foreach (DockerfileStage stage in final.Chain)
        {
            foreach (DockerfileInstruction instruction in stage.Instructions)
            {
                if (instruction.Keyword == "USER" && ContainerUser.Parse(instruction.Arguments) is { IsRoot: false })
                {
                    return instruction.Line;
                }
            }
        }

        foreach (DockerfileInstruction instruction in final.Instructions)
        {
            if (instruction.Keyword is "ENTRYPOINT" or "CMD")
            {
                return instruction.Line;
            }
        }

        DockerfileInstruction last = final.Instructions.Count > 0 ? final.Instructions[final.Instructions.Count - 1] : final.From;
        return last.EndLine + 1;
    }

    /// <summary>
    /// The image as it stands before the 1-based <paramref name="line"/>: the last stage of the Dockerfile's text up to
    /// that line, read alone (its user, shell and base image are <see cref="ImageFacts.FromDockerfile"/>'s); null
    /// before the first <c>FROM</c>.
    /// </summary>
    public static DockerfileStage? StageBefore(string text, int line)
    {
        string[] lines = text.Split('\n');
        Dockerfile before = Dockerfile.Parse(string.Join("\n", lines, 0, Math.Max(0, Math.Min(line - 1, lines.Length))));
        return before.Stages.Count == 0 ? null : before.Stages[before.Stages.Count - 1];
    }
}
