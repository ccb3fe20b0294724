using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// Turns Dockerfile text into instructions the way the builder's parser does: parser directives at the top
/// (<c># escape=`</c>, <c># syntax=…</c>), comments, continuation lines (the escape character at the end of a
/// line; comment and empty lines inside a continuation are skipped), here-documents of <c>RUN</c>, <c>COPY</c> and
/// <c>ADD</c>, and the arguments of each keyword.
/// </summary>
internal sealed class DockerfileLexer
{
    private static readonly Regex Directive = new(@"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex HeredocWord = new(@"^(\d*)<<(-?)([^<]*)$", RegexOptions.CultureInvariant);

    private readonly string[] _lines;

    public DockerfileLexer(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        _lines = text.Split('\n');
        for (int i = 0; i < _lines.Length; i++)
        {
            _lines[i] = _lines[i].TrimEnd('\r');
        }

        if (_lines.Length > 1 && _lines[_lines.Length - 1].Length == 0)
        {
            Array.Resize(ref _lines, _lines.Length - 1);
        }

        ReadDirectives();
        ReadInstructions();
    }

    public char Escape { get; private set; } = '\\';

    public string? Syntax { get; private set; }

    public List<DockerfileInstruction> Instructions { get; } = new();

    public List<DockerfileProblem> Problems { get; } = new();

    /// <summary>Parser directives: comment lines of the form <c># name=value</c> before anything else.</summary>
    private void ReadDirectives()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _lines.Length; i++)
        {
            Match match = Directive.Match(_lines[i].TrimStart());
            if (!match.Success)
            {
                return;
            }

            string name = match.Groups[1].Value.ToLowerInvariant();
            if (name is not ("escape" or "syntax" or "check"))
            {
                return;
            }

            if (!seen.Add(name))
            {
                Problems.Add(new DockerfileProblem(i + 1, $"only one {name} parser directive can be used"));
                continue;
            }

            string value = match.Groups[2].Value;
            if (name == "escape")
            {
                if (value is "\\" or "`")
                {
                    Escape = value[0];
                }
                else
                {
                    Problems.Add(new DockerfileProblem(i + 1, $"invalid escape token '{value}' does not match ` or \\"));
                }
            }
            else if (name == "syntax")
            {
                Syntax = value;
            }
        }
    }

    private void ReadInstructions()
    {
        bool inGeneratedBlock = false;
        int stage = -1;
        for (int i = 0; i < _lines.Length; i++)
        {
            string first = _lines[i].TrimStart();
            if (first.StartsWith("#", StringComparison.Ordinal))
            {
                if (first.StartsWith(GeneratedBlockMarkers.Begin, StringComparison.Ordinal))
                {
                    inGeneratedBlock = true;
                }
                else if (first.StartsWith(GeneratedBlockMarkers.End, StringComparison.Ordinal))
                {
                    inGeneratedBlock = false;
                }

                continue;
            }

            if (first.Length == 0)
            {
                continue;
            }

            int startLine = i + 1;
            var text = new StringBuilder();
            bool continues = TrimContinuation(first, out string content);
            text.Append(content);
            while (continues && i + 1 < _lines.Length)
            {
                string next = _lines[++i];
                string trimmed = next.TrimStart();
                if (trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.Length == 0)
                {
                    continue; // comment and empty lines inside a continuation are skipped
                }

                continues = TrimContinuation(next, out content);
                text.Append(content);
            }

            string line = text.ToString();
            string keyword = DockerfileWords.SplitFirst(line.Trim(), out string afterKeyword);
            if (keyword.Length == 0)
            {
                continue;
            }

            var flags = new List<string>();
            string arguments = DockerfileWords.ExtractFlags(afterKeyword, flags).Trim();
            string upper = keyword.ToUpperInvariant();
            if (upper == "FROM")
            {
                stage++;
            }

            var words = new List<string>();
            var assignments = new List<KeyValuePair<string, string?>>();
            bool json = SplitArguments(upper, arguments, startLine, words, assignments);

            var heredocs = new List<DockerfileHeredoc>();
            if (upper is "RUN" or "COPY" or "ADD" && !json && line.IndexOf("<<", StringComparison.Ordinal) >= 0)
            {
                i = ReadHeredocs(line, i, startLine, heredocs);
            }

            Instructions.Add(new DockerfileInstruction(
                upper, startLine, i + 1, line, arguments, flags, json, words, assignments, heredocs, stage, inGeneratedBlock));
        }
    }

    /// <summary>
    /// The builder's continuation rule: the escape character, then only spaces or tabs, ends the line — unless the
    /// escape character is itself escaped. Returns true when the next line continues this one.
    /// </summary>
    private bool TrimContinuation(string line, out string content)
    {
        int end = line.Length;
        while (end > 0 && line[end - 1] is ' ' or '\t')
        {
            end--;
        }

        if (end > 0 && line[end - 1] == Escape && (end == 1 || line[end - 2] != Escape))
        {
            content = line.Substring(0, end - 1);
            return true;
        }

        content = line;
        return false;
    }

    /// <summary>Splits the arguments the way the keyword's line parser does; returns true for the JSON form.</summary>
    private bool SplitArguments(string keyword, string arguments, int line, List<string> words, List<KeyValuePair<string, string?>> assignments)
    {
        switch (keyword)
        {
            case "ADD":
            case "COPY":
            case "VOLUME":
            {
                List<string>? json = DockerfileWords.TryJsonArray(arguments, out bool notStrings);
                if (json is not null)
                {
                    words.AddRange(json);
                    return true;
                }

                if (notStrings)
                {
                    Problems.Add(new DockerfileProblem(line, "when using JSON array syntax, arrays must be comprised of strings only"));
                    return true;
                }

                words.AddRange(DockerfileWords.SplitOnWhitespace(arguments));
                return false;
            }

            case "RUN":
            case "CMD":
            case "ENTRYPOINT":
            case "SHELL":
            {
                if (arguments.Length == 0)
                {
                    return false;
                }

                List<string>? json = DockerfileWords.TryJsonArray(arguments, out bool notStrings);
                if (json is not null)
                {
                    words.AddRange(json);
                    return true;
                }

                if (notStrings)
                {
                    Problems.Add(new DockerfileProblem(line, "when using JSON array syntax, arrays must be comprised of strings only"));
                    return true;
                }

                words.Add(arguments);
                return false;
            }

            case "FROM":
            case "EXPOSE":
                words.AddRange(DockerfileWords.SplitOnWhitespace(arguments));
                return false;

            case "ARG":
                foreach (string word in DockerfileWords.QuoteAwareWords(arguments, Escape))
                {
                    words.Add(word);
                    int equals = word.IndexOf('=');
                    assignments.Add(new KeyValuePair<string, string?>(equals < 0 ? word : word.Substring(0, equals), equals < 0 ? null : word.Substring(equals + 1)));
                }

                return false;

            case "ENV":
            case "LABEL":
            {
                List<string> parsed = DockerfileWords.QuoteAwareWords(arguments, Escape);
                if (parsed.Count == 0)
                {
                    return false;
                }

                words.AddRange(parsed);
                if (parsed[0].IndexOf('=') < 0)
                {
                    // The old form: ENV name value (everything after the first whitespace is the value).
                    string name = DockerfileWords.SplitFirst(arguments, out string value);
                    if (value.Length == 0)
                    {
                        Problems.Add(new DockerfileProblem(line, keyword + " must have two arguments"));
                        return false;
                    }

                    assignments.Add(new KeyValuePair<string, string?>(name, value));
                    return false;
                }

                foreach (string word in parsed)
                {
                    int equals = word.IndexOf('=');
                    if (equals < 0)
                    {
                        Problems.Add(new DockerfileProblem(line, $"Syntax error - can't find = in \"{word}\". Must be of the form: name=value"));
                        continue;
                    }

                    assignments.Add(new KeyValuePair<string, string?>(word.Substring(0, equals), word.Substring(equals + 1)));
                }

                return false;
            }

            case "HEALTHCHECK":
            case "ONBUILD":
                words.Add(arguments);
                return false;

            case "MAINTAINER":
            case "STOPSIGNAL":
            case "USER":
            case "WORKDIR":
                if (arguments.Length > 0)
                {
                    words.Add(arguments);
                }

                return false;

            default:
                Problems.Add(new DockerfileProblem(line, $"unknown instruction: {keyword}"));
                words.Add(arguments);
                return false;
        }
    }

    /// <summary>Reads the here-documents the instruction opens from the lines after <paramref name="lastLine"/>; returns the new last line.</summary>
    private int ReadHeredocs(string instruction, int lastLine, int startLine, List<DockerfileHeredoc> heredocs)
    {
        int i = lastLine;
        foreach (string word in DockerfileWords.QuoteAwareWords(instruction, '\\'))
        {
            Match match = HeredocWord.Match(word);
            if (!match.Success || match.Groups[3].Value.Length == 0)
            {
                continue;
            }

            bool chomp = match.Groups[2].Value == "-";
            string written = match.Groups[3].Value;
            string name = written.Replace("\"", string.Empty).Replace("'", string.Empty);
            if (name.Length == 0 || DockerfileWords.SplitOnWhitespace(name).Count != 1)
            {
                continue;
            }

            var content = new StringBuilder();
            bool terminated = false;
            int contentLine = i + 2;
            while (i + 1 < _lines.Length)
            {
                string line = _lines[++i];
                string candidate = chomp ? line.TrimStart('\t') : line;
                if (candidate == name)
                {
                    terminated = true;
                    break;
                }

                content.Append(line).Append('\n');
            }

            if (!terminated)
            {
                Problems.Add(new DockerfileProblem(startLine, $"unterminated heredoc: no line '{name}' ends it"));
            }

            heredocs.Add(new DockerfileHeredoc(name, content.ToString(), written.Length == name.Length, chomp, contentLine));
        }

        return i;
    }
}
