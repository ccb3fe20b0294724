using System.Linq;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>
/// Decides the block's ownership step from the image facts (<see cref="ImageFacts"/>). By default
/// (VolumeGenDockerfileOwnership empty) the step follows the image: none when the final stage runs as root, otherwise
/// the folders are created owned by the final stage's user — with <c>RUN mkdir + chown</c> when the image has a
/// shell, with <c>COPY --chown</c> of an empty folder when it has none (chiseled, distroless, scratch). A run step
/// placed after a <c>USER</c> that already left root switches to root for the one <c>RUN</c> and back. <c>none</c>
/// turns the step off; <c>run</c> and <c>copy</c> force a form.
/// </summary>
internal static class OwnershipPlanner
{
    /// <summary>The plan for the block whose begin marker is the 0-based physical line <paramref name="blockLine"/>.</summary>
    /// <param name="requested">VolumeGenDockerfileOwnership.</param>
    /// <param name="explicitOwner">VolumeGenDockerfileOwner, or null.</param>
    /// <param name="text">The Dockerfile's text.</param>
    /// <param name="image">The stage the image is built from.</param>
    /// <param name="blockLine">The block's first line, 0-based.</param>
    public static OwnershipPlan Decide(OwnershipSetting requested, string? explicitOwner, string text, DockerfileStage image, int blockLine)
    {
        ImageFacts facts = ImageFacts.FromDockerfile(image);
        string owner = explicitOwner ?? facts.Owner;
        if (requested == OwnershipSetting.None || (requested == OwnershipSetting.Auto && facts.IsRoot))
        {
            return new OwnershipPlan(DockerfileOwnership.None, owner, null, null, 0);
        }

        // The image as it stands where the block is.
        int line = blockLine + 1;
        DockerfileStage? atBlock = GeneratedBlockPlacement.StageBefore(text, line);
        if (atBlock is null || !image.Chain.Any(stage => stage.Index == atBlock.Index))
        {
            string where = atBlock is null ? "before the first FROM" : "in the stage '" + atBlock + "'";
            return new OwnershipPlan(DockerfileOwnership.None, owner, null,
                $"The image runs as the non-root user '{facts.User?.Text ?? owner}', but the VolumeGen block stands {where}, which the image (stage '{image}') is not built from, so the volume folders stay root's and the app cannot write them. Move the block into the stage '{image}' or one it is built FROM, before its USER.",
                line);
        }

        ImageFacts factsAtBlock = ImageFacts.FromDockerfile(atBlock);
        DockerfileOwnership form = ForcedForm(requested) ?? (factsAtBlock.HasShell ? DockerfileOwnership.Run : DockerfileOwnership.Copy);

        string? switchBack = form == DockerfileOwnership.Run && !factsAtBlock.IsRoot ? atBlock.User?.Written ?? factsAtBlock.Owner : null;
        string? problem = form == DockerfileOwnership.Run && !factsAtBlock.HasShell
            ? $"VolumeGenDockerfileOwnership is 'run', but the image '{factsAtBlock.BaseImage}' has no shell, so 'RUN mkdir … && chown …' cannot run there. Use 'copy' (COPY --chown of an empty folder), or clear VolumeGenDockerfileOwnership and VolumeGen chooses."
            : null;
        return new OwnershipPlan(form, owner, switchBack, problem, line);
    }

    /// <summary>The form <paramref name="requested"/> forces whatever the image: null for <see cref="OwnershipSetting.Auto"/>, which follows the image.</summary>
    public static DockerfileOwnership? ForcedForm(OwnershipSetting requested) => requested switch
    {
        OwnershipSetting.None => DockerfileOwnership.None,
        OwnershipSetting.Run => DockerfileOwnership.Run,
        OwnershipSetting.Copy => DockerfileOwnership.Copy,
        _ => null,
    };
}
