namespace VolumeGen.ContainerFiles;

/// <summary>What the Dockerfile tells about a variable at one instruction.</summary>
internal enum DockerfileVariableState
{
    /// <summary>Set, to a known value.</summary>
    Set,

    /// <summary>Certainly not set: the builder substitutes an empty string.</summary>
    Unset,

    /// <summary>May be set by the base image or a build argument.</summary>
    Unknown,
}
