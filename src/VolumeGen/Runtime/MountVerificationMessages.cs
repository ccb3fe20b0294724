namespace VolumeGen;

/// <summary>
/// The words of a mount check that finds the wrong volume, shared by the in-container <see cref="MountVerifier"/>
/// and VolumeGen.Docker's check of a running container, so both say it the same way.
/// </summary>
public static class MountVerificationMessages
{
    /// <summary>A declared named volume found as an anonymous volume.</summary>
    public static string AnonymousInsteadOfNamed(Mount mount, string runArgument)
        => $"{mount.Target} is an anonymous volume, not the named volume '{mount.Source}': its data is lost with --rm or 'docker rm -v' and the next container starts empty; start the container with {runArgument}.";

    /// <summary>A declared named volume found as another named volume.</summary>
    public static string WrongVolumeName(Mount mount, string actualName, string runArgument)
        => $"{mount.Target} is the volume '{actualName}', not the declared '{mount.Source}'; start the container with {runArgument}.";
}
