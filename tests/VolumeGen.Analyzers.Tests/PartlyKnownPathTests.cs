using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// A known folder with a name known only at run time — uploads, exports, avatars — is judged by its folder: each shape
/// once outside every persisted path (reported) and once inside the named volume <c>/app/data</c> (fine). The mounts
/// are the shared ones (<see cref="Sources.StorageAttributes"/>); the working directory is <c>/app</c>.
/// </summary>
public sealed class PartlyKnownPathTests
{
    private static DiagnosticResult VG2001 => Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0);

    [Theory]
    // Path.Combine / Path.Join with an unknown later part
    [InlineData("File.WriteAllText({|#0:Path.Combine(\"/srv/exports\", name)|}, \"x\");", "File.WriteAllText(Path.Combine(\"/app/data/exports\", name), \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(Exports, name, \"a.txt\")|}, \"x\");", "File.WriteAllText(Path.Combine(Data, name, \"a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Join(\"/srv/exports\", name)|}, \"x\");", "File.WriteAllText(Path.Join(\"/app/data\", name), \"x\");")]
    // Interpolation holes, without and with a format
    [InlineData("File.WriteAllText({|#0:$\"{Exports}/{name}\"|}, \"x\");", "File.WriteAllText($\"{Data}/{name}\", \"x\");")]
    [InlineData("File.WriteAllText({|#0:$\"/srv/exports/{n:D4}.txt\"|}, \"x\");", "File.WriteAllText($\"/app/data/{n:D4}.txt\", \"x\");")]
    [InlineData("File.WriteAllText({|#0:$\"/srv/reports/{DateTime.UtcNow:yyyyMMdd}.csv\"|}, \"x\");", "File.WriteAllText($\"/app/data/reports/{DateTime.UtcNow:yyyyMMdd}.csv\", \"x\");")]
    [InlineData("File.WriteAllText({|#0:$\"/srv/{name}\"|}, \"x\");", "File.WriteAllText($\"/app/data/{name}\", \"x\");")]
    // Concatenation
    [InlineData("var dir = \"/srv/exports\"; File.WriteAllText({|#0:dir + \"/\" + name|}, \"x\");", "var dir = \"/app/data\"; File.WriteAllText(dir + \"/\" + name, \"x\");")]
    [InlineData("File.WriteAllText({|#0:\"/srv/reports/\" + n + \".csv\"|}, \"x\");", "File.WriteAllText(\"/app/data/\" + n + \".csv\", \"x\");")]
    [InlineData("File.WriteAllText({|#0:\"/srv/\" + name|}, \"x\");", "File.WriteAllText(\"/app/data/\" + name, \"x\");")]
    // Path.GetFileName of anything, Guid and number parts
    [InlineData("File.WriteAllText({|#0:Path.Combine(\"/srv/uploads\", Path.GetFileName(name))|}, \"x\");", "File.WriteAllText(Path.Combine(\"/app/data/uploads\", Path.GetFileName(name)), \"x\");")]
    [InlineData("File.WriteAllText({|#0:$\"/srv/uploads/{Path.GetFileName(name)}\"|}, \"x\");", "File.WriteAllText($\"/app/data/{Path.GetFileName(name)}\", \"x\");")]
    [InlineData("File.WriteAllBytes({|#0:Path.Combine(\"/srv/uploads\", Guid.NewGuid() + \".png\")|}, new byte[1]);", "File.WriteAllBytes(Path.Combine(\"/app/data\", Guid.NewGuid() + \".png\"), new byte[1]);")]
    [InlineData("File.WriteAllBytes({|#0:Path.Combine(\"/srv/uploads\", $\"{Guid.NewGuid():N}{ext}\")|}, new byte[1]);", "File.WriteAllBytes(Path.Combine(\"/app/data\", $\"{Guid.NewGuid():N}{ext}\"), new byte[1]);")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(\"/srv/reports\", n.ToString())|}, \"x\");", "File.WriteAllText(Path.Combine(\"/app/data/reports\", n.ToString()), \"x\");")]
    // string.Replace on a known folder, where the folder survives
    [InlineData("File.WriteAllText({|#0:\"/srv/exports/{name}.txt\".Replace(\"{name}\", name)|}, \"x\");", "File.WriteAllText(\"/app/data/exports/{name}.txt\".Replace(\"{name}\", name), \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(\"/srv/exports\", name).Replace('\\\\', '/')|}, \"x\");", "File.WriteAllText(Path.Combine(\"/app/data\", name).Replace('\\\\', '/'), \"x\");")]
    [InlineData("File.Move(name, {|#0:Path.Combine(\"/srv/done\", name).Replace(\".tmp\", \".csv\")|});", "File.Move(name, Path.Combine(\"/app/data/done\", name).Replace(\".tmp\", \".csv\"));")]
    // Path.ChangeExtension keeps the folder
    [InlineData("File.WriteAllText({|#0:Path.ChangeExtension(Path.Combine(\"/srv/exports\", name), \".bak\")|}, \"x\");", "File.WriteAllText(Path.ChangeExtension(Path.Combine(\"/app/data\", name), \".bak\"), \"x\");")]
    // Other sinks: streams, folders, FileInfo, SQLite
    [InlineData("using var s = new FileStream({|#0:Path.Combine(\"/srv/uploads\", name)|}, FileMode.Create);", "using var s = new FileStream(Path.Combine(\"/app/data/uploads\", name), FileMode.Create);")]
    [InlineData("Directory.CreateDirectory({|#0:Path.Combine(\"/srv/uploads\", name)|});", "Directory.CreateDirectory(Path.Combine(\"/app/data/uploads\", name));")]
    [InlineData("new DirectoryInfo(\"/srv/uploads\").CreateSubdirectory({|#0:name|});", "new DirectoryInfo(\"/app/data\").CreateSubdirectory(name);")]
    [InlineData("using var s = {|#0:new FileInfo(Path.Combine(\"/srv/uploads\", name)).Create()|};", "using var s = new FileInfo(Path.Combine(\"/app/data\", name)).Create();")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection({|#0:$\"Data Source=/srv/db/{name}.db\"|});", "using var c = new Microsoft.Data.Sqlite.SqliteConnection($\"Data Source=/app/data/{name}.db\");")]
    // Under the working directory (a folder the code names, below it)
    [InlineData("File.WriteAllText({|#0:Path.Combine(AppContext.BaseDirectory, \"exports\", name)|}, \"x\");", "File.WriteAllText(Path.Combine(AppContext.BaseDirectory, \"data\", name), \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(env.ContentRootPath, \"exports\", name)|}, \"x\");", "File.WriteAllText(Path.Combine(env.ContentRootPath, \"data\", \"exports\", name), \"x\");")]
    [InlineData("File.WriteAllText({|#0:$\"exports/{name}\"|}, \"x\");", "File.WriteAllText($\"data/exports/{name}\", \"x\");")]
    // A part known to be rooted still resets
    [InlineData("File.WriteAllText({|#0:Path.Combine(\"/app/data\", name, \"/srv/a.txt\")|}, \"x\");", "File.WriteAllText(Path.Combine(\"/srv/exports\", name, \"/app/data/a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(name, \"/srv/exports\", name)|}, \"x\");", "File.WriteAllText(Path.Combine(name, \"/app/data\", name), \"x\");")]
    public async Task A_known_folder_with_a_name_known_only_at_run_time_is_judged_by_its_folder(string outside, string persisted)
    {
        await new UsageTest(Source(outside), VG2001).WithSource(Sources.Stubs).RunAsync();
        await new UsageTest(Source(persisted)).WithSource(Sources.Stubs).RunAsync();
    }

    [Theory]
    [InlineData("File.WriteAllText({|#0:Path.Combine(\"/app/cache\", name)|}, \"x\");", "VG2002")]
    [InlineData("File.WriteAllText({|#0:$\"/app/config/{name}.json\"|}, \"x\");", "VG2003")]
    [InlineData("File.WriteAllText({|#0:\"/app/scratch/\" + Guid.NewGuid()|}, \"x\");", "VG2004")]
    public async Task The_mount_kind_rules_judge_the_known_folder(string statement, string id)
    {
        DiagnosticResult expected = id switch
        {
            "VG2002" => Expect.Diagnostic(DiagnosticDescriptors.WriteIntoAnonymousVolume, 0),
            "VG2003" => Expect.Diagnostic(DiagnosticDescriptors.WriteIntoReadOnlyMount, 0),
            _ => Expect.Diagnostic(DiagnosticDescriptors.WriteIntoTmpfs, 0),
        };
        await new UsageTest(Source(statement), expected).WithSource(Sources.Stubs).RunAsync();
    }

    [Fact]
    public async Task The_message_names_the_known_folder_and_what_is_unknown()
        => await new UsageTest(
            Source("File.WriteAllText({|#0:Path.Combine(\"/srv/exports\", file.FileName)|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath,
                "File.WriteAllText", "/srv/exports/{file.FileName}", "/srv/exports/{file.FileName}",
                "declare [PersistentVolume(\"/srv/exports\")] on the storage class, or [assembly: EphemeralPath(\"/srv/exports\")] if losing it is intended"))
            .WithSource(Sources.Stubs).RunAsync();

    [Fact]
    public async Task Under_the_working_directory_the_message_names_the_folder_and_proposes_the_data_root()
        => await new UsageTest(
            Source("File.WriteAllText({|#0:$\"{env.ContentRootPath}/exports/{n:D4}.csv\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath,
                "File.WriteAllText", "<working directory>/exports/{n:D4}.csv", "/app/exports/{n:D4}.csv",
                "keep the app's data in one folder: move it into '/app/data', which a volume already persists, or [assembly: EphemeralPath(\"/app/exports\")] if losing it is intended"))
            .WithSource(Sources.Stubs).RunAsync();

    [Theory]
    // Expression-bodied and single-return methods, a local function, an extension method, a default argument
    [InlineData("File.WriteAllText({|#0:ExportPath(name)|}, \"x\");", "File.WriteAllText(DataPath(name), \"x\");")]
    [InlineData("File.WriteAllText({|#0:ExportBlock(name)|}, \"x\");", "File.WriteAllText(DataBlock(name), \"x\");")]
    [InlineData("string Target(string f) => Path.Combine(\"/srv/exports\", f); File.WriteAllText({|#0:Target(name)|}, \"x\");", "string Target(string f) => Path.Combine(\"/app/data\", f); File.WriteAllText(Target(name), \"x\");")]
    [InlineData("var root = \"/srv/exports\"; string Target(string f) { return root + \"/\" + f; } File.WriteAllText({|#0:Target(name)|}, \"x\");", "var root = \"/app/data\"; string Target(string f) { return root + \"/\" + f; } File.WriteAllText(Target(name), \"x\");")]
    [InlineData("File.WriteAllText({|#0:name.InExports()|}, \"x\");", "File.WriteAllText(name.InData(), \"x\");")]
    [InlineData("File.WriteAllText({|#0:Report()|}, \"x\");", "File.WriteAllText(Report(\"/app/data\"), \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(Folder(\"exports\"), name)|}, \"x\");", "File.WriteAllText(Path.Combine(Folder(\"data\"), name), \"x\");")]
    public async Task A_small_helper_is_read_at_the_call(string outside, string persisted)
    {
        await new UsageTest(Source(outside), VG2001).WithSource(Sources.Stubs).WithSource(Helpers).RunAsync();
        await new UsageTest(Source(persisted)).WithSource(Sources.Stubs).WithSource(Helpers).RunAsync();
    }

    [Fact]
    public async Task An_uploaded_file_under_the_web_root_is_judged_by_its_folder()
    {
        const string upload = """
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using VolumeGen;

            STORAGE
            public static partial class AppStorage { }

            public class Avatars
            {
                private readonly IWebHostEnvironment _env;

                public Avatars(IWebHostEnvironment env) => _env = env;

                public async Task Save(IFormFile file)
                {
                    using var stream = File.Create(MARK);
                    await file.CopyToAsync(stream);
                }
            }
            """;
        const string target = "Path.Combine(_env.WebRootPath, \"uploads\", file.FileName)";
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath,
            "File.Create", "<working directory>/wwwroot/uploads/{file.FileName}", "/app/wwwroot/uploads/{file.FileName}",
            "keep the app's data in one folder: move it into '/app/data' and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/wwwroot/uploads\")] if losing it is intended");
        await new UsageTest(upload.Replace("STORAGE", string.Empty).Replace("MARK", "{|#0:" + target + "|}"), expected).WithAspNetCore().RunAsync();
        await new UsageTest(upload.Replace("STORAGE", "[PersistentVolume(\"/app/wwwroot/uploads\")]").Replace("MARK", target)).WithAspNetCore().RunAsync();
    }

    /// <summary>The true-negative corpus for partly known paths: each must get no diagnostic at all.</summary>
    [Theory]
    // Nothing before the unknown part, or only a root the code did not choose
    [InlineData("File.WriteAllText($\"{name}/a.txt\", \"x\");")]
    [InlineData("File.WriteAllText(name + \".txt\", \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(name, \"a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(\"/\" + name, \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(\"/\", name), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(AppContext.BaseDirectory, name), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(env.ContentRootPath, name), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(Directory.GetCurrentDirectory(), name, \"a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(env.ContentRootPath + name, \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(\"/app\", name), \"x\");")]
    [InlineData("File.WriteAllText(\"/app/\" + name + \"/a.txt\", \"x\");")]
    [InlineData("File.WriteAllText(\"uploads\" + name, \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), name), \"x\");")]
    // A name that may lead into a mount below the known folder
    [InlineData("File.WriteAllText(Path.Combine(\"/app/data\", name), \"x\"); File.WriteAllText($\"/app/{name}\", \"x\");")]
    // Temp and ephemeral folders
    [InlineData("File.WriteAllText(Path.Combine(Path.GetTempPath(), name), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(\"/tmp\", name), \"x\");")]
    // A `..` after the unknown part, a hole that may be an absolute configured folder, an option known only at run time
    [InlineData("File.WriteAllText(Path.Combine(\"/srv/exports\", name, \"..\", \"..\", \"a\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(\"/srv\", Environment.GetEnvironmentVariable(\"DATA\")!, \"a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(\"/srv\", Environment.GetEnvironmentVariable(\"DATA\") ?? name, \"a.txt\"), \"x\");")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection($\"Data Source=/srv/db/a.db;{name}\");")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection($\"{name}=/srv/db/a.db\");")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection(\"Data Source=\" + name);")]
    // Alignment, a Replace that removes the known folder, a replacement only known at run time
    [InlineData("File.WriteAllText($\"/srv/{name,10}\", \"x\");")]
    [InlineData("File.WriteAllText(\"/srv/exports/a.txt\".Replace(\"/srv\", name), \"x\");")]
    [InlineData("File.WriteAllText(\"/srv/exports/a.txt\".Replace('/', separator), \"x\");")]
    [InlineData("File.WriteAllText(\"/srv/exports/a.txt\".Replace(name, \"/app/data\"), \"x\");")]
    [InlineData("File.WriteAllText(\"/srv/exports/a.txt\".Replace(\"a\", \"b\", StringComparison.OrdinalIgnoreCase), \"x\");")]
    // Path.GetFileName alone is a name with no folder
    [InlineData("File.WriteAllText(Path.GetFileName(name), \"x\");")]
    // Helpers: two levels deep, recursive, overridable, with a body of more than one statement
    [InlineData("File.WriteAllText(Outer(name), \"x\");")]
    [InlineData("File.WriteAllText(Recursive(name), \"x\");")]
    [InlineData("File.WriteAllText(new Overridable().Target(name), \"x\");")]
    [InlineData("File.WriteAllText(TwoStatements(name), \"x\");")]
    [InlineData("File.WriteAllText(WithOut(out var o), \"x\");")]
    public async Task No_diagnostic(string statement)
        => await new UsageTest(Source(statement)).WithSource(Sources.Stubs).WithSource(Helpers).RunAsync();

    [Fact]
    public async Task A_persisted_or_ephemeral_folder_below_the_known_folder_may_be_where_the_name_leads()
        => await new UsageTest(Source("File.WriteAllText(Path.Combine(\"/srv\", name), \"x\"); File.WriteAllText($\"/var/{name}/a\", \"x\");"))
            .WithSource(Sources.Stubs)
            .WithEditorConfig("volumegen.persisted_paths = /srv/uploads\nvolumegen.ephemeral_paths = /tmp /var/cache")
            .RunAsync();

    [Fact]
    public async Task A_configured_folder_with_a_run_time_name_names_the_setting_and_moves_it()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "appsettings.json: Storage:Uploads = \"uploads\"", "/app/uploads/{name}",
            "set Storage:Uploads in appsettings.json to \"/app/storage/uploads\" (inside the volume at '/app/storage'), or [assembly: EphemeralPath(\"/app/uploads\")] if losing it is intended");
        await new UsageTest(ConfigurationTests.Program("string name = Console.ReadLine()!; File.WriteAllText({|#0:Path.Combine(configuration[\"Storage:Uploads\"]!, name)|}, \"x\");", storage: "[PersistentVolume(\"/app/storage\")]"), expected)
            .WithAspNetCore().WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": {|#1:\"uploads\"|} } }").RunAsync();
    }

    [Fact]
    public async Task An_unknown_configured_folder_is_unknown_even_with_a_known_folder_before_it()
        => await new UsageTest(ConfigurationTests.Program("File.WriteAllText(Path.Combine(\"/srv\", configuration[\"Storage:Missing\"]!, \"a.txt\"), \"x\");"))
            .WithAspNetCore().WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"uploads\" } }").RunAsync();

    private const string Helpers = """
        using System.IO;

        static class Exported
        {
            public static string InExports(this string name) => Path.Combine("/srv/exports", name);

            public static string InData(this string name) => Path.Combine("/app/data", name);
        }

        class Overridable
        {
            public virtual string Target(string name) => Path.Combine("/srv/exports", name);
        }
        """;

    private static string Source(string body)
        => Sources.Usings + Sources.StorageAttributes + "public static partial class AppStorage { }\n\n" + """
            class Upload
            {
                public string FileName { get; set; } = "";
            }

            class C
            {
                private const string Exports = "/srv/exports";
                private const string Data = "/app/data";

                static string ExportPath(string name) => Path.Combine(Exports, name);

                static string DataPath(string name) => Path.Combine(Data, name);

                static string ExportBlock(string name)
                {
                    return $"{Exports}/{name}";
                }

                static string DataBlock(string name)
                {
                    return $"{Data}/{name}";
                }

                static string Report(string folder = "/srv/reports") => folder + "/" + DateTime.UtcNow.Ticks + ".csv";

                static string Folder(string name) => "/app/" + name;

                static string Outer(string name) => ExportPath(name);

                static string Recursive(string name) => Recursive(name + "/a");

                static string TwoStatements(string name)
                {
                    Console.WriteLine(name);
                    return Path.Combine(Exports, name);
                }

                static string WithOut(out string folder)
                {
                    folder = "/srv/x";
                    return folder;
                }

                async Task M(string name, int n, string ext, char separator, Upload file, Microsoft.Extensions.Hosting.IHostEnvironment env)
                {
                    await Task.Yield();
                    BODY
                }
            }
            """.Replace("BODY", body);
}
