using System;
using System.Collections.Generic;

namespace VolumeGen.Docker;

/// <summary>Options of <see cref="VolumeMigration"/> and <see cref="VolumeBackup"/>.</summary>
public sealed class VolumeTransferOptions
{
    /// <summary>
    /// The image to create the never-started helper container from; it must already be on the engine (nothing is pulled).
    /// Default: the image of a container that uses one of the volumes (the app's own image), else the first of
    /// <see cref="CandidateImages"/> the engine has.
    /// </summary>
    public string? HelperImage { get; set; }

    /// <summary>Images to try when no container uses the volumes, e.g. the Dockerfile's base image (<c>FROM</c>).</summary>
    public IReadOnlyList<string> CandidateImages { get; set; } = Array.Empty<string>();

    /// <summary>Receives progress as data flows; called from the copying task.</summary>
    public IProgress<VolumeTransferProgress>? Progress { get; set; }

    /// <summary>
    /// Receives one line when VolumeGen did something the caller should know of but did not ask for, e.g. that it
    /// removed the helper containers a killed run left behind.
    /// </summary>
    public Action<string>? Notice { get; set; }

    /// <summary>
    /// About how many archive bytes one upload request carries (default 64 MiB): each request must finish within the
    /// Docker client's request timeout (Docker.DotNet's default: 100 s). A single file larger than this is sent alone.
    /// </summary>
    public long UploadSegmentBytes { get; set; } = 64L * 1024 * 1024;
}
