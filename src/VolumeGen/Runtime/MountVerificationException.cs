using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VolumeGen;

/// <summary>Thrown by strict start-up verification; the message names every missing path and its <c>docker run</c> argument.</summary>
public sealed class MountVerificationException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="verification"/>.</summary>
    public MountVerificationException(MountVerification verification)
        : base(BuildMessage(verification ?? throw new ArgumentNullException(nameof(verification))))
    {
        Verification = verification;
    }

    /// <summary>The failed verification.</summary>
    public MountVerification Verification { get; }

    private static string BuildMessage(MountVerification verification)
        => "VolumeGen: the container does not have its declared mounts (set "
            + MountVerifier.StrictVariable + "=0 or pass strict: false to only log this):" + Environment.NewLine
            + string.Join(Environment.NewLine, verification.Problems.Select(static p => "  " + p.Message));
}
