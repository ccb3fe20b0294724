using System;
using System.Collections.Generic;

namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>
/// The members that write data to a path: data, not code paths. Matched by metadata name strings, so no
/// package (Microsoft.Data.Sqlite, System.Data.SQLite, EF Core, LiteDB, Serilog, ASP.NET Core) is a dependency. Reads are not in the table: they never warn.
/// Users add rows with <c>volumegen.additional_sinks</c> (<see cref="ParseAdditional"/>).
/// </summary>
internal static class SinkTable
{
    private const string File = "System.IO.File";
    private const string Directory = "System.IO.Directory";
    private const string FileInfo = "System.IO.FileInfo";
    private const string DirectoryInfo = "System.IO.DirectoryInfo";
    private const string ZipFile = "System.IO.Compression.ZipFile";
    private const string ZipFileExtensions = "System.IO.Compression.ZipFileExtensions";

    /// <summary>Every built-in sink.</summary>
    public static IReadOnlyList<SinkEntry> BuiltIn { get; } = CreateBuiltIn();

    private static List<SinkEntry> CreateBuiltIn()
    {
        var rows = new List<SinkEntry>();
        foreach (string name in new[]
        {
            "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync",
            "AppendAllText", "AppendAllTextAsync", "AppendAllBytes", "AppendAllBytesAsync", "AppendAllLines", "AppendAllLinesAsync",
            "Create", "CreateText", "AppendText", "OpenWrite", "CreateSymbolicLink",
        })
        {
            rows.Add(Method(File, name, "path"));
        }

        rows.Add(Method(File, "Open", "path", condition: SinkCondition.FileModeOrAccess));
        rows.Add(Method(File, "OpenHandle", "path", condition: SinkCondition.FileModeOrAccess));
        rows.Add(Method(File, "Copy", "destFileName"));
        rows.Add(Method(File, "Move", "destFileName"));
        rows.Add(Method(File, "Replace", "destinationFileName"));
        rows.Add(Method(File, "Replace", "destinationBackupFileName"));

        rows.Add(Method(Directory, "CreateDirectory", "path", shape: SinkPathShape.CreatedDirectory));
        rows.Add(Method(Directory, "Move", "destDirName", shape: SinkPathShape.Directory));
        rows.Add(Method(Directory, "CreateSymbolicLink", "path"));

        rows.Add(Constructor("System.IO.FileStream", "path", condition: SinkCondition.FileModeOrAccess));
        rows.Add(Constructor("System.IO.StreamWriter", "path"));

        foreach (string name in new[] { "Create", "CreateText", "AppendText", "OpenWrite" })
        {
            rows.Add(new SinkEntry(FileInfo, name, SinkMemberKind.Method, null, SinkPathSource.Instance));
        }

        rows.Add(new SinkEntry(FileInfo, "Open", SinkMemberKind.Method, null, SinkPathSource.Instance, condition: SinkCondition.FileModeOrAccess));
        rows.Add(Method(FileInfo, "CopyTo", "destFileName"));
        rows.Add(Method(FileInfo, "MoveTo", "destFileName"));
        rows.Add(Method(FileInfo, "Replace", "destinationFileName"));
        rows.Add(new SinkEntry(DirectoryInfo, "Create", SinkMemberKind.Method, null, SinkPathSource.Instance, SinkPathShape.CreatedDirectory));
        rows.Add(new SinkEntry(DirectoryInfo, "CreateSubdirectory", SinkMemberKind.Method, "path", SinkPathSource.InstanceAndArgument, SinkPathShape.CreatedDirectory));
        rows.Add(Method(DirectoryInfo, "MoveTo", "destDirName", shape: SinkPathShape.Directory));

        rows.Add(Method(ZipFile, "CreateFromDirectory", "destinationArchiveFileName"));
        rows.Add(Method(ZipFile, "ExtractToDirectory", "destinationDirectoryName", shape: SinkPathShape.Directory));
        rows.Add(Method(ZipFile, "Open", "archiveFileName", condition: SinkCondition.ZipArchiveMode));
        rows.Add(Method(ZipFileExtensions, "ExtractToFile", "destinationFileName"));
        rows.Add(Method(ZipFileExtensions, "ExtractToDirectory", "destinationDirectoryName", shape: SinkPathShape.Directory));

        rows.Add(Method("System.Xml.Linq.XDocument", "Save", "fileName"));
        rows.Add(Method("System.Xml.Linq.XElement", "Save", "fileName"));
        rows.Add(Method("System.Xml.XmlDocument", "Save", "filename"));
        rows.Add(Method("System.Xml.XmlWriter", "Create", "outputFileName"));

        rows.Add(Constructor("Microsoft.Data.Sqlite.SqliteConnection", "connectionString", SinkPathShape.SqliteConnectionString));
        rows.Add(Property("Microsoft.Data.Sqlite.SqliteConnection", "ConnectionString", SinkPathShape.SqliteConnectionString));
        rows.Add(Constructor("Microsoft.Data.Sqlite.SqliteConnectionStringBuilder", "connectionString", SinkPathShape.SqliteConnectionString));
        rows.Add(Property("Microsoft.Data.Sqlite.SqliteConnectionStringBuilder", "DataSource", SinkPathShape.File));
        rows.Add(Property("Microsoft.Data.Sqlite.SqliteConnectionStringBuilder", "ConnectionString", SinkPathShape.SqliteConnectionString));
        rows.Add(Constructor("System.Data.SQLite.SQLiteConnection", "connectionString", SinkPathShape.SqliteConnectionString));
        rows.Add(Property("System.Data.SQLite.SQLiteConnection", "ConnectionString", SinkPathShape.SqliteConnectionString));

        // EF Core: every UseSqlite overload with a connection string (generic and not, one extension class); the
        // DbConnection overloads are covered by the SqliteConnection that is passed.
        rows.Add(Method("Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions", "UseSqlite", "connectionString", SinkPathShape.SqliteConnectionString, displayName: "UseSqlite"));
        rows.Add(Method("Microsoft.Extensions.DependencyInjection.SqliteServiceCollectionExtensions", "AddSqlite", "connectionString", SinkPathShape.SqliteConnectionString, displayName: "AddSqlite"));

        // LiteDB: a file name or "Filename=...;..." (":memory:", ":temp:" and ReadOnly write nothing).
        rows.Add(Constructor("LiteDB.LiteDatabase", "connectionString", SinkPathShape.LiteDbConnectionString));
        rows.Add(Constructor("LiteDB.LiteRepository", "connectionString", SinkPathShape.LiteDbConnectionString));
        rows.Add(Constructor("LiteDB.ConnectionString", "connectionString", SinkPathShape.LiteDbConnectionString));
        rows.Add(Property("LiteDB.ConnectionString", "Filename", SinkPathShape.File));

        // Serilog's file sink in code (its configuration section is read at ReadFrom.Configuration).
        rows.Add(Method("Serilog.FileLoggerConfigurationExtensions", "File", "path", displayName: "WriteTo.File"));

        // Data Protection's key ring folder: losing it logs everyone out.
        rows.Add(new SinkEntry("Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions", "PersistKeysToFileSystem", SinkMemberKind.Method, "directory",
            SinkPathSource.FileSystemInfoArgument, SinkPathShape.Directory, displayName: "PersistKeysToFileSystem", data: SinkData.KeyRing));
        return rows;
    }

    /// <summary>
    /// Parses <c>volumegen.additional_sinks</c>: comma-separated <c>Namespace.Type.Member:parameter</c> entries
    /// (<c>Namespace.Type..ctor:parameter</c> for a constructor). A parameter ending in <c>/</c> names a folder.
    /// Malformed entries are skipped.
    /// </summary>
    public static IReadOnlyList<SinkEntry> ParseAdditional(string? option)
    {
        var rows = new List<SinkEntry>();
        if (option is null)
        {
            return rows;
        }

        foreach (string raw in option.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string entry = raw.Trim();
            int colon = entry.LastIndexOf(':');
            if (colon <= 0 || colon == entry.Length - 1)
            {
                continue;
            }

            string member = entry.Substring(0, colon).Trim();
            string parameter = entry.Substring(colon + 1).Trim();
            SinkPathShape shape = SinkPathShape.File;
            if (parameter.EndsWith("/", StringComparison.Ordinal))
            {
                shape = SinkPathShape.Directory;
                parameter = parameter.Substring(0, parameter.Length - 1);
            }

            bool constructor = member.EndsWith("..ctor", StringComparison.Ordinal);
            int split = constructor ? member.Length - "..ctor".Length : member.LastIndexOf('.');
            if (split <= 0 || parameter.Length == 0)
            {
                continue;
            }

            string type = member.Substring(0, split);
            string name = constructor ? ".ctor" : member.Substring(split + 1);
            if (name.Length == 0)
            {
                continue;
            }

            rows.Add(new SinkEntry(type, name, constructor ? SinkMemberKind.Constructor : SinkMemberKind.Method, parameter, shape: shape));
        }

        return rows;
    }

    private static SinkEntry Method(string type, string name, string parameter, SinkPathShape shape = SinkPathShape.File, SinkCondition condition = SinkCondition.Always, string? displayName = null)
        => new(type, name, SinkMemberKind.Method, parameter, SinkPathSource.Argument, shape, condition, displayName);

    private static SinkEntry Constructor(string type, string parameter, SinkPathShape shape = SinkPathShape.File, SinkCondition condition = SinkCondition.Always)
        => new(type, ".ctor", SinkMemberKind.Constructor, parameter, SinkPathSource.Argument, shape, condition);

    private static SinkEntry Property(string type, string name, SinkPathShape shape)
        => new(type, name, SinkMemberKind.PropertySetter, null, SinkPathSource.Argument, shape);
}
