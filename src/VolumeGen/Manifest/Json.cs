using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VolumeGen;

/// <summary>
/// The small JSON subset the manifest needs (objects, arrays, strings, integers, booleans, null), written
/// and read without a package dependency: netstandard2.0 and the analyzer host have no System.Text.Json. An object
/// with a property name twice is refused, not read as its last value.
/// </summary>
internal static class Json
{
    public static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsSurrogate(c))
            {
                // A pair stays as is; a lone surrogate has no UTF-8 form (the attribute blob would turn it into U+FFFD), so escape it.
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    output.Append(c).Append(value[++i]);
                }
                else
                {
                    output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }

                continue;
            }

            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029')
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }

    /// <summary>Writes what <see cref="Parse"/> returns (dictionaries in their order, lists, strings, longs, bools, null), compactly.</summary>
    public static void Write(StringBuilder output, object? value)
    {
        switch (value)
        {
            case null:
                output.Append("null");
                break;
            case string text:
                WriteString(output, text);
                break;
            case bool flag:
                output.Append(flag ? "true" : "false");
                break;
            case long number:
                output.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case int number:
                output.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case IDictionary<string, object?> map:
                output.Append('{');
                bool first = true;
                foreach (KeyValuePair<string, object?> pair in map)
                {
                    output.Append(first ? string.Empty : ",");
                    first = false;
                    WriteString(output, pair.Key);
                    output.Append(':');
                    Write(output, pair.Value);
                }

                output.Append('}');
                break;
            case IList<object?> list:
                output.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    output.Append(i == 0 ? string.Empty : ",");
                    Write(output, list[i]);
                }

                output.Append(']');
                break;
            default:
                throw new ArgumentException("Json.Write writes only what Json.Parse returns, not " + value.GetType().Name + ".", nameof(value));
        }
    }

    /// <summary>Parses <paramref name="text"/> into dictionaries, lists, strings, longs, bools and nulls.</summary>
    /// <exception cref="FormatException">The text is not JSON; the message says where.</exception>
    public static object? Parse(string text)
    {
        var reader = new Reader(text);
        reader.SkipWhitespace();
        object? value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (!reader.AtEnd)
        {
            throw reader.Fail("unexpected text after the JSON value");
        }

        return value;
    }

    private sealed class Reader
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private int _position;

        public Reader(string text) => _text = text;

        public bool AtEnd => _position >= _text.Length;

        public FormatException Fail(string what)
            => new($"Invalid JSON at character {_position.ToString(CultureInfo.InvariantCulture)}: {what}.");

        public void SkipWhitespace()
        {
            while (!AtEnd && _text[_position] is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
            }
        }

        public object? ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Fail("nesting too deep");
            }

            if (AtEnd)
            {
                throw Fail("unexpected end");
            }

            char c = _text[_position];
            switch (c)
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"': return ReadString();
                case 't': ReadLiteral("true"); return true;
                case 'f': ReadLiteral("false"); return false;
                case 'n': ReadLiteral("null"); return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw Fail($"unexpected character '{c}'");
            }
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            _position++;
            SkipWhitespace();
            if (!AtEnd && _text[_position] == '}')
            {
                _position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd || _text[_position] != '"')
                {
                    throw Fail("expected a property name");
                }

                int start = _position;
                string name = ReadString();
                if (result.ContainsKey(name))
                {
                    // Two values for one name: which one counts is a guess (last wins elsewhere), so refuse it.
                    _position = start;
                    throw Fail($"the property \"{name}\" appears twice in one object");
                }

                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                result[name] = ReadValue(depth + 1);
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail("unexpected end in an object");
                }

                if (_text[_position] == ',')
                {
                    _position++;
                    continue;
                }

                Expect('}');
                return result;
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var result = new List<object?>();
            _position++;
            SkipWhitespace();
            if (!AtEnd && _text[_position] == ']')
            {
                _position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                result.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail("unexpected end in an array");
                }

                if (_text[_position] == ',')
                {
                    _position++;
                    continue;
                }

                Expect(']');
                return result;
            }
        }

        private string ReadString()
        {
            _position++;
            var value = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Fail("unterminated string");
                }

                char c = _text[_position++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    throw Fail("unterminated escape");
                }

                char escape = _text[_position++];
                switch (escape)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !IsHex(_text, _position, 4)
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            throw Fail("invalid \\u escape");
                        }

                        value.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw Fail($"invalid escape '\\{escape}'");
                }
            }
        }

        // NumberStyles.HexNumber would also accept spaces around the digits ("\u 12a").
        private static bool IsHex(string text, int start, int count)
        {
            for (int i = start; i < start + count; i++)
            {
                if (text[i] is not ((>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F')))
                {
                    return false;
                }
            }

            return true;
        }

        private long ReadNumber()
        {
            int start = _position;
            if (_text[_position] == '-')
            {
                _position++;
            }

            while (!AtEnd && _text[_position] >= '0' && _text[_position] <= '9')
            {
                _position++;
            }

            if (!long.TryParse(_text.Substring(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
            {
                throw Fail("expected an integer");
            }

            return number;
        }

        private void ReadLiteral(string literal)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw Fail($"expected '{literal}'");
            }

            _position += literal.Length;
        }

        private void Expect(char c)
        {
            if (AtEnd || _text[_position] != c)
            {
                throw Fail($"expected '{c}'");
            }

            _position++;
        }
    }
}
