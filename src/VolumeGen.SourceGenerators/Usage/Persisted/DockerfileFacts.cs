using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// What a Dockerfile says about the final image: its <c>VOLUME</c> paths (every stage the final stage builds
/// on), the final <c>WORKDIR</c> and <c>USER</c>. Lines inside the VolumeGen-generated region are skipped: they
/// repeat the C# declarations, which the manifest already carries.
/// </summary>
internal sealed class DockerfileFacts
{
    private DockerfileFacts(IReadOnlyList<string> volumes, string? workingDirectory, string? user)
    {
        Volumes = volumes;
        WorkingDirectory = workingDirectory;
        User = user;
    }

    /// <summary>An empty result (no Dockerfile, or nothing readable in it).</summary>
    public static DockerfileFacts Empty { get; } = new(Array.Empty<string>(), null, null);

    /// <summary>Normalised absolute <c>VOLUME</c> paths of the final stage (inherited ones included).</summary>
    public IReadOnlyList<string> Volumes { get; }

    /// <summary>The final stage's <c>WORKDIR</c>, or null when it sets none.</summary>
    public string? WorkingDirectory { get; }

    /// <summary>The final stage's <c>USER</c> (as written, e.g. <c>$APP_UID</c>), or null when it sets none.</summary>
    public string? User { get; }

    /// <summary>Reads a Dockerfile. Never throws: what cannot be understood is skipped.</summary>
    public static DockerfileFacts Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }

        char escape = ReadEscapeDirective(text);
        var stages = new Dictionary<string, Stage>(StringComparer.OrdinalIgnoreCase);
        Stage? current = null;
        int stageIndex = 0;
        foreach (string instruction in Instructions(text, escape))
        {
            string keyword = FirstWord(instruction, out string rest);
            switch (keyword.ToUpperInvariant())
            {
                case "FROM":
                    current = StartStage(rest, stages, stageIndex++);
                    break;
                case "WORKDIR" when current is not null:
                    string? dir = Unquote(Substitute(rest.Trim(), current));
                    if (dir is { Length: > 0 })
                    {
                        current.WorkingDirectory = ContainerPath.Resolve(current.WorkingDirectory ?? "/", dir);
                    }

                    break;
                case "USER" when current is not null:
                    string user = rest.Trim();
                    int colon = user.IndexOf(':');
                    string name = colon >= 0 ? user.Substring(0, colon) : user;
                    current.User = name.Length > 0 ? name : current.User;
                    break;
                case "ENV" when current is not null:
                    ReadEnv(rest, current);
                    break;
                case "ARG" when current is not null:
                    ReadArg(rest, current);
                    break;
                case "VOLUME" when current is not null:
                    foreach (string path in VolumeWords(rest))
                    {
                        string? value = Substitute(path, current);
                        if (value is { Length: > 0 } && value.IndexOf('$') < 0)
                        {
                            current.Volumes.Add(ContainerPath.Resolve(current.WorkingDirectory ?? "/", value));
                        }
                    }

                    break;
            }
        }

        if (current is null)
        {
            return Empty;
        }

        var volumes = new List<string>();
        foreach (string volume in current.Volumes)
        {
            if (!volumes.Contains(volume))
            {
                volumes.Add(volume);
            }
        }

        return new DockerfileFacts(volumes, current.WorkingDirectory, current.User);
    }

    private static Stage StartStage(string rest, Dictionary<string, Stage> stages, int index)
    {
        // FROM [--platform=...] image [AS name]
        var words = new List<string>();
        foreach (string word in rest.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(word);
            }
        }

        Stage stage = words.Count > 0 && stages.TryGetValue(words[0], out Stage? parent) ? parent.Copy() : new Stage();
        if (words.Count >= 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase))
        {
            stages[words[2]] = stage;
        }

        stages[index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = stage;
        return stage;
    }

    private static void ReadEnv(string rest, Stage stage)
    {
        string trimmed = rest.Trim();
        int equals = trimmed.IndexOf('=');
        int space = trimmed.IndexOfAny(new[] { ' ', '\t' });
        if (equals > 0 && (space < 0 || equals < space))
        {
            foreach (string pair in SplitWords(trimmed))
            {
                int eq = pair.IndexOf('=');
                if (eq > 0)
                {
                    stage.Variables[pair.Substring(0, eq)] = Unquote(pair.Substring(eq + 1)) ?? string.Empty;
                }
            }
        }
        else if (space > 0)
        {
            stage.Variables[trimmed.Substring(0, space)] = Unquote(trimmed.Substring(space + 1).Trim()) ?? string.Empty;
        }
    }

    private static void ReadArg(string rest, Stage stage)
    {
        string trimmed = rest.Trim();
        int eq = trimmed.IndexOf('=');
        if (eq > 0)
        {
            string name = trimmed.Substring(0, eq);
            if (!stage.Variables.ContainsKey(name))
            {
                stage.Variables[name] = Unquote(trimmed.Substring(eq + 1).Trim()) ?? string.Empty;
            }
        }
    }

    /// <summary>Replaces <c>$NAME</c> and <c>${NAME}</c> known in the stage; unknown references stay (and make the path unusable).</summary>
    private static string? Substitute(string? value, Stage stage)
    {
        if (value is null || value.IndexOf('$') < 0)
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c != '$' || i + 1 >= value.Length)
            {
                result.Append(c);
                continue;
            }

            int start = i + 1;
            bool braced = value[start] == '{';
            if (braced)
            {
                start++;
            }

            int end = start;
            while (end < value.Length && (char.IsLetterOrDigit(value[end]) || value[end] == '_'))
            {
                end++;
            }

            string name = value.Substring(start, end - start);
            if (name.Length == 0 || (braced && (end >= value.Length || value[end] != '}')) || !stage.Variables.TryGetValue(name, out string? replacement))
            {
                result.Append(c);
                continue;
            }

            result.Append(replacement);
            i = braced ? end : end - 1;
        }

        return result.ToString();
    }

    private static IEnumerable<string> VolumeWords(string rest)
    {
        string trimmed = rest.Trim();
        var words = new List<string>();
        if (trimmed.StartsWith("[", StringComparison.Ordinal) && TryParseJsonArray(trimmed, words))
        {
            return words;
        }

        // Docker treats a VOLUME argument that is not valid JSON as the plain form.
        foreach (string word in SplitWords(trimmed))
        {
            string? unquoted = Unquote(word);
            if (unquoted is not null)
            {
                words.Add(unquoted);
            }
        }

        return words;
    }

    private static bool TryParseJsonArray(string text, List<string> words)
    {
        object? parsed;
        try
        {
            parsed = Json.Parse(text);
        }
        catch (FormatException)
        {
            return false;
        }

        if (parsed is not List<object?> items)
        {
            return false;
        }

        foreach (object? item in items)
        {
            if (item is string path)
            {
                words.Add(path);
            }
        }

        return true;
    }

    private static List<string> SplitWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char quote = '\0';
        foreach (char c in text)
        {
            if (quote != '\0')
            {
                word.Append(c);
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is ' ' or '\t')
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                if (c is '"' or '\'')
                {
                    quote = c;
                }

                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string? Unquote(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
        {
            return value.Substring(1, value.Length - 2);
        }

        return value;
    }

    private static string FirstWord(string instruction, out string rest)
    {
        string trimmed = instruction.TrimStart();
        int end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        rest = trimmed.Substring(end);
        return trimmed.Substring(0, end);
    }

    private static char ReadEscapeDirective(string text)
    {
        // Parser directives come first, as "# escape=`" comments before any instruction.
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (!line.StartsWith("#", StringComparison.Ordinal))
            {
                break;
            }

            string directive = line.Substring(1).Replace(" ", string.Empty).Replace("\t", string.Empty);
            if (directive.StartsWith("escape=", StringComparison.OrdinalIgnoreCase) && directive.Length == "escape=".Length + 1)
            {
                return directive[directive.Length - 1];
            }
        }

        return '\\';
    }

    /// <summary>Logical instructions: comments dropped, continuation lines joined, the VolumeGen region skipped.</summary>
    private static IEnumerable<string> Instructions(string text, char escape)
    {
        var current = new StringBuilder();
        bool inGeneratedRegion = false;
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            string trimmed = line.Trim();
            if (trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                if (trimmed.StartsWith("# >>> VolumeGen", StringComparison.Ordinal))
                {
                    inGeneratedRegion = true;
                }
                else if (trimmed.StartsWith("# <<< VolumeGen", StringComparison.Ordinal))
                {
                    inGeneratedRegion = false;
                }

                continue;
            }

            if (inGeneratedRegion)
            {
                continue;
            }

            string content = line.TrimEnd();
            if (content.Length > 0 && content[content.Length - 1] == escape)
            {
                current.Append(content, 0, content.Length - 1).Append(' ');
                continue;
            }

            current.Append(content);
            if (current.ToString().Trim().Length > 0)
            {
                yield return current.ToString();
            }

            current.Clear();
        }

        if (current.ToString().Trim().Length > 0)
        {
            yield return current.ToString();
        }
    }

    private sealed class Stage
    {
        public string? WorkingDirectory { get; set; }

        public string? User { get; set; }

        public List<string> Volumes { get; } = new();

        public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

        public Stage Copy()
        {
            var copy = new Stage { WorkingDirectory = WorkingDirectory, User = User };
            copy.Volumes.AddRange(Volumes);
            foreach (KeyValuePair<string, string> variable in Variables)
            {
                copy.Variables[variable.Key] = variable.Value;
            }

            return copy;
        }
    }
}
