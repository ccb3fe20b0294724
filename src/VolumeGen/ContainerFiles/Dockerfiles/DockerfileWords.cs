using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// How the Dockerfile parser splits an instruction's arguments (before any variable is replaced): builder flags,
/// the JSON form, whitespace-separated lists, quote-aware words and <c>name=value</c> pairs.
/// </summary>
internal static class DockerfileWords
{
    /// <summary>The parser's whitespace: space, tab, vertical tab, form feed, carriage return.</summary>
    public static bool IsParserSpace(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r';

    /// <summary>Splits on runs of the parser's whitespace (the builder's <c>[\t\v\f\r ]+</c>); empty text gives no word.</summary>
    public static List<string> SplitOnWhitespace(string text)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsParserSpace(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && !IsParserSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                parts.Add(text.Substring(start, i - start));
            }
        }

        return parts;
    }

    /// <summary>The first whitespace-separated word of <paramref name="text"/> and the rest after the whitespace.</summary>
    public static string SplitFirst(string text, out string rest)
    {
        int end = 0;
        while (end < text.Length && !IsParserSpace(text[end]))
        {
            end++;
        }

        int next = end;
        while (next < text.Length && IsParserSpace(text[next]))
        {
            next++;
        }

        rest = text.Substring(next);
        return text.Substring(0, end);
    }

    /// <summary>
    /// The leading <c>--flag</c> words of <paramref name="arguments"/> and the rest. Quotes and backslashes inside a
    /// flag are processed; a bare <c>--</c> ends the flags.
    /// </summary>
    public static string ExtractFlags(string arguments, List<string> flags)
    {
        int pos = 0;
        while (true)
        {
            while (pos < arguments.Length && char.IsWhiteSpace(arguments[pos]))
            {
                pos++;
            }

            if (pos + 1 >= arguments.Length || arguments[pos] != '-' || arguments[pos + 1] != '-')
            {
                return arguments.Substring(pos);
            }

            var word = new StringBuilder();
            char quote = '\0';
            int i = pos;
            for (; i < arguments.Length; i++)
            {
                char c = arguments[i];
                if (quote == '\0' && char.IsWhiteSpace(c))
                {
                    break;
                }

                if (quote == '\0' && c is '"' or '\'')
                {
                    quote = c;
                    continue;
                }

                if (quote != '\0' && c == quote)
                {
                    quote = '\0';
                    continue;
                }

                if (c == '\\' && i + 1 < arguments.Length)
                {
                    c = arguments[++i];
                }

                word.Append(c);
            }

            if (word.ToString() == "--")
            {
                return arguments.Substring(i).TrimStart();
            }

            flags.Add(word.ToString());
            pos = i;
        }
    }

    /// <summary>
    /// The JSON form: a JSON array of strings. Null when <paramref name="arguments"/> is not a JSON array (the
    /// builder then reads the plain form); <paramref name="notStrings"/> when it is one but holds a non-string.
    /// </summary>
    public static List<string>? TryJsonArray(string arguments, out bool notStrings)
    {
        notStrings = false;
        string trimmed = arguments.TrimStart();
        if (!trimmed.StartsWith("[", StringComparison.Ordinal))
        {
            return null;
        }

        object? parsed;
        try
        {
            parsed = Json.Parse(trimmed);
        }
        catch (FormatException)
        {
            return null;
        }

        if (parsed is not List<object?> items)
        {
            return null;
        }

        var words = new List<string>();
        foreach (object? item in items)
        {
            if (item is not string text)
            {
                notStrings = true;
                return null;
            }

            words.Add(text);
        }

        return words;
    }

    /// <summary>
    /// Words separated by whitespace, where quotes group (and are kept) and the escape character keeps the next
    /// character in the word (both kept); the word processor removes them later.
    /// </summary>
    public static List<string> QuoteAwareWords(string text, char escape)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        bool blankOk = false;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!inWord)
            {
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                inWord = true;
            }

            if (quote == '\0')
            {
                if (char.IsWhiteSpace(c))
                {
                    if (blankOk || word.Length > 0)
                    {
                        words.Add(word.ToString());
                    }

                    word.Clear();
                    blankOk = false;
                    inWord = false;
                    continue;
                }

                if (c is '\'' or '"')
                {
                    quote = c;
                    blankOk = true;
                }

                if (c == escape)
                {
                    if (i + 1 == text.Length)
                    {
                        continue; // an escape character at the very end is dropped
                    }

                    word.Append(c);
                    c = text[++i];
                }

                word.Append(c);
                continue;
            }

            if (c == quote)
            {
                quote = '\0';
            }
            else if (c == escape && quote != '\'')
            {
                if (i + 1 == text.Length)
                {
                    quote = '\0';
                    continue;
                }

                word.Append(c);
                c = text[++i];
            }

            word.Append(c);
        }

        if (inWord && (blankOk || word.Length > 0))
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
