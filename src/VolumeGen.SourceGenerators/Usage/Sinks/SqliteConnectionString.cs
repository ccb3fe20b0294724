using System;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;

namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>Reads (and rewrites) the database file of an SQLite connection string (<c>Data Source=app.db;Mode=ReadWriteCreate</c>).</summary>
internal static class SqliteConnectionString
{
    private const string DataDirectory = "|DataDirectory|";

    /// <summary>
    /// The file an SQLite connection string opens for writing, or null: no data source, an in-memory database
    /// (<c>:memory:</c>, <c>Mode=Memory</c>), a read-only one (<c>Mode=ReadOnly</c>), or a URI. A leading
    /// <c>|DataDirectory|</c> is the app's base directory, as Microsoft.Data.Sqlite expands it.
    /// </summary>
    public static string? WrittenFile(string connectionString)
    {
        string? dataSource = null;
        foreach (string part in connectionString.Split(';'))
        {
            int equals = part.IndexOf('=');
            if (equals <= 0 || PathValue.HasUnknown(part.Substring(0, equals)))
            {
                // An option known only at run time may be Mode=Memory or another data source: nothing can be told.
                if (PathValue.HasUnknown(part))
                {
                    return null;
                }

                continue;
            }

            string key = part.Substring(0, equals).Trim().Replace(" ", string.Empty);
            string value = Unquote(part.Substring(equals + 1).Trim());
            if (IsDataSourceKey(key))
            {
                dataSource = value;
            }
            else if (PathValue.HasUnknown(value))
            {
                return null;
            }
            else if (key.Equals("Mode", StringComparison.OrdinalIgnoreCase)
                && (value.Equals("Memory", StringComparison.OrdinalIgnoreCase) || value.Equals("ReadOnly", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            else if (key.Equals("ReadOnly", StringComparison.OrdinalIgnoreCase) && value.Equals("True", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        if (dataSource is null || dataSource.Length == 0 || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (dataSource.StartsWith(DataDirectory, StringComparison.OrdinalIgnoreCase))
        {
            // Path.Combine(AppContext.BaseDirectory, rest): a rooted rest replaces the base, as on Linux.
            string rest = dataSource.Substring(DataDirectory.Length);
            return PathValue.Combine(PathValue.WorkingDirectoryRoot + "/", rest);
        }

        return dataSource;
    }

    /// <summary>
    /// <paramref name="connectionString"/> with its data source replaced by <paramref name="file"/>, every other option and
    /// the key's spelling kept (<c>DataSource=app.db;Cache=Shared</c> → <c>DataSource=/app/data/app.db;Cache=Shared</c>);
    /// null when it has no data source.
    /// </summary>
    public static string? ReplaceDataSource(string connectionString, string file)
    {
        string[] parts = connectionString.Split(';');
        int found = -1;
        for (int i = 0; i < parts.Length; i++)
        {
            int equals = parts[i].IndexOf('=');
            if (equals > 0 && IsDataSourceKey(parts[i].Substring(0, equals).Trim().Replace(" ", string.Empty)))
            {
                found = i; // the last one wins, as in WrittenFile
            }
        }

        if (found < 0)
        {
            return null;
        }

        string part = parts[found];
        int at = part.IndexOf('=');
        string raw = part.Substring(at + 1);
        string trimmed = raw.Trim();
        char quote = trimmed.Length >= 2 && (trimmed[0] == '"' || trimmed[0] == '\'') && trimmed[trimmed.Length - 1] == trimmed[0] ? trimmed[0] : '\0';
        string leading = raw.Substring(0, raw.Length - raw.TrimStart().Length);
        string value = quote == '\0' ? file : quote + file + quote;
        parts[found] = part.Substring(0, at + 1) + leading + value + raw.Substring(raw.TrimEnd().Length);
        return string.Join(";", parts);
    }

    private static bool IsDataSourceKey(string key)
        => key.Equals("DataSource", StringComparison.OrdinalIgnoreCase) || key.Equals("Filename", StringComparison.OrdinalIgnoreCase);

    private static string Unquote(string value)
        => value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0] ? value.Substring(1, value.Length - 2) : value;
}
