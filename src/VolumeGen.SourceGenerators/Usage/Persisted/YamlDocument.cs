using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The block-style YAML subset compose files use: mappings, sequences, plain and quoted scalars, flow sequences
/// of scalars, comments; block scalars and anchors are skipped. Values are <see cref="Dictionary{TKey,TValue}"/>
/// (string keys), <see cref="List{T}"/> and strings. Never throws: broken lines are skipped.
/// </summary>
internal static class YamlDocument
{
    private const int MaxDepth = 32;

    /// <summary>Parses <paramref name="text"/>; null when nothing is readable.</summary>
    public static object? Parse(string text)
    {
        var lines = new List<Line>();
        foreach (string raw in text.Split('\n'))
        {
            string line = StripComment(raw.TrimEnd('\r'));
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("---", StringComparison.Ordinal) || line.StartsWith("...", StringComparison.Ordinal))
            {
                continue;
            }

            int indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }

            lines.Add(new Line(indent, line.Substring(indent).TrimEnd()));
        }

        if (lines.Count == 0)
        {
            return null;
        }

        int index = 0;
        return ParseBlock(lines, ref index, lines[0].Indent, 0);
    }

    private static object? ParseBlock(List<Line> lines, ref int index, int indent, int depth)
    {
        if (depth > MaxDepth)
        {
            SkipDeeper(lines, ref index, indent - 1);
            return null;
        }

        return IsSequenceItem(lines[index].Content)
            ? ParseSequence(lines, ref index, indent, depth)
            : ParseMapping(lines, ref index, indent, depth);
    }

    private static List<object?> ParseSequence(List<Line> lines, ref int index, int indent, int depth)
    {
        var items = new List<object?>();
        while (index < lines.Count)
        {
            Line line = lines[index];
            if (line.Indent < indent)
            {
                break;
            }

            if (line.Indent > indent || !IsSequenceItem(line.Content))
            {
                if (line.Indent == indent)
                {
                    break;
                }

                index++;
                continue;
            }

            string item = line.Content.Substring(1).TrimStart();
            if (item.Length == 0)
            {
                index++;
                items.Add(index < lines.Count && lines[index].Indent > indent ? ParseBlock(lines, ref index, lines[index].Indent, depth + 1) : null);
                continue;
            }

            if (FindMappingColon(item) >= 0 && !item.StartsWith("[", StringComparison.Ordinal) && !item.StartsWith("{", StringComparison.Ordinal))
            {
                // "- key: value" opens a mapping whose keys line up with "key".
                int itemIndent = line.Indent + (line.Content.Length - item.Length);
                lines[index] = new Line(itemIndent, item);
                items.Add(ParseMapping(lines, ref index, itemIndent, depth + 1));
                continue;
            }

            items.Add(ParseInline(item));
            index++;
        }

        return items;
    }

    private static Dictionary<string, object?> ParseMapping(List<Line> lines, ref int index, int indent, int depth)
    {
        var mapping = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (index < lines.Count)
        {
            Line line = lines[index];
            if (line.Indent < indent || (line.Indent == indent && IsSequenceItem(line.Content)))
            {
                break;
            }

            int colon = line.Indent == indent ? FindMappingColon(line.Content) : -1;
            if (colon < 0)
            {
                index++;
                continue;
            }

            string key = Unquote(line.Content.Substring(0, colon).Trim());
            string value = line.Content.Substring(colon + 1).Trim();
            index++;
            if (value.Length == 0)
            {
                if (index < lines.Count && (lines[index].Indent > indent || (lines[index].Indent == indent && IsSequenceItem(lines[index].Content))))
                {
                    mapping[key] = ParseBlock(lines, ref index, lines[index].Indent, depth + 1);
                }
                else
                {
                    mapping[key] = null;
                }
            }
            else if (value[0] is '|' or '>')
            {
                SkipDeeper(lines, ref index, indent);
                mapping[key] = null;
            }
            else
            {
                mapping[key] = ParseInline(value);
            }
        }

        return mapping;
    }

    private static void SkipDeeper(List<Line> lines, ref int index, int indent)
    {
        while (index < lines.Count && lines[index].Indent > indent)
        {
            index++;
        }
    }

    private static object? ParseInline(string value)
    {
        if (value.StartsWith("&", StringComparison.Ordinal) || value.StartsWith("!", StringComparison.Ordinal))
        {
            int space = value.IndexOf(' ');
            value = space < 0 ? string.Empty : value.Substring(space + 1).Trim();
        }

        if (value.StartsWith("*", StringComparison.Ordinal))
        {
            return null;
        }

        if (value.StartsWith("[", StringComparison.Ordinal) && value.EndsWith("]", StringComparison.Ordinal))
        {
            var items = new List<object?>();
            foreach (string part in value.Substring(1, value.Length - 2).Split(','))
            {
                string trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    items.Add(Unquote(trimmed));
                }
            }

            return items;
        }

        return Unquote(value);
    }

    private static bool IsSequenceItem(string content) => content == "-" || content.StartsWith("- ", StringComparison.Ordinal);

    /// <summary>The index of the ':' that ends a key (followed by a space or the end), outside quotes; -1 if none.</summary>
    private static int FindMappingColon(string content)
    {
        char quote = '\0';
        for (int i = 0; i < content.Length; i++)
        {
            char c = content[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if ((c is '"' or '\'') && i == 0)
            {
                quote = c;
            }
            else if (c == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static string StripComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] is ' ' or '\t'))
            {
                return line.Substring(0, i);
            }
        }

        return line;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"')
        {
            var text = new StringBuilder();
            for (int i = 1; i < value.Length - 1; i++)
            {
                if (value[i] == '\\' && i + 1 < value.Length - 1)
                {
                    i++;
                }

                text.Append(value[i]);
            }

            return text.ToString();
        }

        if (value.Length >= 2 && value[0] == '\'' && value[value.Length - 1] == '\'')
        {
            return value.Substring(1, value.Length - 2).Replace("''", "'");
        }

        return value;
    }

    private readonly struct Line
    {
        public Line(int indent, string content)
        {
            Indent = indent;
            Content = content;
        }

        public int Indent { get; }

        public string Content { get; }
    }
}
