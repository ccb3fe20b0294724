using System.Collections.Generic;
using System.Text;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// Compose's variable interpolation: <c>$$</c> is a literal <c>$</c>; <c>$VAR</c>, <c>${VAR}</c>,
/// <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>${VAR:+replacement}</c>, <c>${VAR+replacement}</c>,
/// <c>${VAR:?error}</c>, <c>${VAR?error}</c>, nested. Without an environment every variable counts as unset, so
/// defaults apply; a reference whose value would come from the shell stays as written and marks the result unknown.
/// </summary>
internal sealed class ComposeInterpolation
{
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, string>? _environment;
    private int _pos;

    private ComposeInterpolation(string text, IReadOnlyDictionary<string, string>? environment)
    {
        _text = text;
        _environment = environment;
    }

    private bool Known { get; set; } = true;

    public static string Interpolate(string text, IReadOnlyDictionary<string, string>? environment, out bool known)
    {
        if (text.IndexOf('$') < 0)
        {
            known = true;
            return text;
        }

        var interpolation = new ComposeInterpolation(text, environment);
        string result = interpolation.Read('\0');
        known = interpolation.Known;
        return result;
    }

    private string Read(char stop)
    {
        var result = new StringBuilder();
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (stop != '\0' && c == stop)
            {
                _pos++;
                return result.ToString();
            }

            if (c != '$')
            {
                result.Append(c);
                _pos++;
                continue;
            }

            if (_pos + 1 < _text.Length && _text[_pos + 1] == '$')
            {
                result.Append('$');
                _pos += 2;
                continue;
            }

            result.Append(Reference());
        }

        return result.ToString();
    }

    private string Reference()
    {
        int start = _pos;
        _pos++;
        if (_pos < _text.Length && _text[_pos] == '{')
        {
            _pos++;
            string name = Name();
            if (_pos >= _text.Length)
            {
                Known = false;
                return _text.Substring(start);
            }

            char c = _text[_pos];
            if (c == '}')
            {
                _pos++;
                return Value(name, _text.Substring(start, _pos - start));
            }

            bool emptyIsUnset = false;
            if (c == ':')
            {
                emptyIsUnset = true;
                _pos++;
                c = _pos < _text.Length ? _text[_pos] : '\0';
            }

            if (c is '-' or '+' or '?')
            {
                _pos++;
                string word = Read('}');
                bool set = TryGet(name, out string value) && !(emptyIsUnset && value.Length == 0);
                switch (c)
                {
                    case '-':
                        return set ? value : word;
                    case '+':
                        if (_environment is null)
                        {
                            Known = false;
                            return _text.Substring(start, _pos - start);
                        }

                        return set ? word : string.Empty;
                    default:
                        if (!set)
                        {
                            Known = false;
                            return _text.Substring(start, _pos - start);
                        }

                        return value;
                }
            }

            // Not a form compose knows: keep the rest as written.
            Known = false;
            int close = _text.IndexOf('}', _pos);
            _pos = close < 0 ? _text.Length : close + 1;
            return _text.Substring(start, _pos - start);
        }

        string plain = Name();
        return plain.Length == 0 ? "$" : Value(plain, _text.Substring(start, _pos - start));
    }

    private string Value(string name, string written)
    {
        if (TryGet(name, out string value))
        {
            return value;
        }

        if (_environment is null)
        {
            Known = false;
            return written;
        }

        return string.Empty;
    }

    private bool TryGet(string name, out string value)
    {
        value = string.Empty;
        return _environment is not null && _environment.TryGetValue(name, out value!);
    }

    private string Name()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        return _text.Substring(start, _pos - start);
    }
}
