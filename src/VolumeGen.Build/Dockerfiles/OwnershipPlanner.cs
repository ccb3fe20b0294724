using System;
using System.Linq;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>
/// Decides the block's ownership step. By default (VolumeGenDockerfileOwnership empty) the step follows the image:
/// none when the final stage runs as root, otherwise the folders are created owned by the final stage's user — with
/// <c>RUN mkdir + chown</c> when the image has a shell, with <c>COPY --chown</c> of an empty folder when it has none
/// (chiseled, distroless, scratch). A run step placed after a <c>USER</c> that already left root switches to root
/// for the one <c>RUN</c> and back. <c>none</c> turns the step off; <c>run</c> and <c>copy</c> force a form.
/// </summary>
internal static class OwnershipPlanner
{
    /// <summary>The plan for the block whose begin marker is the 0-based physical line <paramref name="blockLine"/>.</summary>
    /// <param name="requested">VolumeGenDockerfileOwnership.</param>
    /// <param name="explicitOwner">VolumeGenDockerfileOwner, or null.</param>
    /// <param name="sdkContainerUser">The SDK's ContainerUser, or null (a fallback owner for a forced form only).</param>
    /// <param name="text">The Dockerfile's text.</param>
    /// <param name="image">The stage the image is built from.</param>
    /// <param name="blockLine">The block's first line, 0-based.</param>
    public static OwnershipPlan Decide(OwnershipSetting requested, string? explicitOwner, string? sdkContainerUser, string text, DockerfileStage image, int blockLine)
    {
        ContainerUser? finalUser = ContainerUser.Of(image);
        string owner = explicitOwner
            ?? (image.User is DockerfileValue user ? (user.IsKnown ? user.Text : user.Written) : null)
            ?? (string.IsNullOrWhiteSpace(sdkContainerUser) ? null : sdkContainerUser!.Trim())
            ?? "$APP_UID";

        if (requested == OwnershipSetting.None || (requested == OwnershipSetting.Auto && (finalUser is null || finalUser.IsRoot)))
        {
            return new OwnershipPlan(DockerfileOwnership.None, owner, null, null, 0);
        }

        // The image as it stands where the block is: the Dockerfile up to the block, read alone.
        string[] lines = text.Split('\n');
        Dockerfile before = Dockerfile.Parse(string.Join("\n", lines.Take(Math.Min(blockLine, lines.Length))));
        DockerfileStage? atBlock = before.Stages.Count == 0 ? null : before.Stages[before.Stages.Count - 1];
        int line = blockLine + 1;
        if (atBlock is null || !IsBuiltFrom(image, atBlock.Index))
        {
            string where = atBlock is null ? "before the first FROM" : "in the stage '" + atBlock + "'";
            return new OwnershipPlan(DockerfileOwnership.None, owner, null,
                $"The image runs as the non-root user '{finalUser?.Text ?? owner}', but the VolumeGen block stands {where}, which the image (stage '{image}') is not built from, so the volume folders stay root's and the app cannot write them. Move the block into the stage '{image}' or one it is built FROM, before its USER.",
                line);
        }

        bool hasShell = HasShell(atBlock);
        DockerfileOwnership form = ForcedForm(requested) ?? (hasShell ? DockerfileOwnership.Run : DockerfileOwnership.Copy);

        ContainerUser? userAtBlock = ContainerUser.Of(atBlock);
        string? switchBack = form == DockerfileOwnership.Run && userAtBlock is not null && !userAtBlock.IsRoot ? atBlock.User?.Written ?? userAtBlock.Text : null;
        string? problem = form == DockerfileOwnership.Run && !hasShell
            ? $"VolumeGenDockerfileOwnership is 'run', but the image '{RootImage(atBlock)}' has no shell, so 'RUN mkdir … && chown …' cannot run there. Use 'copy' (COPY --chown of an empty folder), or clear VolumeGenDockerfileOwnership and VolumeGen chooses."
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

    /// <summary>True when <paramref name="image"/> is the stage <paramref name="index"/> or built FROM it.</summary>
    private static bool IsBuiltFrom(DockerfileStage image, int index)
    {
        for (DockerfileStage? stage = image; stage is not null; stage = stage.Parent)
        {
            if (stage.Index == index)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The image the stage chain starts from.</summary>
    private static string RootImage(DockerfileStage stage)
    {
        DockerfileStage root = stage;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root.BaseImage.Text;
    }

    /// <summary>
    /// False for images without <c>/bin/sh</c>: <c>scratch</c>, and the chiseled and distroless images (the .NET
    /// <c>*-chiseled</c> tags, gcr.io/distroless). True otherwise, and whenever a stage of the chain runs a shell-form RUN.
    /// </summary>
    internal static bool HasShell(DockerfileStage stage)
    {
        for (DockerfileStage? current = stage; current is not null; current = current.Parent)
        {
            if (current.Runs.Any(static run => !run.Instruction.IsJsonForm && !run.Instruction.IsInGeneratedBlock))
            {
                return true;
            }
        }

        string image = RootImage(stage).ToLowerInvariant();
        return !(image == "scratch" || image.Contains("chiseled") || image.Contains("distroless") || image.Contains("nanoserver"));
    }
}
