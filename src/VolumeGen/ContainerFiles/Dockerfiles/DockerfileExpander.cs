using System.Collections.Generic;
using System.Text;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// The builder's word processor (its shell lexer's <c>ProcessWord</c>): single quotes literal, double quotes with
/// variables and escapes of <c>" $</c> and the escape character, the escape character elsewhere, <c>$NAME</c>,
/// <c>${NAME}</c>, <c>${NAME:-word}</c>, <c>${NAME:+word}</c>, <c>${NAME-word}</c>, <c>${NAME+word}</c> and
/// <c>${NAME:?message}</c>. A reference the scope cannot resolve stays as written and marks the value unknown.
/// </summary>
internal sealed class DockerfileExpander
{
    private readonly string _word;
    private readonly char _escape;
    private readonly DockerfileScope _scope;
    private readonly List<string> _unset = new();
    private int _pos;
    private bool _known = true;

    private DockerfileExpander(string word, char escape, DockerfileScope scope)
    {
        _word = word;
        _escape = escape;
        _scope = scope;
    }

    /// <summary>The first thing the builder would reject in the word, or null.</summary>
    public string? Error { get; private set; }

    public static DockerfileValue Expand(string word, char escape, DockerfileScope scope, out string? error)
    {
        var expander = new DockerfileExpander(word, escape, scope);
        string text = expander.Process('\0');
        error = expander.Error;
        bool known = expander._known && error is null;
        return new DockerfileValue(word, error is null ? text : word, known, expander._unset);
    }

    private string Process(char stop)
    {
        var result = new StringBuilder();
        while (_pos < _word.Length && Error is null)
        {
            char c = _word[_pos];
            if (stop != '\0' && c == stop)
            {
                _pos++;
                return result.ToString();
            }

            switch (c)
            {
                case '\'':
                    result.Append(SingleQuoted());
                    continue;
                case '"':
                    result.Append(DoubleQuoted());
                    continue;
                case '$':
                    result.Append(Dollar());
                    continue;
            }

            _pos++;
            if (c == _escape)
            {
                if (_pos >= _word.Length)
                {
                    break; // an escape character at the end is dropped
                }

                c = _word[_pos++];
            }

            result.Append(c);
        }

        if (stop != '\0' && Error is null)
        {
            Error = "unexpected end of statement while looking for matching " + stop;
        }

        return result.ToString();
    }

    private string SingleQuoted()
    {
        int end = _word.IndexOf('\'', _pos + 1);
        if (end < 0)
        {
            Error = "unexpected end of statement while looking for matching single-quote";
            _pos = _word.Length;
            return string.Empty;
        }

        string text = _word.Substring(_pos + 1, end - _pos - 1);
        _pos = end + 1;
        return text;
    }

    private string DoubleQuoted()
    {
        var result = new StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= _word.Length)
            {
                Error = "unexpected end of statement while looking for matching double-quote";
                return result.ToString();
            }

            char c = _word[_pos];
            if (c == '"')
            {
                _pos++;
                return result.ToString();
            }

            if (c == '$')
            {
                result.Append(Dollar());
                if (Error is not null)
                {
                    return result.ToString();
                }

                continue;
            }

            _pos++;
            if (c == _escape)
            {
                if (_pos >= _word.Length)
                {
                    continue;
                }

                char next = _word[_pos];
                if (next == '"' || next == '$' || next == _escape)
                {
                    c = next;
                    _pos++;
                }
            }

            result.Append(c);
        }
    }

    private string Dollar()
    {
        int start = _pos;
        _pos++;
        if (_pos >= _word.Length || _word[_pos] != '{')
        {
            string name = Name();
            return name.Length == 0 ? "$" : Value(name, _word.Substring(start, _pos - start));
        }

        _pos++;
        if (_pos >= _word.Length)
        {
            Error = "syntax error: missing '}'";
            return string.Empty;
        }

        if (_word[_pos] is '{' or '}' or ':')
        {
            Error = "syntax error: bad substitution";
            return string.Empty;
        }

        string variable = Name();
        if (_pos >= _word.Length)
        {
            Error = "syntax error: missing '}'";
            return string.Empty;
        }

        char modifier = _word[_pos++];
        if (modifier == '}')
        {
            return Value(variable, _word.Substring(start, _pos - start));
        }

        bool nullIsUnset = false;
        if (modifier == ':')
        {
            nullIsUnset = true;
            if (_pos >= _word.Length)
            {
                Error = "syntax error: missing '}'";
                return string.Empty;
            }

            modifier = _word[_pos++];
        }

        switch (modifier)
        {
            case '-':
            case '+':
            case '?':
            {
                string alternative = Process('}');
                if (Error is not null)
                {
                    return string.Empty;
                }

                string written = _word.Substring(start, _pos - start);
                // A default or an alternative is the author's choice for the unset case: not an unset reference.
                DockerfileVariableState state = _scope.Lookup(variable, out string value, out _);
                if (state == DockerfileVariableState.Unknown)
                {
                    _known = false;
                    return written;
                }

                bool set = state == DockerfileVariableState.Set && !(nullIsUnset && value.Length == 0);
                switch (modifier)
                {
                    case '-':
                        return set ? value : alternative;
                    case '+':
                        return set ? alternative : string.Empty;
                    default:
                        if (!set)
                        {
                            Error = variable + ": " + (alternative.Length > 0 ? alternative : nullIsUnset ? "is not allowed to be empty" : "is not allowed to be unset");
                            return string.Empty;
                        }

                        return value;
                }
            }

            case '#':
            case '%':
            case '/':
                // Pattern removal and replacement (BuildKit only): not evaluated here.
                Process('}');
                _known = false;
                return _word.Substring(start, _pos - start);

            default:
                Error = "unsupported modifier (" + (nullIsUnset ? ":" : string.Empty) + modifier + ") in substitution";
                return string.Empty;
        }
    }

    private string Value(string name, string written)
    {
        DockerfileVariableState state = _scope.Lookup(name, out string value, out bool setByDockerfile);
        if (!setByDockerfile)
        {
            NoteUnset(name);
        }

        switch (state)
        {
            case DockerfileVariableState.Set:
                return value;
            case DockerfileVariableState.Unset:
                return string.Empty;
            default:
                _known = false;
                return written;
        }
    }

    private void NoteUnset(string name)
    {
        if (!_unset.Contains(name))
        {
            _unset.Add(name);
        }
    }

    /// <summary>A variable name: letters, digits and '_'; or a positional (digits) or special (<c>@ * # ? - $ ! 0</c>) parameter.</summary>
    private string Name()
    {
        int start = _pos;
        if (_pos < _word.Length && char.IsDigit(_word[_pos]))
        {
            while (_pos < _word.Length && char.IsDigit(_word[_pos]))
            {
                _pos++;
            }

            return _word.Substring(start, _pos - start);
        }

        if (_pos < _word.Length && _word[_pos] is '@' or '*' or '#' or '?' or '-' or '$' or '!')
        {
            _pos++;
            return _word.Substring(start, 1);
        }

        while (_pos < _word.Length && (char.IsLetterOrDigit(_word[_pos]) || _word[_pos] == '_'))
        {
            _pos++;
        }

        return _word.Substring(start, _pos - start);
    }
}
