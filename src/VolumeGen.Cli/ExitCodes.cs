namespace VolumeGen.Cli;

/// <summary>The tool's exit codes (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done; verification found nothing wrong.</summary>
    public const int Ok = 0;

    /// <summary>Verification (or validation) found problems; they were printed.</summary>
    public const int Problems = 1;

    /// <summary>Usage or environment error: bad arguments, no such file, no manifest, engine unreachable.</summary>
    public const int UsageOrEnvironment = 2;
}

/// <summary>A usage or environment error with a one-line message; the tool prints it and exits with 2.</summary>
internal sealed class CliException : System.Exception
{
    public CliException(string message)
        : base(message)
    {
    }
}

/// <summary>Problems in what the tool was asked to print or use (an invalid manifest); printed on stderr, exit 1, nothing on stdout.</summary>
internal sealed class CliProblemsException : System.Exception
{
    public CliProblemsException(System.Collections.Generic.IReadOnlyList<string> problems)
        : base(string.Join(System.Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public System.Collections.Generic.IReadOnlyList<string> Problems { get; }
}
