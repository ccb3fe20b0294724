using System.Collections.Generic;
using System.Text;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// The SDK's <c>ContainerEnvironmentVariable</c> items (the environment SDK container publishing gives the image) as the
/// package hands them to the analyzers, which see no MSBuild items: a file in obj/ passed as an AdditionalFile, one
/// <c>NAME=value</c> per line, <c>\</c> written <c>\\</c>, a line feed <c>\n</c>, a carriage return <c>\r</c>.
/// </summary>
public static class ContainerEnvironmentFile
{
    /// <summary>The file's name (it holds <c>volumegen</c>, so no container-file or configuration rule takes it).</summary>
    public const string FileName = "ContainerEnvironmentVariables.volumegen.env";

    /// <summary>The file's text for <paramref name="variables"/>, in order; variables without a name are left out.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var text = new StringBuilder();
        foreach (KeyValuePair<string, string> variable in variables)
        {
            string name = variable.Key.Trim();
            if (name.Length == 0 || name.IndexOf('=') >= 0)
            {
                continue;
            }

            text.Append(Escape(name)).Append('=').Append(Escape(variable.Value ?? string.Empty)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The variables of a file written by <see cref="Format"/>, in order, each with its 1-based line.</summary>
    public static IReadOnlyList<(string Name, string Value, int Line)> Parse(string text)
    {
        var variables = new List<(string, string, int)>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            int equals = line.IndexOf('=');
            if (equals > 0)
            {
                variables.Add((Unescape(line.Substring(0, equals)), Unescape(line.Substring(equals + 1)), i + 1));
            }
        }

        return variables;
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r");

    private static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                char next = value[++i];
                text.Append(next switch { 'n' => '\n', 'r' => '\r', _ => next });
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }
}
