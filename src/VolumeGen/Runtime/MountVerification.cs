using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VolumeGen;

/// <summary>The outcome of <see cref="MountVerifier.Verify(MountSet)"/>.</summary>
public sealed class MountVerification
{
    private MountVerification(bool isChecked, string? skipReason, IReadOnlyList<MountVerificationProblem> problems)
    {
        IsChecked = isChecked;
        SkipReason = skipReason;
        Problems = problems;
    }

    /// <summary>False when the mount table could not be read (not Linux) or the process is not in a container.</summary>
    public bool IsChecked { get; }

    /// <summary>Why nothing was checked; null when <see cref="IsChecked"/>.</summary>
    public string? SkipReason { get; }

    /// <summary>The declared mounts that are missing or differ, in declaration order.</summary>
    public IReadOnlyList<MountVerificationProblem> Problems { get; }

    /// <summary>True when nothing is wrong (including when nothing could be checked).</summary>
    public bool IsOk => Problems.Count == 0;

    internal static MountVerification Checked(IReadOnlyList<MountVerificationProblem> problems) => new(true, null, problems);

    internal static MountVerification Skipped(string reason) => new(false, reason, Array.Empty<MountVerificationProblem>());
}
