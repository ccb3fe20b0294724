using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VolumeGen;

/// <summary>How a declared mount differs from what the running container has.</summary>
public enum MountVerificationProblemKind
{
    /// <summary>The declared path is not a mount point: writes land in the container layer.</summary>
    NotMounted = 1,

    /// <summary>Mounted read-only where writable was declared, or the other way round.</summary>
    ReadOnlyMismatch = 2,

    /// <summary>A named volume was declared, but an anonymous Docker volume (e.g. from the Dockerfile's VOLUME) is mounted.</summary>
    AnonymousInsteadOfNamed = 3,

    /// <summary>A named volume was declared, but another named Docker volume is mounted.</summary>
    WrongVolumeName = 4,
}
