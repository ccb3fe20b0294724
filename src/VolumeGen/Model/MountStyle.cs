namespace VolumeGen;

/// <summary>Which <c>docker run</c> flag carries the mounts.</summary>
public enum MountStyle
{
    /// <summary><c>--mount type=…,source=…,target=…</c>: explicit, fails on a missing bind source. The default.</summary>
    Mount = 0,

    /// <summary><c>-v source:target:options</c> (<c>--volume</c>): needed for SELinux labels; cannot express a <c>:</c> in a path.</summary>
    Volume = 1,
}
