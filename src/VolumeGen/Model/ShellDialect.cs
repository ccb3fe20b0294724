namespace VolumeGen;

/// <summary>The shell a formatted command line is meant for.</summary>
public enum ShellDialect
{
    /// <summary>POSIX <c>sh</c>, <c>bash</c>, <c>zsh</c>: single quotes.</summary>
    Posix = 0,

    /// <summary>PowerShell: single quotes, with <c>'</c> doubled.</summary>
    PowerShell = 1,
}
