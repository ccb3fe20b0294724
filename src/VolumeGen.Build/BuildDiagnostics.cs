using System.Collections.Generic;
using System.Linq;

namespace VolumeGen.Build;

/// <summary>
/// The build task's diagnostic IDs (VG3xxx, and the Dockerfile lint's VG4xxx). They are MSBuild warnings and errors, not analyzer diagnostics,
/// so they have no AnalyzerReleases entry; each has a page at docs/rules/&lt;ID&gt;.md and a help link to it.
/// </summary>
public static class BuildDiagnostics
{
    /// <summary>The Dockerfile has no VolumeGen block (warning).</summary>
    public const string MissingMarkers = "VG3001";

    /// <summary>A hand-written VOLUME that C# does not declare (warning).</summary>
    public const string UndeclaredVolume = "VG3002";

    /// <summary>An output file could not be written (error).</summary>
    public const string CannotWrite = "VG3003";

    /// <summary>The manifest in the built assembly cannot be read (error).</summary>
    public const string UnreadableManifest = "VG3004";

    /// <summary>The VolumeGen markers are unbalanced or repeated (error).</summary>
    public const string MalformedMarkers = "VG3005";

    /// <summary>The Dockerfile named by VolumeGenDockerfile does not exist (warning).</summary>
    public const string DockerfileNotFound = "VG3006";

    /// <summary>A VolumeGen MSBuild property has an invalid value (error).</summary>
    public const string InvalidSetting = "VG3007";

    /// <summary>An output property names an existing file VolumeGen did not write (error; the file is untouched).</summary>
    public const string NotVolumeGenFile = "VG3008";

    /// <summary>The Dockerfile's VolumeGen block belongs to another project (error; the file is untouched).</summary>
    public const string BlockOfAnotherProject = "VG3009";

    /// <summary>A container or configuration file was left out of the analyzers' AdditionalFiles: not a regular file, not text (message).</summary>
    public const string FileLeftOut = "VG3020";

    /// <summary>The search for container files below the repository root stopped at its bound (message).</summary>
    public const string SearchBounded = "VG3021";

    /// <summary>The image runs as a non-root user and the Dockerfile block cannot give it the volume folders as asked (warning).</summary>
    public const string VolumeFoldersNotOwned = "VG3030";

    /// <summary>The Kubernetes patch has no fsGroup: the image's non-root user has no numeric id VolumeGen can tell (warning).</summary>
    public const string FsGroupUnknown = "VG3031";

    /// <summary>An image published with the SDK (<c>-t:PublishContainer</c>) could not get the declared volumes and folders (error).</summary>
    public const string SdkImageNotCompleted = "VG3032";

    /// <summary>An image pushed to a registry by SDK publishing lacks the declared volumes; VolumeGen cannot change it (warning).</summary>
    public const string PushedImageNotCompleted = "VG3033";

    /// <summary>A locked named volume got a new name at the same path: the data stays in the old volume (warning; error in locked mode).</summary>
    public const string VolumeRenamed = "VG3040";

    /// <summary>A locked named volume is no longer declared (warning; error in locked mode).</summary>
    public const string VolumeRemoved = "VG3041";

    /// <summary>A locked named volume's path is now an anonymous volume, tmpfs or bind mount (warning; error in locked mode).</summary>
    public const string VolumeKindChanged = "VG3042";

    /// <summary>A locked named volume is mounted at another path (warning; error in locked mode).</summary>
    public const string VolumeMoved = "VG3043";

    /// <summary>Locked mode: the storage lock is missing or out of date (error).</summary>
    public const string LockOutOfDate = "VG3044";

    /// <summary>The storage lock file cannot be used: unreadable, damaged, newer, or not VolumeGen's (error; the file is untouched).</summary>
    public const string UnusableLock = "VG3045";

    /// <summary>The Dockerfile VOLUME lint's IDs (VG4001–VG4007, warnings), defined by <see cref="ContainerFiles.DockerfileLint"/>.</summary>
    public static IReadOnlyList<string> DockerfileLint => ContainerFiles.DockerfileLint.All;

    /// <summary>Every ID above, and the Dockerfile lint's.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        MissingMarkers, UndeclaredVolume, CannotWrite, UnreadableManifest, MalformedMarkers, DockerfileNotFound, InvalidSetting,
        NotVolumeGenFile, BlockOfAnotherProject, FileLeftOut, SearchBounded, VolumeFoldersNotOwned, FsGroupUnknown, SdkImageNotCompleted, PushedImageNotCompleted,
        VolumeRenamed, VolumeRemoved, VolumeKindChanged, VolumeMoved, LockOutOfDate, UnusableLock,
    }.Concat(ContainerFiles.DockerfileLint.All).ToArray();

    /// <summary>Where the rule pages live (<see cref="RuleHelpLinks.Base"/>, the same base the analyzers' help links use).</summary>
    public const string HelpLinkBase = RuleHelpLinks.Base;

    /// <summary>The help link of <paramref name="id"/>.</summary>
    public static string GetHelpUri(string id) => RuleHelpLinks.For(id);
}
