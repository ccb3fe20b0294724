using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace VolumeGen.Tests;

public class ShellQuotingTests
{
    public static IEnumerable<object[]> Shells()
    {
        foreach (string shell in new[] { "/bin/sh", "/bin/bash", "/bin/dash" })
        {
            yield return new object[] { shell };
        }
    }

    /// <summary>Runs <paramref name="line"/> as the arguments of printf in a real shell; each argument comes back NUL-terminated.</summary>
    private static string[] RunThroughShell(string shell, string line)
    {
        Skip.IfNot(File.Exists(shell), $"{shell} is not installed on this machine.");
        var start = new ProcessStartInfo(shell)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf '%s\\0' " + line);
        start.Environment["LC_ALL"] = "C.UTF-8";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{shell} failed ({process.ExitCode}): {error.Result}");
        Assert.EndsWith("\0", output, StringComparison.Ordinal);
        return output.Substring(0, output.Length - 1).Split('\0');
    }

    public static IEnumerable<object[]> ShellAndPath()
        => from shell in Shells() from path in HostileValues.Paths select new object[] { shell[0], path };

    [SkippableTheory]
    [MemberData(nameof(ShellAndPath))]
    public void Posix_line_gives_back_the_run_arguments_exactly(string shell, string path)
    {
        MountSet set = HostileValues.AllKinds(path);
        foreach (MountStyle style in new[] { MountStyle.Mount, MountStyle.Volume })
        {
            string[] arguments = set.ToRunArguments(style, bindRoot: "/srv/it's here");
            string line = set.ToCommandLine(ShellDialect.Posix, style, bindRoot: "/srv/it's here");

            Assert.Equal(arguments, RunThroughShell(shell, line));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Shells))]
    public void Posix_join_of_raw_hostile_strings_round_trips(string shell)
    {
        string[] arguments = HostileValues.Paths.Concat(new[] { "", " ", "'", "\"", "\\", "--mount", "a=b", "-", "!", "$", "*" }).ToArray();
        Assert.Equal(arguments, RunThroughShell(shell, ShellQuoting.Join(arguments)));
    }

    [Theory]
    [InlineData("--mount")]
    [InlineData("/app/data")]
    [InlineData("type=volume,source=profiles,target=/app/data")]
    [InlineData("profiles:/app/data:ro")]
    public void Plain_words_stay_bare_for_posix(string word) => Assert.Equal(word, ShellQuoting.Quote(word));

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("~")]
    [InlineData("#x")]
    [InlineData("a*")]
    [InlineData("a\tb")]
    public void Anything_else_is_quoted_for_posix(string word) => Assert.StartsWith("'", ShellQuoting.Quote(word), StringComparison.Ordinal);

    // PowerShell is not installed here, so its rules are checked as the language defines them: a verbatim
    // (single-quoted) string ends at a single quote (' ‘ ’ ‚ ‛) unless that quote is doubled, and nothing
    // else inside it is special; a bare word must hold no PowerShell metacharacter.
    private static readonly char[] PowerShellQuotes = { '\'', '\u2018', '\u2019', '\u201A', '\u201B' };

    private static string[] DecodePowerShell(string line)
    {
        var arguments = new List<string>();
        int i = 0;
        while (i < line.Length)
        {
            if (PowerShellQuotes.Contains(line[i]))
            {
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    Assert.True(i < line.Length, "unterminated PowerShell string in: " + line);
                    char c = line[i];
                    if (PowerShellQuotes.Contains(c))
                    {
                        if (i + 1 < line.Length && line[i + 1] == c)
                        {
                            value.Append(c);
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(c);
                    i++;
                }

                arguments.Add(value.ToString());
            }
            else
            {
                int end = line.IndexOf(' ', i);
                string word = end < 0 ? line.Substring(i) : line.Substring(i, end - i);
                Assert.Matches("^[A-Za-z0-9_./=:+-]+$", word);
                Assert.False(word.StartsWith("-", StringComparison.Ordinal) && !System.Text.RegularExpressions.Regex.IsMatch(word, "^[A-Za-z0-9-]+$"), "a bare dash word PowerShell may split: " + word);
                arguments.Add(word);
                i += word.Length;
            }

            if (i < line.Length)
            {
                Assert.Equal(' ', line[i]);
                i++;
                Assert.True(i < line.Length, "trailing space");
            }
        }

        return arguments.ToArray();
    }

    [Theory]
    [MemberData(nameof(HostileValues.PathData), MemberType = typeof(HostileValues))]
    public void PowerShell_line_decodes_to_the_run_arguments(string path)
    {
        MountSet set = HostileValues.AllKinds(path);
        foreach (MountStyle style in new[] { MountStyle.Mount, MountStyle.Volume })
        {
            string[] arguments = set.ToRunArguments(style, bindRoot: "C:\\src\\it's");
            Assert.Equal(arguments, DecodePowerShell(set.ToCommandLine(ShellDialect.PowerShell, style, bindRoot: "C:\\src\\it's")));
        }
    }

    [Theory]
    [InlineData("type=volume,source=profiles,target=/app/data", "'type=volume,source=profiles,target=/app/data'")]
    [InlineData("@args", "'@args'")]
    [InlineData("--%", "'--%'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("it\u2019s", "'it\u2019\u2019s'")]
    [InlineData("$env:HOME `n", "'$env:HOME `n'")]
    [InlineData("", "''")]
    [InlineData("--mount", "--mount")]
    [InlineData("-v", "-v")]
    [InlineData("-Dx.y=1", "'-Dx.y=1'")]
    [InlineData("-a:b", "'-a:b'")]
    [InlineData("/app/data", "/app/data")]
    public void PowerShell_quoting_rules(string argument, string expected)
        => Assert.Equal(expected, ShellQuoting.Quote(argument, ShellDialect.PowerShell));

    [Fact]
    public void Join_refuses_null() => Assert.Throws<ArgumentNullException>(() => ShellQuoting.Join(null!));
}
