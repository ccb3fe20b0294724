using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VolumeGen;

/// <summary>One declared mount the running container does not have as declared.</summary>
public sealed class MountVerificationProblem
{
    /// <summary>Creates a problem entry.</summary>
    public MountVerificationProblem(Mount declared, MountVerificationProblemKind kind, string runArgument, string message)
    {
        Declared = declared ?? throw new ArgumentNullException(nameof(declared));
        Kind = kind;
        RunArgument = runArgument ?? throw new ArgumentNullException(nameof(runArgument));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The declared mount.</summary>
    public Mount Declared { get; }

    /// <summary>What is wrong.</summary>
    public MountVerificationProblemKind Kind { get; }

    /// <summary>The <c>docker run</c> argument that creates the declared mount (shell-quoted, POSIX).</summary>
    public string RunArgument { get; }

    /// <summary>One sentence naming the path, the consequence and the missing argument.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
