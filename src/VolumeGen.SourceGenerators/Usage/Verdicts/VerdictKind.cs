using System;
using VolumeGen.SourceGenerators.Usage.Persisted;

namespace VolumeGen.SourceGenerators.Usage.Verdicts;

/// <summary>What happens to data written at a container path.</summary>
internal enum VerdictKind
{
    /// <summary>Persisted, ephemeral by intent, or harmless: nothing to report.</summary>
    Fine = 0,

    /// <summary>In the writable layer: lost with the container (VG2001).</summary>
    OutsidePersistedPath = 1,

    /// <summary>In an anonymous volume (VG2002).</summary>
    AnonymousVolume = 2,

    /// <summary>In a read-only mount: the write fails (VG2003).</summary>
    ReadOnlyMount = 3,

    /// <summary>In tmpfs (VG2004).</summary>
    Tmpfs = 4,
}
