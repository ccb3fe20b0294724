using System;
using System.Collections.Generic;
using System.Linq;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// Adds the two VolumeGen marker lines to a Dockerfile that has none, so the build writes the declared volumes into
/// the image (without them the build only warns, VG3001). Placed where the final image is still built as root — before
/// the first <c>USER</c> that switches away from root in the final stage or the stages it starts <c>FROM</c> (the
/// Visual Studio Dockerfile's <c>base</c> stage) — so an ownership step in the block can create and chown the
/// folders; with no such <c>USER</c>, before the final stage's <c>ENTRYPOINT</c>/<c>CMD</c>.
/// </summary>
internal static class DockerfileMarkers
{
    /// <summary>The begin marker line's start; the same text as the build task's <c>DockerfileRegion.BeginMarker</c>.</summary>
    public const string BeginMarker = "# >>> VolumeGen";

    /// <summary>The end marker line; the same text as the build task's <c>DockerfileRegion.EndMarker</c>.</summary>
    public const string EndMarker = "# <<< VolumeGen";

    /// <summary>The text with the markers added, or null when it has markers already or holds no <c>FROM</c>.</summary>
    public static string? Insert(string text)
    {
        string[] lines = text.Split('\n');
        if (lines.Any(static l => l.TrimStart().StartsWith(BeginMarker, StringComparison.Ordinal) || l.TrimStart().StartsWith(EndMarker, StringComparison.Ordinal)))
        {
            return null;
        }

        List<Instruction> instructions = Read(lines);
        int line = Placement(instructions);
        if (line < 0)
        {
            return null;
        }

        string newLine = text.Contains("\r\n") ? "\r\n" : "\n";
        string eol = newLine == "\r\n" ? "\r" : string.Empty; // the split kept '\r' at each line's end
        var output = new List<string>(lines.Length + 2);
        for (int i = 0; i < lines.Length; i++)
        {
            if (i == line)
            {
                output.Add(BeginMarker + eol);
                output.Add(EndMarker + eol);
            }

            output.Add(lines[i]);
        }

        if (line >= lines.Length)
        {
            // At the end: after the last line, which may lack its line break.
            if (output.Count > 0 && output[output.Count - 1].Length == 0)
            {
                output.RemoveAt(output.Count - 1);
            }

            output.Add(BeginMarker + eol);
            output.Add(EndMarker + eol);
            output.Add(string.Empty);
        }

        return string.Join("\n", output);
    }

    /// <summary>The physical line before which the markers go, or -1.</summary>
    private static int Placement(List<Instruction> instructions)
    {
        var stages = new List<Stage>();
        foreach (Instruction instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                string[] words = instruction.Arguments.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Where(static w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
                string image = words.Length > 0 ? words[0] : string.Empty;
                string? name = words.Length >= 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                stages.Add(new Stage(image, name));
            }

            if (stages.Count > 0)
            {
                stages[stages.Count - 1].Instructions.Add(instruction);
            }
        }

        if (stages.Count == 0)
        {
            return -1;
        }

        // The final stage and the stages it is built FROM, oldest first.
        var chain = new List<Stage>();
        for (Stage? stage = stages[stages.Count - 1]; stage is not null && !chain.Contains(stage);)
        {
            chain.Insert(0, stage);
            int index = stages.IndexOf(stage);
            string parent = stage.Image;
            stage = stages.Take(index).LastOrDefault(s => s.Name is not null && string.Equals(s.Name, parent, StringComparison.OrdinalIgnoreCase));
        }

        foreach (Stage stage in chain)
        {
            foreach (Instruction instruction in stage.Instructions)
            {
                if (instruction.Keyword == "USER" && !IsRoot(instruction.Arguments))
                {
                    return instruction.FirstLine;
                }
            }
        }

        Stage final = chain[chain.Count - 1];
        Instruction? start = final.Instructions.FirstOrDefault(static i => i.Keyword is "ENTRYPOINT" or "CMD");
        return start?.FirstLine ?? final.Instructions[final.Instructions.Count - 1].LastLine + 1;
    }

    private static bool IsRoot(string user)
    {
        string name = user.Trim().Split(':')[0];
        return name is "root" or "0";
    }

    /// <summary>The instructions with their physical lines: comments and blank lines skipped, continuations joined.</summary>
    private static List<Instruction> Read(string[] lines)
    {
        char escape = '\\';
        var instructions = new List<Instruction>();
        bool directives = true;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            string trimmed = line.Trim();
            if (directives && trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                string directive = trimmed.Substring(1).Trim();
                if (directive.StartsWith("escape", StringComparison.OrdinalIgnoreCase) && directive.IndexOf('=') is int equals and > 0)
                {
                    string value = directive.Substring(equals + 1).Trim();
                    if (value.Length == 1)
                    {
                        escape = value[0];
                    }
                }

                continue;
            }

            directives = false;
            if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            int first = i;
            var text = new System.Text.StringBuilder();
            string current = trimmed;
            while (current.EndsWith(escape.ToString(), StringComparison.Ordinal) && i + 1 < lines.Length)
            {
                text.Append(current, 0, current.Length - 1).Append(' ');
                i++;
                current = lines[i].TrimEnd('\r').Trim();
                while (current.StartsWith("#", StringComparison.Ordinal) && i + 1 < lines.Length)
                {
                    i++;
                    current = lines[i].TrimEnd('\r').Trim();
                }
            }

            text.Append(current);
            string joined = text.ToString().Trim();
            int space = joined.IndexOfAny(new[] { ' ', '\t' });
            string keyword = (space < 0 ? joined : joined.Substring(0, space)).ToUpperInvariant();
            string arguments = space < 0 ? string.Empty : joined.Substring(space + 1).Trim();
            instructions.Add(new Instruction(keyword, arguments, first, i));
        }

        return instructions;
    }

    private sealed class Instruction
    {
        public Instruction(string keyword, string arguments, int firstLine, int lastLine)
        {
            Keyword = keyword;
            Arguments = arguments;
            FirstLine = firstLine;
            LastLine = lastLine;
        }

        public string Keyword { get; }

        public string Arguments { get; }

        public int FirstLine { get; }

        public int LastLine { get; }
    }

    private sealed class Stage
    {
        public Stage(string image, string? name)
        {
            Image = image;
            Name = name;
        }

        public string Image { get; }

        public string? Name { get; }

        public List<Instruction> Instructions { get; } = new();
    }
}
