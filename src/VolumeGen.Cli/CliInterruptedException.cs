namespace VolumeGen.Cli;

/// <summary>A command stopped by Ctrl+C or SIGTERM, with a message saying what it left and what to do; the tool exits 130 or 143.</summary>
internal sealed class CliInterruptedException : System.Exception
{
    public CliInterruptedException(string message)
        : base(message)
    {
    }
}
