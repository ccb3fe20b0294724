using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>A <c>VOLUME</c> path written by hand in a Dockerfile, with the line it starts on (1-based).</summary>
internal readonly record struct HandWrittenVolume(int Line, string Path);

/// <summary>
/// Finds the <c>VOLUME</c> paths of the final build stage outside VolumeGen's block. Values it cannot know
/// (<c>$VAR</c> references, relative paths before any absolute <c>WORKDIR</c>) are skipped: no guessing.
/// </summary>
internal static class VolumeInstructions
{
    public static IReadOnlyList<HandWrittenVolume> Find(DockerfileText file, RegionLocation region)
    {
        char escape = file.EscapeCharacter;
        var found = new List<HandWrittenVolume>();
        string? workdir = null;
        foreach ((int line, string instruction) in Instructions(file, region, escape))
        {
            string trimmed = instruction.TrimStart();
            int space = IndexOfWhitespace(trimmed);
            string keyword = space < 0 ? trimmed : trimmed.Substring(0, space);
            string arguments = space < 0 ? string.Empty : trimmed.Substring(space).Trim();
            if (keyword.Equals("FROM", StringComparison.OrdinalIgnoreCase))
            {
                found.Clear();
                workdir = null;
            }
            else if (keyword.Equals("WORKDIR", StringComparison.OrdinalIgnoreCase))
            {
                string? value = Unescape(arguments, escape);
                workdir = value is null ? null : ContainerPath.IsAbsolute(value) ? value : workdir is null ? null : ContainerPath.Combine(workdir, value);
            }
            else if (keyword.Equals("VOLUME", StringComparison.OrdinalIgnoreCase))
            {
                foreach (string word in Words(arguments, escape))
                {
                    string? path = Unescape(word, escape);
                    if (path is null || path.Length == 0)
                    {
                        continue;
                    }

                    if (!ContainerPath.IsAbsolute(path))
                    {
                        if (workdir is null)
                        {
                            continue;
                        }

                        path = ContainerPath.Combine(workdir, path);
                    }

                    found.Add(new HandWrittenVolume(line, ContainerPath.Normalize(path)));
                }
            }
        }

        return found;
    }

    /// <summary>Logical instructions (continuations joined, comments dropped) outside the region, with their first line number.</summary>
    private static IEnumerable<(int Line, string Text)> Instructions(DockerfileText file, RegionLocation region, char escape)
    {
        var current = new StringBuilder();
        int firstLine = 0;
        bool continuing = false;
        for (int i = 0; i < file.Lines.Count; i++)
        {
            if (region.State == RegionState.Found && i >= region.BeginLine && i <= region.EndLine)
            {
                continue;
            }

            string text = file.Lines[i].Text;
            string trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            if (!continuing)
            {
                current.Clear();
                firstLine = i + 1;
            }

            string content = text.TrimEnd();
            if (content.Length > 0 && content[content.Length - 1] == escape)
            {
                current.Append(content, 0, content.Length - 1).Append(' ');
                continuing = true;
                continue;
            }

            current.Append(content);
            continuing = false;
            yield return (firstLine, current.ToString());
        }

        if (continuing)
        {
            yield return (firstLine, current.ToString());
        }
    }

    /// <summary>The words of a VOLUME argument list: a JSON array (decoded) or whitespace-separated words (still escaped).</summary>
    private static IEnumerable<string> Words(string arguments, char escape)
    {
        if (arguments.StartsWith("[", StringComparison.Ordinal) && TryParseJsonArray(arguments, out List<string> items))
        {
            return items;
        }

        var words = new List<string>();
        var word = new StringBuilder();
        char quote = '\0';
        for (int i = 0; i < arguments.Length; i++)
        {
            char c = arguments[i];
            if (c == escape && i + 1 < arguments.Length)
            {
                word.Append(c).Append(arguments[++i]);
            }
            else if (quote != '\0')
            {
                word.Append(c);
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                word.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Applies the Dockerfile word processor: drops quotes and escape characters; null when the value holds a variable.</summary>
    private static string? Unescape(string word, char escape)
    {
        var value = new StringBuilder(word.Length);
        char quote = '\0';
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (c == escape && i + 1 < word.Length && quote != '\'')
            {
                value.Append(word[++i]);
            }
            else if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (quote != '\0' && c == quote)
            {
                quote = '\0';
            }
            else if (c == '$' && quote != '\'')
            {
                return null;
            }
            else
            {
                value.Append(c);
            }
        }

        return value.ToString();
    }

    private static bool TryParseJsonArray(string text, out List<string> items)
    {
        items = new List<string>();
        int i = 1;
        SkipSpace(text, ref i);
        if (i < text.Length && text[i] == ']')
        {
            return true;
        }

        while (i < text.Length)
        {
            if (text[i] != '"')
            {
                return false;
            }

            var item = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                    switch (text[i])
                    {
                        case 'n': item.Append('\n'); break;
                        case 't': item.Append('\t'); break;
                        case 'r': item.Append('\r'); break;
                        case 'b': item.Append('\b'); break;
                        case 'f': item.Append('\f'); break;
                        case 'u':
                            if (i + 4 >= text.Length || !int.TryParse(text.Substring(i + 1, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out int code))
                            {
                                return false;
                            }

                            item.Append((char)code);
                            i += 4;
                            break;
                        default: item.Append(text[i]); break;
                    }
                }
                else
                {
                    item.Append(text[i]);
                }

                i++;
            }

            if (i >= text.Length)
            {
                return false;
            }

            i++;
            items.Add(item.ToString());
            SkipSpace(text, ref i);
            if (i < text.Length && text[i] == ',')
            {
                i++;
                SkipSpace(text, ref i);
                continue;
            }

            if (i < text.Length && text[i] == ']')
            {
                i++;
                SkipSpace(text, ref i);
                return i == text.Length;
            }

            return false;
        }

        return false;
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }

    private static int IndexOfWhitespace(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
