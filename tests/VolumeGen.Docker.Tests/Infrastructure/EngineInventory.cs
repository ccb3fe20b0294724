using System;
using System.Collections.Generic;
using System.Linq;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// What the engine held when this test process first reached it: image ids, volume names and container ids. The
/// tests remove only what they created (<see cref="DockerEngine.RemoveImage"/> and its siblings refuse anything listed
/// here), so a shared engine — a developer's, CI's — keeps its base images and everything else that was there before.
/// </summary>
internal sealed class EngineInventory
{
    private EngineInventory(IReadOnlySet<string> images, IReadOnlySet<string> volumes, IReadOnlySet<string> containers)
    {
        Images = images;
        Volumes = volumes;
        Containers = containers;
    }

    /// <summary>Full image ids (<c>sha256:…</c>), dangling and intermediate images included.</summary>
    public IReadOnlySet<string> Images { get; }

    public IReadOnlySet<string> Volumes { get; }

    /// <summary>Full container ids, stopped containers included.</summary>
    public IReadOnlySet<string> Containers { get; }

    public static EngineInventory Read()
        => new(
            ImageIds(),
            Lines(DockerEngine.Docker("volume", "ls", "--quiet")),
            Lines(DockerEngine.Docker("container", "ls", "--all", "--quiet", "--no-trunc")));

    /// <summary>The full ids of every image the engine holds now, dangling and intermediate ones included.</summary>
    public static IReadOnlySet<string> ImageIds() => Lines(DockerEngine.Docker("image", "ls", "--all", "--quiet", "--no-trunc"));

    /// <summary>True when <paramref name="id"/> (full, or a prefix as the classic builder prints it) names an image listed here.</summary>
    public bool HadImage(string id)
        => Images.Contains(id) || Images.Any(i => Short(i).StartsWith(Short(id), StringComparison.Ordinal));

    private static string Short(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? id.Substring("sha256:".Length) : id;

    private static IReadOnlySet<string> Lines(ProcessResult result)
        => result.EnsureSuccess().Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
