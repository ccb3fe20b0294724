using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen;

/// <summary>
/// Quotes arguments so a shell passes them to the program unchanged, whatever they hold (spaces, quotes,
/// <c>$</c>, backticks, <c>;</c>, <c>|</c>, <c>&amp;</c>, newlines, non-ASCII).
/// </summary>
public static class ShellQuoting
{
    /// <summary>Quotes each argument for <paramref name="shell"/> and joins them with spaces.</summary>
    public static string Join(IEnumerable<string> arguments, ShellDialect shell = ShellDialect.Posix)
    {
        if (arguments is null)
        {
            throw new ArgumentNullException(nameof(arguments));
        }

        var line = new StringBuilder();
        foreach (string argument in arguments)
        {
            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(Quote(argument, shell));
        }

        return line.ToString();
    }

    /// <summary>Quotes one argument for <paramref name="shell"/>; plain words (<c>--mount</c>, <c>/app/data</c>) stay bare.</summary>
    public static string Quote(string argument, ShellDialect shell = ShellDialect.Posix)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(nameof(argument));
        }

        if (argument.Length > 0 && IsPlain(argument, shell))
        {
            return argument;
        }

        return shell == ShellDialect.PowerShell ? QuotePowerShell(argument) : QuotePosix(argument);
    }

    // Inside POSIX single quotes nothing is special; a quote closes, is escaped, and reopens: ' -> '\''.
    private static string QuotePosix(string argument) => "'" + argument.Replace("'", "'\\''") + "'";

    // PowerShell single-quoted strings double their quote; it also treats the typographic single quotes as quotes.
    private static string QuotePowerShell(string argument)
    {
        var quoted = new StringBuilder(argument.Length + 2).Append('\'');
        foreach (char c in argument)
        {
            quoted.Append(c);
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('\'').ToString();
    }

    // PowerShell reads a bare ',' as its array operator (a,b becomes two arguments), a leading '@' as splatting
    // and '--%' as stop-parsing, so those characters are only plain for POSIX shells.
    private static bool IsPlain(string argument, ShellDialect shell)
    {
        // PowerShell may split a bare native argument like -Dx.y or -a:b at the '.' or ':'; quote such words.
        bool powerShellDashWord = shell == ShellDialect.PowerShell && argument[0] == '-';
        foreach (char c in argument)
        {
            bool plain = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                or '-' or '_' or '.' or '/' or '=' or ':' or '+'
                || (shell == ShellDialect.Posix && c is ',' or '@' or '%');
            if (powerShellDashWord && c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }

            if (!plain)
            {
                return false;
            }
        }

        return true;
    }
}
