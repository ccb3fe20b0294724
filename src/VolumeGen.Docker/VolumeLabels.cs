namespace VolumeGen.Docker;

/// <summary>The labels VolumeGen puts on the named volumes it creates, so they can be found (and told apart) later.</summary>
public static class VolumeLabels
{
    /// <summary><c>dev.volumegen.managed=true</c>: created by VolumeGen.</summary>
    public const string Managed = "dev.volumegen.managed";

    /// <summary><c>dev.volumegen.target</c>: the container path the volume was declared for.</summary>
    public const string Target = "dev.volumegen.target";
}
