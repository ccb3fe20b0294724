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
