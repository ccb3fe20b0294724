using System.Collections.Generic;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>
/// The <c>VOLUME</c> paths of the image a Dockerfile builds (its final stage and the stages that stage is built
/// <c>FROM</c>) outside VolumeGen's block, read by the <see cref="Dockerfile"/> model. Paths it cannot know (a
/// variable the base image or a build argument sets) are skipped: no guessing. See docs/container-files.md.
/// </summary>
internal static class HandWrittenVolumes
{
    public static IReadOnlyList<HandWrittenVolume> Find(DockerfileStage? image)
    {
        var found = new List<HandWrittenVolume>();
        if (image is null)
        {
            return found;
        }

        foreach (DockerfileVolumePath volume in image.Volumes)
        {
            if (!volume.IsInGeneratedBlock && volume.ContainerPath is string path)
            {
                found.Add(new HandWrittenVolume(volume.Line, path));
            }
        }

        return found;
    }
}
