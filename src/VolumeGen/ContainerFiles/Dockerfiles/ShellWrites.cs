using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// The paths a <c>RUN</c> command writes, as far as its text shows: redirection targets (<c>&gt; file</c>), the
/// destination of <c>cp</c>/<c>mv</c>/<c>ln</c>/<c>install</c>/<c>rsync</c>, and the paths of commands that create or
/// change files (<c>mkdir</c>, <c>touch</c>, <c>chown</c>, <c>tar</c>, <c>dotnet publish -o</c>, …). A command it does
/// not know is not guessed at: only its redirections count.
/// </summary>
internal static class ShellWrites
{
    private static readonly HashSet<string> DestinationLast = new(StringComparer.Ordinal) { "cp", "mv", "ln", "install", "rsync" };

    private static readonly HashSet<string> WritesEveryPath = new(StringComparer.Ordinal)
    {
        "mkdir", "touch", "chown", "chmod", "chgrp", "rm", "rmdir", "tee", "truncate", "mkfifo", "tar", "unzip", "git", "wget",
        "curl", "dotnet", "sed", "dd", "npm", "pip", "apt-get", "useradd", "adduser", "setfacl",
    };

    /// <summary>The paths <paramref name="script"/> writes, absolute (relative ones resolved against <paramref name="workingDirectory"/>, when known).</summary>
    public static List<string> Paths(string script, string? workingDirectory)
    {
        var paths = new List<string>();
        foreach (List<string> command in Commands(script))
        {
            var arguments = new List<string>();
            string? name = null;
            for (int i = 0; i < command.Count; i++)
            {
                string word = command[i];
                if (word is ">" or ">>" or "1>" or "1>>" or "2>" or "2>>" or "&>" or ">|")
                {
                    if (i + 1 < command.Count)
                    {
                        Add(paths, command[++i], workingDirectory);
                    }

                    continue;
                }

                int redirect = RedirectionTarget(word);
                if (redirect > 0)
                {
                    Add(paths, word.Substring(redirect), workingDirectory);
                    continue;
                }

                if (name is null)
                {
                    if (word.IndexOf('=') > 0 || word is "sudo" or "env" or "exec" or "command" or "time" or "nohup")
                    {
                        continue; // VAR=value, or a prefix before the command itself
                    }

                    name = word.Substring(word.LastIndexOf('/') + 1);
                    continue;
                }

                arguments.Add(word);
            }

            if (name is null)
            {
                continue;
            }

            if (DestinationLast.Contains(name))
            {
                for (int i = arguments.Count - 1; i >= 0; i--)
                {
                    if (!arguments[i].StartsWith("-", StringComparison.Ordinal))
                    {
                        Add(paths, arguments[i], workingDirectory);
                        break;
                    }
                }
            }
            else if (WritesEveryPath.Contains(name))
            {
                foreach (string argument in arguments)
                {
                    int equals = argument.IndexOf('=');
                    string value = argument.StartsWith("-", StringComparison.Ordinal) || (equals > 0 && name == "dd")
                        ? (equals > 0 ? argument.Substring(equals + 1) : string.Empty)
                        : argument;
                    if (value.Length > 0 && (value[0] == '/' || value[0] == '.' || value.IndexOf('/') > 0 || name is "mkdir" or "touch"))
                    {
                        Add(paths, value, workingDirectory);
                    }
                }
            }
        }

        return paths;
    }

    private static int RedirectionTarget(string word)
    {
        foreach (string prefix in new[] { "&>>", "&>", "2>>", "1>>", ">>", "2>", "1>", ">" })
        {
            if (word.Length > prefix.Length && word.StartsWith(prefix, StringComparison.Ordinal) && word[prefix.Length] != '&')
            {
                return prefix.Length;
            }
        }

        return 0;
    }

    private static void Add(List<string> paths, string word, string? workingDirectory)
    {
        if (word.Length == 0 || word.IndexOf("://", StringComparison.Ordinal) >= 0 || word.IndexOf('$') >= 0 || word.IndexOf('*') >= 0 || word.StartsWith("&", StringComparison.Ordinal) || word == "/dev/null")
        {
            return;
        }

        if (ContainerPath.IsAbsolute(word))
        {
            paths.Add(ContainerPath.Resolve("/", word));
        }
        else if (workingDirectory is not null)
        {
            paths.Add(ContainerPath.Resolve(workingDirectory, word));
        }
    }

    /// <summary>Simple commands: words split on blanks, with quotes removed, and on <c>&amp;&amp; || ; | &amp;</c> and line breaks.</summary>
    private static List<List<string>> Commands(string script)
    {
        var commands = new List<List<string>>();
        var command = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < script.Length; i++)
        {
            char c = script[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
                continue;
            }

            if (c == '\\' && i + 1 < script.Length)
            {
                if (script[i + 1] != '\n')
                {
                    word.Append(script[i + 1]);
                    inWord = true;
                }

                i++;
                continue;
            }

            bool separator = c is ';' or '\n' or '|' or '(' or ')' || (c == '&' && !(word.Length > 0 && word[word.Length - 1] == '>') && !(i + 1 < script.Length && script[i + 1] == '>'));
            if (separator || c is ' ' or '\t' or '\r')
            {
                if (inWord)
                {
                    command.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                if (separator && command.Count > 0)
                {
                    commands.Add(command);
                    command = new List<string>();
                }

                continue;
            }

            word.Append(c);
            inWord = true;
        }

        if (inWord)
        {
            command.Add(word.ToString());
        }

        if (command.Count > 0)
        {
            commands.Add(command);
        }

        return commands;
    }
}
