using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// Where VolumeGen's marker lines (<see cref="GeneratedBlockMarkers"/>) belong in a Dockerfile that has none: where the
/// image is still built as root — before the first <c>USER</c> that leaves root in the final stage or the stages it is
/// built <c>FROM</c> (the Visual Studio Dockerfile's <c>base</c> stage) — so an ownership step in the block can create
/// and chown the folders; with no such <c>USER</c>, before the final stage's <c>ENTRYPOINT</c>/<c>CMD</c>, else after its
/// last line. The build task names that line in VG3001; the code fix inserts the markers there.
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
        var chain = new List<DockerfileStage>();
        for (DockerfileStage? stage = final; stage is not null && !chain.Contains(stage); stage = stage.Parent)
        {
            chain.Insert(0, stage);
        }

        foreach (DockerfileStage stage in chain)
        {
            foreach (DockerfileInstruction instruction in stage.Instructions)
            {
                if (instruction.Keyword == "USER" && !IsRoot(instruction.Arguments))
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

    private static bool IsRoot(string user)
    {
        string name = user.Trim().Split(':')[0];
        return name is "root" or "0";
    }
}
