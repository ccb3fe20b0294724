using System;

namespace VolumeGen.Docker;

/// <summary>A migration, backup or restore refused or failed; the message names the volume, the cause and what to do.</summary>
public sealed class VolumeTransferException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VolumeTransferException(VolumeTransferProblem problem, string? volume, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        Volume = volume;
    }

    /// <summary>What went wrong.</summary>
    public VolumeTransferProblem Problem { get; }

    /// <summary>The volume concerned, when there is one.</summary>
    public string? Volume { get; }
}
