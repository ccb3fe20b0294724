namespace VolumeGen.Cli;

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
