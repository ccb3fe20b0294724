using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace VolumeGen.SourceGenerators.Usage.Configuration;

/// <summary>
/// Reads an <c>appsettings*.json</c> file the way the JSON configuration provider does: the root is an object,
/// nested objects and arrays flatten into colon keys (<c>Serilog:WriteTo:0:Args:path</c>), comments and trailing
/// commas are allowed, a key repeated in one object (case-insensitive) makes the file invalid. Each value keeps
/// its place in the file. Never throws: a file the provider would reject gives null.
/// </summary>
internal sealed class ConfigurationJsonReader
{
    // System.Text.Json's default MaxDepth, which the provider uses: deeper files fail to load.
    private const int MaxDepth = 64;

    private readonly string _text;
    private readonly SourceText _source;
    private readonly string _filePath;
    private readonly string _sourceName;
    private readonly List<ConfigurationEntry> _entries = new();
    private readonly HashSet<string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly StringBuilder _buffer = new();
    private int _position;

    private ConfigurationJsonReader(SourceText source, string filePath, string sourceName)
    {
        _source = source;
        _text = source.ToString();
        _filePath = filePath;
        _sourceName = sourceName;
    }

    /// <summary>The values of a configuration JSON file, or null when the provider would fail to load it.</summary>
    public static IReadOnlyList<ConfigurationEntry>? Read(SourceText source, string filePath, string sourceName)
    {
        var reader = new ConfigurationJsonReader(source, filePath, sourceName);
        try
        {
            return reader.ReadDocument() ? reader._entries : null;
        }
        catch (ArgumentException)
        {
            // A span outside the text cannot happen for a well-formed read; treat anything odd as an unreadable file.
            return null;
        }
    }

    private bool ReadDocument()
    {
        SkipTrivia();
        if (_position < _text.Length && _text[_position] == '\uFEFF')
        {
            _position++;
            SkipTrivia();
        }

        if (!ReadObject(null, 1))
        {
            return false;
        }

        SkipTrivia();
        return _position == _text.Length;
    }

    private bool ReadValue(string key, int depth)
    {
        if (depth > MaxDepth || _position >= _text.Length)
        {
            return false;
        }

        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject(key, depth + 1);
            case '[':
                return ReadArray(key, depth + 1);
            case '"':
                int start = _position;
                if (ReadString() is not string value)
                {
                    return false;
                }

                return Add(key, value, start);
            default:
                int literalStart = _position;
                while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
                {
                    _position++;
                }

                string literal = _text.Substring(literalStart, _position - literalStart);
                string? text = literal switch
                {
                    "true" => "True",
                    "false" => "False",
                    "null" => string.Empty,
                    _ => IsNumber(literal) ? literal : null,
                };
                return text is not null && Add(key, text, literalStart);
        }
    }

    private bool ReadObject(string? prefix, int depth)
    {
        if (depth > MaxDepth || !Expect('{'))
        {
            return false;
        }

        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                return false;
            }

            if (_text[_position] == '}')
            {
                _position++;
                return true;
            }

            if (ReadString() is not string name)
            {
                return false;
            }

            SkipTrivia();
            if (!Expect(':'))
            {
                return false;
            }

            SkipTrivia();
            if (!ReadValue(prefix is null ? name : prefix + ":" + name, depth))
            {
                return false;
            }

            if (!SeparatorOrEnd('}'))
            {
                return false;
            }
        }
    }

    private bool ReadArray(string key, int depth)
    {
        if (depth > MaxDepth || !Expect('['))
        {
            return false;
        }

        int index = 0;
        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                return false;
            }

            if (_text[_position] == ']')
            {
                _position++;
                return true;
            }

            if (!ReadValue(key + ":" + index.ToString(CultureInfo.InvariantCulture), depth))
            {
                return false;
            }

            index++;
            if (!SeparatorOrEnd(']'))
            {
                return false;
            }
        }
    }

    /// <summary>After a member: a comma (a trailing one is allowed) or the closing bracket, which is left for the caller.</summary>
    private bool SeparatorOrEnd(char close)
    {
        SkipTrivia();
        if (_position >= _text.Length)
        {
            return false;
        }

        if (_text[_position] == ',')
        {
            _position++;
            return true;
        }

        return _text[_position] == close;
    }

    private bool Add(string key, string value, int start)
    {
        // The provider rejects a flattened key it has already seen, case-insensitively: "a": 1 twice, or "a": {"b": 1}
        // beside "A:b": 2. Two objects of one name merge (their leaves differ), as they do in the provider.
        if (!_keys.Add(key))
        {
            return false;
        }

        var span = TextSpan.FromBounds(start, _position);
        _entries.Add(new ConfigurationEntry(key, value, _sourceName, _filePath, span, _source.Lines.GetLinePositionSpan(span)));
        return true;
    }

    private string? ReadString()
    {
        if (!Expect('"'))
        {
            return null;
        }

        _buffer.Clear();
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == '"')
            {
                return _buffer.ToString();
            }

            if (c < ' ')
            {
                return null;
            }

            if (c != '\\')
            {
                _buffer.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                return null;
            }

            char escaped = _text[_position++];
            switch (escaped)
            {
                case '"': _buffer.Append('"'); break;
                case '\\': _buffer.Append('\\'); break;
                case '/': _buffer.Append('/'); break;
                case 'b': _buffer.Append('\b'); break;
                case 'f': _buffer.Append('\f'); break;
                case 'n': _buffer.Append('\n'); break;
                case 'r': _buffer.Append('\r'); break;
                case 't': _buffer.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        return null;
                    }

                    _buffer.Append((char)code);
                    _position += 4;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private bool Expect(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    /// <summary>Whitespace, <c>// line</c> and <c>/* block */</c> comments.</summary>
    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                int end = _text.IndexOf('\n', _position);
                _position = end < 0 ? _text.Length : end + 1;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                int end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    // An unterminated comment: the reader fails on what follows (nothing).
                    _position = _text.Length + 1;
                    return;
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsNumber(string literal)
        => literal.Length > 0 && double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && (char.IsDigit(literal[0]) || literal[0] == '-');
}
