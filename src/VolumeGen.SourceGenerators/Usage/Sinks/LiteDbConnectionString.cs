using System;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;

namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>
/// Reads (and rewrites) the data file of a LiteDB connection string: a plain file name (<c>app.db</c>) or
/// <c>Filename=app.db;Connection=shared</c>. <c>:memory:</c>, <c>:temp:</c> and <c>ReadOnly=true</c> write no file.
/// </summary>
internal static class LiteDbConnectionString
{
    /// <summary>The file LiteDB writes, or null.</summary>
    public static string? WrittenFile(string connectionString)
    {
        string trimmed = connectionString.Trim();
        string? file = null;
        if (trimmed.IndexOf('=') < 0)
        {
            file = trimmed;
        }
        else
        {
            foreach (string part in trimmed.Split(';'))
            {
                int equals = part.IndexOf('=');
                if (equals <= 0 || PathValue.HasUnknown(part.Substring(0, equals)))
                {
                    // An option known only at run time may be ReadOnly=true or another file: nothing can be told.
                    if (PathValue.HasUnknown(part))
                    {
                        return null;
                    }

                    continue;
                }

                string key = part.Substring(0, equals).Trim();
                string value = Unquote(part.Substring(equals + 1).Trim());
                if (key.Equals("Filename", StringComparison.OrdinalIgnoreCase))
                {
                    file = value;
                }
                else if (PathValue.HasUnknown(value))
                {
                    return null;
                }
                else if ((key.Equals("ReadOnly", StringComparison.OrdinalIgnoreCase) || key.Equals("Read Only", StringComparison.OrdinalIgnoreCase))
                    && value.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }
        }

        return file is null || file.Length == 0 || file.Equals(":memory:", StringComparison.OrdinalIgnoreCase) || file.Equals(":temp:", StringComparison.OrdinalIgnoreCase)
            ? null
            : file;
    }

    /// <summary>The connection string with its file replaced by <paramref name="file"/>, other options kept; null when it names no file.</summary>
    public static string? ReplaceFile(string connectionString, string file)
    {
        if (connectionString.IndexOf('=') < 0)
        {
            return file;
        }

        string[] parts = connectionString.Split(';');
        for (int i = parts.Length - 1; i >= 0; i--)
        {
            int equals = parts[i].IndexOf('=');
            if (equals > 0 && parts[i].Substring(0, equals).Trim().Equals("Filename", StringComparison.OrdinalIgnoreCase))
            {
                string raw = parts[i].Substring(equals + 1);
                string trimmed = raw.Trim();
                char quote = trimmed.Length >= 2 && (trimmed[0] == '"' || trimmed[0] == '\'') && trimmed[trimmed.Length - 1] == trimmed[0] ? trimmed[0] : '\0';
                string leading = raw.Substring(0, raw.Length - raw.TrimStart().Length);
                parts[i] = parts[i].Substring(0, equals + 1) + leading + (quote == '\0' ? file : quote + file + quote) + raw.Substring(raw.TrimEnd().Length);
                return string.Join(";", parts);
            }
        }

        return null;
    }

    private static string Unquote(string value)
        => value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0] ? value.Substring(1, value.Length - 2) : value;
}
