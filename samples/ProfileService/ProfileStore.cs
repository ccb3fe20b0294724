using Microsoft.Data.Sqlite;

namespace ProfileService;

/// <summary>A registered user.</summary>
public sealed record Profile(string Name, string Email, DateTimeOffset Registered);

/// <summary>Profiles in SQLite and avatars as files, both under the persistent data folder.</summary>
public sealed class ProfileStore
{
    /// <summary>The largest avatar accepted.</summary>
    public const long MaxAvatarBytes = 1024 * 1024;

    private readonly string _connectionString;

    public ProfileStore(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(Path.Combine(dataDirectory, "avatars"));
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "profiles.db") }.ToString();
        using SqliteConnection connection = Open();
        using SqliteCommand create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE IF NOT EXISTS profiles (name TEXT PRIMARY KEY, email TEXT NOT NULL, registered TEXT NOT NULL)";
        create.ExecuteNonQuery();
    }

    public string DataDirectory { get; }

    /// <summary>True when the name is a URL-safe handle: 1-40 of a-z, 0-9 and '-'.</summary>
    public static bool IsValidName(string? name)
        => name is { Length: > 0 and <= 40 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>Adds a profile; false when the name is taken.</summary>
    public bool TryAdd(string name, string email)
    {
        using SqliteConnection connection = Open();
        using SqliteCommand insert = connection.CreateCommand();
        insert.CommandText = "INSERT OR IGNORE INTO profiles (name, email, registered) VALUES ($name, $email, $registered)";
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$email", email);
        insert.Parameters.AddWithValue("$registered", DateTimeOffset.UtcNow.ToString("O"));
        return insert.ExecuteNonQuery() == 1;
    }

    public Profile? Find(string name)
    {
        using SqliteConnection connection = Open();
        using SqliteCommand select = connection.CreateCommand();
        select.CommandText = "SELECT name, email, registered FROM profiles WHERE name = $name";
        select.Parameters.AddWithValue("$name", name);
        using SqliteDataReader reader = select.ExecuteReader();
        return reader.Read() ? new Profile(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    public string AvatarPath(string name) => Path.Combine(DataDirectory, "avatars", name + ".img");

    public async Task SaveAvatarAsync(string name, Stream content)
    {
        // Temp file + rename: a crash mid-upload never leaves half an avatar.
        string path = AvatarPath(name);
        string temporary = path + ".upload";
        await using (FileStream file = File.Create(temporary))
        {
            await content.CopyToAsync(file);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
