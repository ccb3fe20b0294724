using System;

namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>Reads the database file of an SQLite connection string (<c>Data Source=app.db;Mode=ReadWriteCreate</c>).</summary>
internal static class SqliteConnectionString
{
    /// <summary>
    /// The file an SQLite connection string opens for writing, or null: no data source, an in-memory database
    /// (<c>:memory:</c>, <c>Mode=Memory</c>), a read-only one (<c>Mode=ReadOnly</c>), or a URI.
    /// </summary>
    public static string? WrittenFile(string connectionString)
    {
        string? dataSource = null;
        foreach (string part in connectionString.Split(';'))
        {
            int equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            string key = part.Substring(0, equals).Trim().Replace(" ", string.Empty);
            string value = part.Substring(equals + 1).Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                value = value.Substring(1, value.Length - 2);
            }

            if (key.Equals("DataSource", StringComparison.OrdinalIgnoreCase) || key.Equals("Filename", StringComparison.OrdinalIgnoreCase))
            {
                dataSource = value;
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

        return dataSource;
    }
}
