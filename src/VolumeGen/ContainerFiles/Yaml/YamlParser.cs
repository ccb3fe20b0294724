using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// The parser behind <see cref="YamlReader"/>: block structure by indentation, line by line; flow collections and
/// quoted scalars by a cursor that may cross lines. A sequence item's content is re-read as a line of its own that
/// starts at the item's column, so <c>- key: value</c> opens a mapping aligned with <c>key</c>.
/// </summary>
internal sealed class YamlParser
{
    private const int MaxDepth = 64;

    private readonly List<YamlLine> _lines = new();
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly int _end;
    private int _index;
    private int _depth;

    public YamlParser(string text)
    {
        int number = 0;
        int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (start <= text.Length)
        {
            int newline = text.IndexOf('\n', start);
            string raw = newline < 0 ? text.Substring(start) : text.Substring(start, newline - start);
            if (raw.Length > 0 && raw[raw.Length - 1] == '\r')
            {
                raw = raw.Substring(0, raw.Length - 1);
            }

            _lines.Add(YamlLine.Create(++number, raw));
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        // The first document: directives and a leading '---' are skipped; the next '---' or '...' ends it.
        bool started = false;
        _end = _lines.Count;
        for (int i = 0; i < _lines.Count; i++)
        {
            string raw = _lines[i].Raw;
            if (IsMarker(raw, "---"))
            {
                if (started)
                {
                    _end = i;
                    break;
                }

                started = true;
                string rest = raw.Substring(3).TrimStart();
                if (rest.Length == 0 || rest[0] == '#')
                {
                    _index = i + 1;
                }
                else
                {
                    // "--- value": the document's content starts on the marker line.
                    _lines[i] = _lines[i].StartingAt(raw.Length - rest.Length);
                    _index = i;
                }

                continue;
            }

            if (IsMarker(raw, "..."))
            {
                _end = i;
                break;
            }

            if (!started && raw.StartsWith("%", StringComparison.Ordinal))
            {
                _index = i + 1;
                continue;
            }

            if (!_lines[i].IsBlankOrComment)
            {
                started = true;
            }
        }
    }

    public YamlNode? ParseDocument()
    {
        SkipBlankAndComments();
        return _index < _end ? ParseBlockNode(-1) : null;
    }

    private YamlNode? ParseBlockNode(int parentIndent)
    {
        if (++_depth > MaxDepth)
        {
            SkipDeeperThan(parentIndent);
            _depth--;
            return null;
        }

        try
        {
            SkipBlankAndComments();
            if (_index >= _end || _lines[_index].Start <= parentIndent)
            {
                return null;
            }

            YamlLine line = _lines[_index];
            int pos = line.Start;
            ReadProperties(line.Raw, ref pos, out string? anchor, out string? tag);
            if (pos != line.Start)
            {
                int after = SkipWhite(line.Raw, pos);
                if (after >= line.Raw.Length || line.Raw[after] == '#')
                {
                    // "&anchor" alone on its line: the node follows, indented.
                    _index++;
                    SkipBlankAndComments();
                    YamlNode node = (_index < _end && _lines[_index].Start > parentIndent ? ParseBlockNode(parentIndent) : null)
                        ?? new YamlScalar(string.Empty, YamlScalarStyle.Plain, line.Number, tag);
                    return Register(anchor, node);
                }

                if (FindMappingColon(line.Raw.Substring(after)) < 0)
                {
                    return Register(anchor, ParseInline(after, parentIndent, tag));
                }
            }

            string content = line.Content;
            if (IsSequenceItem(content))
            {
                return ParseSequence(line.Start);
            }

            if (FindMappingColon(content) >= 0)
            {
                return ParseMapping(line.Start);
            }

            return ParseInline(line.Start, parentIndent, null);
        }
        finally
        {
            _depth--;
        }
    }

    private YamlSequence ParseSequence(int indent)
    {
        var items = new List<YamlNode>();
        int firstLine = _lines[_index].Number;
        while (true)
        {
            SkipBlankAndComments();
            if (_index >= _end)
            {
                break;
            }

            YamlLine line = _lines[_index];
            if (line.Start != indent || !IsSequenceItem(line.Content))
            {
                if (line.Start > indent)
                {
                    _index++; // a stray deeper line: skip it
                    continue;
                }

                break;
            }

            int column = SkipWhite(line.Raw, line.Start + 1);
            if (column >= line.Raw.Length || line.Raw[column] == '#')
            {
                _index++;
                SkipBlankAndComments();
                YamlNode? nested = _index < _end && _lines[_index].Start > indent ? ParseBlockNode(indent) : null;
                items.Add(nested ?? new YamlScalar(string.Empty, YamlScalarStyle.Plain, line.Number));
                continue;
            }

            _lines[_index] = line.StartingAt(column);
            items.Add(ParseBlockNode(indent) ?? new YamlScalar(string.Empty, YamlScalarStyle.Plain, line.Number));
        }

        return new YamlSequence(items, firstLine);
    }

    private YamlMapping ParseMapping(int indent)
    {
        var entries = new List<KeyValuePair<string, YamlNode>>();
        var merges = new List<YamlNode>();
        int firstLine = _lines[_index].Number;
        while (true)
        {
            SkipBlankAndComments();
            if (_index >= _end)
            {
                break;
            }

            YamlLine line = _lines[_index];
            if (line.Start < indent)
            {
                break;
            }

            if (line.Start > indent)
            {
                _index++; // a stray deeper line: skip it
                continue;
            }

            string content = line.Content;
            int colon = IsSequenceItem(content) ? -1 : FindMappingColon(content);
            if (colon < 0)
            {
                if (IsSequenceItem(content))
                {
                    break;
                }

                _index++; // not a key: skip the line
                continue;
            }

            string? key = ReadKey(content.Substring(0, colon), out bool plainKey);
            YamlNode value = ParseValue(line.Start + colon + 1, indent, line.Number);
            if (key is null)
            {
                continue;
            }

            if (plainKey && key == "<<")
            {
                merges.Add(value);
            }
            else
            {
                Put(entries, key, value);
            }
        }

        ApplyMerges(entries, merges);
        return new YamlMapping(entries, firstLine);
    }

    /// <summary>The value after a mapping key's ':' (at <paramref name="column"/> of the current line).</summary>
    private YamlNode ParseValue(int column, int indent, int keyLine)
    {
        YamlLine line = _lines[_index];
        int pos = SkipWhite(line.Raw, column);
        ReadProperties(line.Raw, ref pos, out string? anchor, out string? tag);
        pos = SkipWhite(line.Raw, pos);
        if (pos < line.Raw.Length && line.Raw[pos] != '#')
        {
            return Register(anchor, ParseInline(pos, indent, tag));
        }

        _index++;
        SkipBlankAndComments();
        YamlNode? nested = null;
        if (_index < _end)
        {
            YamlLine next = _lines[_index];
            if (next.Start > indent)
            {
                nested = ParseBlockNode(indent);
            }
            else if (next.Start == indent && IsSequenceItem(next.Content))
            {
                // A mapping's value may be a sequence at the key's own indentation.
                nested = ParseSequence(indent);
            }
        }

        return Register(anchor, nested ?? new YamlScalar(string.Empty, YamlScalarStyle.Plain, keyLine, tag));
    }

    /// <summary>A value that starts at <paramref name="pos"/> of the current line; consumes its lines.</summary>
    private YamlNode ParseInline(int pos, int parentIndent, string? tag)
    {
        YamlLine line = _lines[_index];
        char c = line.Raw[pos];
        switch (c)
        {
            case '*':
            {
                _index++;
                return Alias(ReadToken(line.Raw, pos + 1), line.Number);
            }

            case '[':
            case '{':
            {
                var cursor = new Cursor(_index, pos);
                YamlNode node = ParseFlowNode(ref cursor, 0) ?? new YamlScalar(string.Empty, YamlScalarStyle.Plain, line.Number, tag);
                _index = Math.Min(cursor.Line + 1, _end);
                return node;
            }

            case '"':
            case '\'':
            {
                var cursor = new Cursor(_index, pos);
                string? text = ReadQuoted(ref cursor);
                _index = Math.Min(cursor.Line + 1, _end);
                return new YamlScalar(text ?? string.Empty, c == '"' ? YamlScalarStyle.DoubleQuoted : YamlScalarStyle.SingleQuoted, line.Number, tag);
            }

            case '|':
            case '>':
                return ReadBlockScalar(pos, parentIndent, tag);

            default:
                return ReadPlain(pos, parentIndent, tag);
        }
    }

    private YamlScalar ReadPlain(int pos, int parentIndent, string? tag)
    {
        YamlLine line = _lines[_index];
        var text = new StringBuilder(StripComment(line.Raw.Substring(pos)).Trim());
        int last = _index;
        int blank = 0;
        for (int i = _index + 1; i < _end; i++)
        {
            YamlLine next = _lines[i];
            if (next.IsBlank)
            {
                blank++;
                continue;
            }

            if (next.Start <= parentIndent || next.Content[0] == '#')
            {
                break;
            }

            text.Append(blank == 0 ? " " : new string('\n', blank)).Append(StripComment(next.Content).Trim());
            blank = 0;
            last = i;
        }

        _index = last + 1;
        return new YamlScalar(text.ToString(), YamlScalarStyle.Plain, line.Number, tag);
    }

    private YamlScalar ReadBlockScalar(int pos, int parentIndent, string? tag)
    {
        YamlLine header = _lines[_index];
        bool folded = header.Raw[pos] == '>';
        char chomp = ' ';
        int explicitIndent = -1;
        for (int i = pos + 1; i < header.Raw.Length && i <= pos + 2; i++)
        {
            char c = header.Raw[i];
            if (c is '+' or '-')
            {
                chomp = c;
            }
            else if (c is >= '1' and <= '9')
            {
                explicitIndent = Math.Max(parentIndent, 0) + (c - '0');
            }
        }

        _index++;
        int contentIndent = explicitIndent;
        var lines = new List<string>();
        while (_index < _end)
        {
            YamlLine line = _lines[_index];
            if (line.IsBlank)
            {
                lines.Add(line.Raw.Length > Math.Max(contentIndent, 0) && contentIndent >= 0 ? line.Raw.Substring(contentIndent) : string.Empty);
                _index++;
                continue;
            }

            if (contentIndent < 0)
            {
                if (line.Start <= parentIndent)
                {
                    break;
                }

                contentIndent = line.Start;
            }

            if (line.Start < contentIndent)
            {
                break;
            }

            lines.Add(line.Raw.Substring(contentIndent));
            _index++;
        }

        int trailing = 0;
        while (lines.Count > 0 && lines[lines.Count - 1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
            trailing++;
        }

        var text = new StringBuilder();
        if (folded)
        {
            Fold(lines, text);
        }
        else
        {
            text.Append(string.Join("\n", lines));
        }

        if (chomp != '-' && lines.Count > 0)
        {
            text.Append('\n');
        }

        if (chomp == '+')
        {
            text.Append('\n', trailing);
        }

        return new YamlScalar(text.ToString(), folded ? YamlScalarStyle.Folded : YamlScalarStyle.Literal, header.Number, tag);
    }

    private static void Fold(List<string> lines, StringBuilder text)
    {
        bool first = true;
        bool previousMoreIndented = false;
        int blank = 0;
        foreach (string line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            bool moreIndented = line[0] is ' ' or '\t';
            if (first)
            {
                text.Append('\n', blank);
            }
            else if (blank == 0)
            {
                text.Append(previousMoreIndented || moreIndented ? '\n' : ' ');
            }
            else
            {
                text.Append('\n', previousMoreIndented || moreIndented ? blank + 1 : blank);
            }

            text.Append(line);
            blank = 0;
            first = false;
            previousMoreIndented = moreIndented;
        }
    }

    private YamlNode? ParseFlowNode(ref Cursor cursor, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        SkipFlowWhite(ref cursor);
        int line = LineNumber(cursor);
        string? anchor = null;
        string? tag = null;
        while (Peek(cursor) is '&' or '!')
        {
            bool isAnchor = Peek(cursor) == '&';
            string token = ReadFlowToken(ref cursor);
            if (isAnchor)
            {
                anchor = token.Substring(1);
            }
            else
            {
                tag = token;
            }

            SkipFlowWhite(ref cursor);
        }

        char c = Peek(cursor);
        YamlNode node;
        switch (c)
        {
            case '[':
                Advance(ref cursor);
                node = ParseFlowSequence(ref cursor, depth, line, tag);
                break;
            case '{':
                Advance(ref cursor);
                node = ParseFlowMapping(ref cursor, depth, line, tag);
                break;
            case '*':
                Advance(ref cursor);
                node = Alias(ReadFlowToken(ref cursor), line);
                break;
            case '"':
            case '\'':
                node = new YamlScalar(ReadQuoted(ref cursor) ?? string.Empty, c == '"' ? YamlScalarStyle.DoubleQuoted : YamlScalarStyle.SingleQuoted, line, tag);
                break;
            case '\0':
                return null;
            default:
                node = new YamlScalar(ReadFlowPlain(ref cursor), YamlScalarStyle.Plain, line, tag);
                break;
        }

        return Register(anchor, node);
    }

    private YamlSequence ParseFlowSequence(ref Cursor cursor, int depth, int line, string? tag)
    {
        var items = new List<YamlNode>();
        while (true)
        {
            SkipFlowWhite(ref cursor);
            char c = Peek(cursor);
            if (c == '\0')
            {
                break;
            }

            if (c == ']')
            {
                Advance(ref cursor);
                break;
            }

            if (c == ',')
            {
                Advance(ref cursor); // an empty entry: skip
                continue;
            }

            YamlNode item = ParseFlowNode(ref cursor, depth + 1) ?? new YamlScalar(string.Empty, YamlScalarStyle.Plain, line);
            SkipFlowWhite(ref cursor);
            if (Peek(cursor) == ':')
            {
                // [key: value] is a sequence holding a one-entry mapping.
                Advance(ref cursor);
                SkipFlowWhite(ref cursor);
                YamlNode value = Peek(cursor) is ',' or ']' ? new YamlScalar(string.Empty, YamlScalarStyle.Plain, line) : ParseFlowNode(ref cursor, depth + 1) ?? new YamlScalar(string.Empty, YamlScalarStyle.Plain, line);
                var pair = new List<KeyValuePair<string, YamlNode>>();
                if (item is YamlScalar key)
                {
                    pair.Add(new KeyValuePair<string, YamlNode>(key.Value, value));
                }

                item = new YamlMapping(pair, item.Line);
                SkipFlowWhite(ref cursor);
            }

            items.Add(item);
            c = Peek(cursor);
            if (c == ',')
            {
                Advance(ref cursor);
            }
            else if (c != ']' && c != '\0')
            {
                Advance(ref cursor); // unexpected: skip the character
            }
        }

        return new YamlSequence(items, line, tag);
    }

    private YamlMapping ParseFlowMapping(ref Cursor cursor, int depth, int line, string? tag)
    {
        var entries = new List<KeyValuePair<string, YamlNode>>();
        var merges = new List<YamlNode>();
        while (true)
        {
            SkipFlowWhite(ref cursor);
            char c = Peek(cursor);
            if (c == '\0')
            {
                break;
            }

            if (c == '}')
            {
                Advance(ref cursor);
                break;
            }

            if (c == ',')
            {
                Advance(ref cursor);
                continue;
            }

            YamlNode? key = ParseFlowNode(ref cursor, depth + 1);
            SkipFlowWhite(ref cursor);
            YamlNode value = new YamlScalar(string.Empty, YamlScalarStyle.Plain, key?.Line ?? line);
            if (Peek(cursor) == ':')
            {
                Advance(ref cursor);
                SkipFlowWhite(ref cursor);
                if (Peek(cursor) is not (',' or '}'))
                {
                    value = ParseFlowNode(ref cursor, depth + 1) ?? value;
                }
            }

            if (key is YamlScalar scalar)
            {
                if (scalar.Style == YamlScalarStyle.Plain && scalar.Value == "<<")
                {
                    merges.Add(value);
                }
                else
                {
                    Put(entries, scalar.Value, value);
                }
            }

            SkipFlowWhite(ref cursor);
            c = Peek(cursor);
            if (c == ',')
            {
                Advance(ref cursor);
            }
            else if (c != '}' && c != '\0')
            {
                Advance(ref cursor);
            }
        }

        ApplyMerges(entries, merges);
        return new YamlMapping(entries, line, tag);
    }

    private string ReadFlowPlain(ref Cursor cursor)
    {
        var text = new StringBuilder();
        int startLine = cursor.Line;
        while (true)
        {
            string raw = _lines[cursor.Line].Raw;
            if (cursor.Column >= raw.Length)
            {
                // A plain scalar may continue on the next line (folded into a space).
                int next = cursor.Line + 1;
                while (next < _end && _lines[next].IsBlank)
                {
                    next++;
                }

                if (next >= _end || cursor.Line - startLine > 1000)
                {
                    break;
                }

                string following = _lines[next].Content.TrimStart();
                if (following.Length == 0 || following[0] is ',' or ']' or '}' or '#' or ':')
                {
                    cursor = new Cursor(next, _lines[next].Raw.Length - following.Length);
                    break;
                }

                text.Append(' ');
                cursor = new Cursor(next, _lines[next].Raw.Length - following.Length);
                continue;
            }

            char c = raw[cursor.Column];
            if (c is ',' or '[' or ']' or '{' or '}')
            {
                break;
            }

            if (c == ':' && (cursor.Column + 1 >= raw.Length || raw[cursor.Column + 1] is ' ' or '\t' or ',' or '[' or ']' or '{' or '}'))
            {
                break;
            }

            if (c == '#' && cursor.Column > 0 && raw[cursor.Column - 1] is ' ' or '\t')
            {
                cursor = new Cursor(cursor.Line, raw.Length);
                continue;
            }

            text.Append(c);
            cursor = new Cursor(cursor.Line, cursor.Column + 1);
        }

        return text.ToString().Trim();
    }

    private string ReadFlowToken(ref Cursor cursor)
    {
        string raw = _lines[cursor.Line].Raw;
        int start = cursor.Column;
        int end = start;
        while (end < raw.Length && raw[end] is not (' ' or '\t' or ',' or '[' or ']' or '{' or '}'))
        {
            end++;
        }

        cursor = new Cursor(cursor.Line, end);
        return raw.Substring(start, end - start);
    }

    /// <summary>A single- or double-quoted scalar at the cursor, folded across lines; null when unterminated.</summary>
    private string? ReadQuoted(ref Cursor cursor)
    {
        string raw = _lines[cursor.Line].Raw;
        char quote = raw[cursor.Column];
        int line = cursor.Line;
        int p = cursor.Column + 1;
        var text = new StringBuilder();
        while (true)
        {
            if (p >= raw.Length)
            {
                // A line break inside the quotes folds: one break is a space, each blank line a newline.
                TrimTrailingWhite(text);
                line++;
                int blank = 0;
                while (line < _end && _lines[line].IsBlank)
                {
                    blank++;
                    line++;
                }

                if (line >= _end)
                {
                    cursor = new Cursor(Math.Min(line, _end) - 1, _lines[Math.Min(line, _end) - 1].Raw.Length);
                    return null;
                }

                text.Append(blank == 0 ? " " : new string('\n', blank));
                raw = _lines[line].Raw;
                p = SkipWhite(raw, 0);
                continue;
            }

            char c = raw[p];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    if (p + 1 < raw.Length && raw[p + 1] == '\'')
                    {
                        text.Append('\'');
                        p += 2;
                        continue;
                    }

                    p++;
                    break;
                }

                text.Append(c);
                p++;
                continue;
            }

            if (c == '"')
            {
                p++;
                break;
            }

            if (c != '\\')
            {
                text.Append(c);
                p++;
                continue;
            }

            if (p + 1 >= raw.Length)
            {
                // An escaped line break joins the lines without a space.
                line++;
                if (line >= _end)
                {
                    cursor = new Cursor(_end - 1, _lines[_end - 1].Raw.Length);
                    return null;
                }

                raw = _lines[line].Raw;
                p = SkipWhite(raw, 0);
                continue;
            }

            char escaped = raw[p + 1];
            p += 2;
            switch (escaped)
            {
                case '0': text.Append('\0'); break;
                case 'a': text.Append('\a'); break;
                case 'b': text.Append('\b'); break;
                case 't': case '\t': text.Append('\t'); break;
                case 'n': text.Append('\n'); break;
                case 'v': text.Append('\v'); break;
                case 'f': text.Append('\f'); break;
                case 'r': text.Append('\r'); break;
                case 'e': text.Append('\u001B'); break;
                case 'N': text.Append('\u0085'); break;
                case '_': text.Append('\u00A0'); break;
                case 'L': text.Append('\u2028'); break;
                case 'P': text.Append('\u2029'); break;
                case 'x': p = AppendHex(raw, p, 2, text); break;
                case 'u': p = AppendHex(raw, p, 4, text); break;
                case 'U': p = AppendHex(raw, p, 8, text); break;
                default: text.Append(escaped); break; // \" \\ \/ and a space
            }
        }

        cursor = new Cursor(line, p);
        return text.ToString();
    }

    private static int AppendHex(string raw, int p, int digits, StringBuilder text)
    {
        if (p + digits <= raw.Length
            && int.TryParse(raw.Substring(p, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
            && code >= 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
        {
            text.Append(char.ConvertFromUtf32(code));
            return p + digits;
        }

        return p;
    }

    private char Peek(Cursor cursor)
    {
        if (cursor.Line >= _end)
        {
            return '\0';
        }

        string raw = _lines[cursor.Line].Raw;
        return cursor.Column < raw.Length ? raw[cursor.Column] : cursor.Line + 1 >= _end ? '\0' : '\n';
    }

    private void Advance(ref Cursor cursor) => cursor = new Cursor(cursor.Line, cursor.Column + 1);

    /// <summary>Skips spaces, line breaks and comments inside a flow collection.</summary>
    private void SkipFlowWhite(ref Cursor cursor)
    {
        while (cursor.Line < _end)
        {
            string raw = _lines[cursor.Line].Raw;
            int p = cursor.Column;
            while (p < raw.Length && raw[p] is ' ' or '\t')
            {
                p++;
            }

            if (p < raw.Length && raw[p] != '#')
            {
                cursor = new Cursor(cursor.Line, p);
                return;
            }

            if (cursor.Line + 1 >= _end)
            {
                cursor = new Cursor(cursor.Line, raw.Length);
                return;
            }

            cursor = new Cursor(cursor.Line + 1, 0);
        }
    }

    private int LineNumber(Cursor cursor) => cursor.Line < _lines.Count ? _lines[cursor.Line].Number : 0;

    private YamlNode Alias(string name, int line)
        => _anchors.TryGetValue(name, out YamlNode? node) ? node : new YamlScalar(string.Empty, YamlScalarStyle.Plain, line);

    private YamlNode Register(string? anchor, YamlNode node)
    {
        if (anchor is { Length: > 0 })
        {
            _anchors[anchor] = node;
        }

        return node;
    }

    private static void ReadProperties(string raw, ref int pos, out string? anchor, out string? tag)
    {
        anchor = null;
        tag = null;
        int p = pos;
        while (p < raw.Length && raw[p] is '&' or '!')
        {
            int end = p;
            while (end < raw.Length && raw[end] is not (' ' or '\t'))
            {
                end++;
            }

            if (raw[p] == '&')
            {
                anchor = raw.Substring(p + 1, end - p - 1);
            }
            else
            {
                tag = raw.Substring(p, end - p);
            }

            p = SkipWhite(raw, end);
            pos = p;
        }
    }

    private static string? ReadKey(string keyText, out bool plain)
    {
        string trimmed = keyText.Trim();
        plain = !(trimmed.Length >= 2 && trimmed[0] is '"' or '\'');
        return plain ? trimmed : ReadQuotedOnOneLine(trimmed);
    }

    /// <summary>A quoted key: always on one line (implicit keys cannot span lines).</summary>
    private static string? ReadQuotedOnOneLine(string text)
    {
        var parser = new YamlParser(text);
        var cursor = new Cursor(0, 0);
        return parser.ReadQuoted(ref cursor);
    }

    private static string ReadToken(string raw, int start)
    {
        int end = start;
        while (end < raw.Length && raw[end] is not (' ' or '\t'))
        {
            end++;
        }

        return raw.Substring(start, end - start);
    }

    private static void Put(List<KeyValuePair<string, YamlNode>> entries, string key, YamlNode value)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                entries[i] = new KeyValuePair<string, YamlNode>(key, value);
                return;
            }
        }

        entries.Add(new KeyValuePair<string, YamlNode>(key, value));
    }

    /// <summary>Merge keys: entries of the merged mappings the mapping does not set itself; with a list, the earlier mapping wins.</summary>
    private static void ApplyMerges(List<KeyValuePair<string, YamlNode>> entries, List<YamlNode> merges)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, YamlNode> entry in entries)
        {
            own.Add(entry.Key);
        }

        foreach (YamlNode merge in merges)
        {
            IReadOnlyList<YamlNode> sources = merge is YamlSequence sequence ? sequence.Items : new[] { merge };
            foreach (YamlNode source in sources)
            {
                if (source is not YamlMapping mapping)
                {
                    continue;
                }

                foreach (KeyValuePair<string, YamlNode> entry in mapping.Entries)
                {
                    if (own.Add(entry.Key))
                    {
                        entries.Add(entry);
                    }
                }
            }
        }
    }

    private void SkipBlankAndComments()
    {
        while (_index < _end && _lines[_index].IsBlankOrComment)
        {
            _index++;
        }
    }

    private void SkipDeeperThan(int indent)
    {
        while (_index < _end && (_lines[_index].IsBlankOrComment || _lines[_index].Start > indent))
        {
            _index++;
        }
    }

    private static bool IsMarker(string raw, string marker)
        => raw.StartsWith(marker, StringComparison.Ordinal) && (raw.Length == 3 || raw[3] is ' ' or '\t');

    private static bool IsSequenceItem(string content)
        => content.Length > 0 && content[0] == '-' && (content.Length == 1 || content[1] is ' ' or '\t');

    /// <summary>The index of the ':' that ends an implicit key (followed by whitespace or the end), or -1.</summary>
    internal static int FindMappingColon(string content)
    {
        if (content.Length == 0 || content[0] is '[' or '{' or '#' or '|' or '>' or '*')
        {
            return -1;
        }

        int i = 0;
        if (content[0] is '"' or '\'')
        {
            char quote = content[0];
            i = 1;
            while (i < content.Length)
            {
                if (content[i] == quote)
                {
                    if (quote == '\'' && i + 1 < content.Length && content[i + 1] == '\'')
                    {
                        i += 2;
                        continue;
                    }

                    break;
                }

                i += quote == '"' && content[i] == '\\' ? 2 : 1;
            }

            if (i >= content.Length)
            {
                return -1;
            }

            i = SkipWhite(content, i + 1);
            return i < content.Length && content[i] == ':' && (i + 1 == content.Length || content[i + 1] is ' ' or '\t') ? i : -1;
        }

        for (; i < content.Length; i++)
        {
            char c = content[i];
            if (c == '#' && i > 0 && content[i - 1] is ' ' or '\t')
            {
                return -1;
            }

            if (c == ':' && (i + 1 == content.Length || content[i + 1] is ' ' or '\t'))
            {
                return i;
            }
        }

        return -1;
    }

    private static string StripComment(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '#' && (i == 0 || text[i - 1] is ' ' or '\t'))
            {
                return text.Substring(0, i);
            }
        }

        return text;
    }

    private static void TrimTrailingWhite(StringBuilder text)
    {
        int length = text.Length;
        while (length > 0 && text[length - 1] is ' ' or '\t')
        {
            length--;
        }

        text.Length = length;
    }

    private static int SkipWhite(string text, int start)
    {
        int i = start;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>A position in the text: a line index and a column of that line's raw text.</summary>
    private readonly struct Cursor
    {
        public Cursor(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }
    }
}
