using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// Finds a configuration value in the text of a JSON settings file, as the JSON configuration provider reads it
/// (comments and trailing commas allowed, keys without case, arrays as index segments), so a fix can replace
/// that one string token and leave every other byte — comments, layout, other keys — as it was.
/// </summary>
internal sealed class JsonSettingsText
{
    private readonly string _text;
    private int _position;

    private JsonSettingsText(string text) => _text = text;

    /// <summary>
    /// The span (quotes included) and decoded value of the string at <paramref name="key"/> (colon form), or null when
    /// the key is absent, not a string, or the text is not JSON this reader understands. The last duplicate wins.
    /// </summary>
    public static (int Start, int Length, string Value)? FindString(string text, string key)
    {
        var reader = new JsonSettingsText(text);
        var found = new List<(int Start, int Length, string Value)>();
        string[] segments = key.Split(':');
        try
        {
            reader.SkipTrivia();
            if (!reader.Value(segments, 0, found))
            {
                return null;
            }

            reader.SkipTrivia();
            return reader._position == text.Length && found.Count > 0 ? found[found.Count - 1] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A JSON string literal of <paramref name="value"/> (quotes included), escaped as the JSON writer of .NET does for ASCII control characters.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    // Reads one value; records a string found at the end of the key path. 'depth' segments are matched so far.
    private bool Value(string[] segments, int depth, List<(int, int, string)> found)
    {
        if (_position >= _text.Length)
        {
            return false;
        }

        char c = _text[_position];
        if (c == '{')
        {
            return Object(segments, depth, found);
        }

        if (c == '[')
        {
            return Array(segments, depth, found);
        }

        if (c == '"')
        {
            int start = _position;
            string value = String();
            if (depth == segments.Length)
            {
                found.Add((start, _position - start, value));
            }

            return true;
        }

        // Numbers, true, false, null: a run of literal characters.
        int begin = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
        {
            _position++;
        }

        return _position > begin;
    }

    private bool Object(string[] segments, int depth, List<(int, int, string)> found)
    {
        _position++; // {
        SkipTrivia();
        while (true)
        {
            if (Peek() == '}')
            {
                _position++;
                return true;
            }

            if (Peek() != '"')
            {
                return false;
            }

            string name = String();
            SkipTrivia();
            if (Peek() != ':')
            {
                return false;
            }

            _position++;
            SkipTrivia();
            bool matches = depth < segments.Length && string.Equals(name, segments[depth], StringComparison.OrdinalIgnoreCase);
            if (!Value(segments, matches ? depth + 1 : int.MaxValue - 1, found))
            {
                return false;
            }

            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
                SkipTrivia();
            }
            else if (Peek() != '}')
            {
                return false;
            }
        }
    }

    private bool Array(string[] segments, int depth, List<(int, int, string)> found)
    {
        _position++; // [
        SkipTrivia();
        int index = 0;
        while (true)
        {
            if (Peek() == ']')
            {
                _position++;
                return true;
            }

            bool matches = depth < segments.Length && string.Equals(index.ToString(CultureInfo.InvariantCulture), segments[depth], StringComparison.Ordinal);
            if (!Value(segments, matches ? depth + 1 : int.MaxValue - 1, found))
            {
                return false;
            }

            index++;
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
                SkipTrivia();
            }
            else if (Peek() != ']')
            {
                return false;
            }
        }
    }

    private string String()
    {
        var builder = new StringBuilder();
        _position++; // opening quote
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                break;
            }

            char escaped = _text[_position++];
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when _position + 4 <= _text.Length
                    && int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                    builder.Append((char)code);
                    _position += 4;
                    break;
                case 'u':
                    throw new FormatException("bad \\u escape");
                default: builder.Append(escaped); break;
            }
        }

        throw new FormatException("unterminated string");
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    /// <summary>Whitespace, <c>// line</c> and <c>/* block */</c> comments (the JSON configuration provider allows both).</summary>
    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                int end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FormatException("unterminated comment");
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }
}
