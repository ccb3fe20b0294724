namespace VolumeGen.Cli;

/// <summary>A usage or environment error with a one-line message; the tool prints it and exits with 2.</summary>
internal sealed class CliException : System.Exception
{
    public CliException(string message)
        : base(message)
    {
    }
}
