using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>VG2001 for every sink family and every way of building a path (true positives).</summary>
public sealed class WriteOutsidePersistedPathTests
{
    private static DiagnosticResult VG2001 => Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0);

    [Theory]
    // File writers, sync and async
    [InlineData("File.WriteAllText({|#0:\"/srv/uploads/a.txt\"|}, \"x\");")]
    [InlineData("await File.WriteAllTextAsync({|#0:\"/srv/uploads/a.txt\"|}, \"x\");")]
    [InlineData("File.WriteAllBytes({|#0:\"/srv/uploads/a.png\"|}, new byte[1]);")]
    [InlineData("await File.WriteAllBytesAsync({|#0:\"/srv/uploads/a.png\"|}, new byte[1]);")]
    [InlineData("File.WriteAllLines({|#0:\"/srv/uploads/a.txt\"|}, new[] { \"x\" });")]
    [InlineData("await File.WriteAllLinesAsync({|#0:\"/srv/uploads/a.txt\"|}, new[] { \"x\" });")]
    [InlineData("File.AppendAllText({|#0:\"/srv/log/a.log\"|}, \"x\");")]
    [InlineData("await File.AppendAllTextAsync({|#0:\"/srv/log/a.log\"|}, \"x\");")]
    [InlineData("File.AppendAllLines({|#0:\"/srv/log/a.log\"|}, new[] { \"x\" });")]
    [InlineData("await File.AppendAllLinesAsync({|#0:\"/srv/log/a.log\"|}, new[] { \"x\" });")]
    [InlineData("using var s = File.Create({|#0:\"/srv/uploads/a.bin\"|});")]
    [InlineData("using var w = File.CreateText({|#0:\"/srv/uploads/a.txt\"|});")]
    [InlineData("using var w = File.AppendText({|#0:\"/srv/log/a.log\"|});")]
    [InlineData("using var s = File.OpenWrite({|#0:\"/srv/uploads/a.bin\"|});")]
    // File.Open / FileStream with a writing FileMode or FileAccess
    [InlineData("using var s = File.Open({|#0:\"/srv/uploads/a.bin\"|}, FileMode.Create);")]
    [InlineData("using var s = File.Open({|#0:\"/srv/uploads/a.bin\"|}, FileMode.Open, FileAccess.Write);")]
    [InlineData("using var s = File.Open({|#0:\"/srv/uploads/a.bin\"|}, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);")]
    [InlineData("using var s = new FileStream({|#0:\"/srv/uploads/a.bin\"|}, FileMode.Append);")]
    [InlineData("using var s = new FileStream({|#0:\"/srv/uploads/a.bin\"|}, FileMode.CreateNew, FileAccess.Write);")]
    [InlineData("using var h = File.OpenHandle({|#0:\"/srv/uploads/a.bin\"|}, FileMode.Truncate, FileAccess.Write);")]
    // StreamWriter, FileInfo, DirectoryInfo
    [InlineData("using var w = new StreamWriter({|#0:\"/srv/uploads/a.txt\"|});")]
    [InlineData("using var w = new StreamWriter({|#0:\"/srv/uploads/a.txt\"|}, append: true);")]
    [InlineData("using var s = {|#0:new FileInfo(\"/srv/uploads/a.bin\").Create()|};")]
    [InlineData("var info = new FileInfo(\"/srv/uploads/a.txt\"); using var w = {|#0:info.CreateText()|};")]
    [InlineData("var info = new FileInfo(\"/srv/log/a.log\"); using var w = {|#0:info.AppendText()|};")]
    [InlineData("using var s = {|#0:new FileInfo(\"/srv/uploads/a.bin\").Open(FileMode.Create)|};")]
    [InlineData("new FileInfo(\"/app/data/a.txt\").CopyTo({|#0:\"/srv/uploads/a.txt\"|});")]
    [InlineData("new FileInfo(\"/app/data/a.txt\").MoveTo({|#0:\"/srv/uploads/a.txt\"|});")]
    [InlineData("{|#0:new DirectoryInfo(\"/srv/uploads\").Create()|};")]
    [InlineData("new DirectoryInfo(\"/srv\").CreateSubdirectory({|#0:\"uploads\"|});")]
    // Directory, Copy/Move/Replace destinations
    [InlineData("Directory.CreateDirectory({|#0:\"/srv/uploads\"|});")]
    [InlineData("Directory.Move(\"/app/data/old\", {|#0:\"/srv/uploads\"|});")]
    [InlineData("File.Copy(\"/app/data/a.txt\", {|#0:\"/srv/uploads/a.txt\"|});")]
    [InlineData("File.Copy(\"/app/data/a.txt\", {|#0:\"/srv/uploads/a.txt\"|}, overwrite: true);")]
    [InlineData("File.Move(\"/app/data/a.txt\", {|#0:\"/srv/uploads/a.txt\"|});")]
    [InlineData("File.Replace(\"/app/data/a.txt\", {|#0:\"/srv/uploads/a.txt\"|}, null);")]
    // Archives and XML
    [InlineData("ZipFile.CreateFromDirectory(\"/app/data\", {|#0:\"/srv/backup/data.zip\"|});")]
    [InlineData("ZipFile.ExtractToDirectory(\"/app/data/in.zip\", {|#0:\"/srv/extracted\"|});")]
    [InlineData("using var z = ZipFile.Open({|#0:\"/srv/backup/data.zip\"|}, ZipArchiveMode.Create);")]
    [InlineData("using var z = ZipFile.OpenRead(\"/app/data/in.zip\"); z.Entries[0].ExtractToFile({|#0:\"/srv/out/a.txt\"|});")]
    [InlineData("new System.Xml.Linq.XDocument().Save({|#0:\"/srv/xml/doc.xml\"|});")]
    [InlineData("new System.Xml.Linq.XElement(\"a\").Save({|#0:\"/srv/xml/doc.xml\"|});")]
    [InlineData("new System.Xml.XmlDocument().Save({|#0:\"/srv/xml/doc.xml\"|});")]
    [InlineData("using var x = System.Xml.XmlWriter.Create({|#0:\"/srv/xml/doc.xml\"|});")]
    // SQLite by name
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection({|#0:\"Data Source=/srv/db/app.db\"|});")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection({|#0:\"Data Source=app.db;Cache=Shared\"|});")]
    [InlineData("var c = new Microsoft.Data.Sqlite.SqliteConnection(); c.ConnectionString = {|#0:\"Filename=/srv/db/app.db\"|};")]
    [InlineData("var b = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = {|#0:\"/srv/db/app.db\"|} };")]
    [InlineData("var b = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder({|#0:\"Data Source=/srv/db/app.db\"|});")]
    public async Task Sink_writing_outside_every_volume_is_reported(string statement)
        => await new UsageTest(Sources.WithAttributes(statement), VG2001).WithSource(Sources.Stubs).RunAsync();

    [Theory]
    [InlineData("File.WriteAllText({|#0:\"uploads/a.txt\"|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(\"/srv\", \"uploads\", \"a.txt\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(\"/app/data\", \"/srv/uploads/a.txt\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Join(\"/srv\", \"uploads\", \"a.txt\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Join(\"/srv/\", \"/uploads/a.txt\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:\"/srv/\" + \"uploads/\" + \"a.txt\"|}, \"x\");")]
    [InlineData("const string Dir = \"/srv/uploads\"; File.WriteAllText({|#0:$\"{Dir}/a.txt\"|}, \"x\");")]
    [InlineData("var path = \"/srv/uploads/a.txt\"; File.WriteAllText({|#0:path|}, \"x\");")]
    [InlineData("var dir = \"/srv\"; var path = Path.Combine(dir, \"uploads\", \"a.txt\"); File.WriteAllText({|#0:path|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(AppContext.BaseDirectory, \"uploads\", \"a.txt\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:AppContext.BaseDirectory + \"uploads/a.txt\"|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(Directory.GetCurrentDirectory(), \"uploads/a.txt\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(Environment.CurrentDirectory, \"uploads/a.txt\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(env.ContentRootPath, \"uploads\", \"a.txt\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.GetFullPath(\"uploads/a.txt\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), \".myapp\", \"settings.json\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), \"myapp\", \"state.json\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), \"myapp.json\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:UploadFolder + \"/a.txt\"|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(ReadonlyFolder, \"a.txt\")|}, \"x\");")]
    [InlineData("File.WriteAllText({|#0:\"/app/database/../uploads/a.txt\"|}, \"x\");")]
    public async Task Paths_the_evaluator_knows_are_resolved(string statement)
    {
        const string members = "    private const string UploadFolder = \"/srv/uploads\";\n    private static readonly string ReadonlyFolder = Path.Combine(\"/srv\", \"uploads\");\n";
        await new UsageTest(Sources.WithAttributes(statement, members), VG2001).WithSource(Sources.Stubs).RunAsync();
    }

    [Fact]
    public async Task Message_names_the_path_the_container_path_and_the_fix()
    {
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 
            "File.WriteAllText",
            "uploads/a.png",
            "/app/uploads/a.png",
            "keep the app's data in one folder: move it into '/app/data', which a volume already persists, or [assembly: EphemeralPath(\"/app/uploads\")] if losing it is intended");
        await new UsageTest(Sources.WithAttributes("File.WriteAllText({|#0:\"uploads/a.png\"|}, \"x\");"), expected).WithSource(Sources.Stubs).RunAsync();
    }

    [Fact]
    public async Task A_file_in_the_working_directory_gets_no_volume_suggestion_that_would_hide_the_app()
    {
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 
            "new SqliteConnection",
            "app.db",
            "/app/app.db",
            "keep the app's data in one folder: move it into '/app/data', which a volume already persists, or [assembly: EphemeralPath(\"/app/app.db\")] if losing it is intended");
        await new UsageTest(Sources.WithAttributes("using var c = new Microsoft.Data.Sqlite.SqliteConnection({|#0:\"Data Source=app.db\"|});"), expected).WithSource(Sources.Stubs).RunAsync();
    }

    [Fact]
    public async Task A_project_without_declarations_is_still_checked_when_it_references_VolumeGen()
        => await new UsageTest(Sources.Plain("File.WriteAllText({|#0:\"/srv/uploads/a.txt\"|}, \"x\");"), VG2001).WithSource(Sources.Stubs).RunAsync();

    [Fact]
    public async Task Relative_paths_resolve_against_the_Dockerfile_final_WORKDIR()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nRUN dotnet publish -o /out\n\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /srv\nCOPY --from=build /out .\n";
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, "File.WriteAllText", "data/a.txt", "/srv/data/a.txt",
            "declare [PersistentVolume(\"/srv/data\")] on the storage class, or [assembly: EphemeralPath(\"/srv/data\")] if losing it is intended");
        await new UsageTest(Sources.WithAttributes("File.WriteAllText({|#0:\"data/a.txt\"|}, \"x\");"), expected).WithSource(Sources.Stubs).WithFile("Dockerfile", dockerfile).RunAsync();
    }

    [Fact]
    public async Task ContainerWorkingDirectory_wins_over_the_Dockerfile_WORKDIR()
    {
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, "File.WriteAllText", "data/a.txt", "/opt/svc/data/a.txt",
            "declare [PersistentVolume(\"/opt/svc/data\")] on the storage class, or [assembly: EphemeralPath(\"/opt/svc/data\")] if losing it is intended");
        await new UsageTest(Sources.WithAttributes("File.WriteAllText({|#0:\"data/a.txt\"|}, \"x\");"), expected)
            .WithSource(Sources.Stubs)
            .WithFile("Dockerfile", "FROM base\nWORKDIR /srv\n")
            .WithGlobalConfig("build_property.ContainerWorkingDirectory = /opt/svc")
            .RunAsync();
    }

    [Fact]
    public async Task Editorconfig_working_directory_is_used()
    {
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, "File.WriteAllText", "data/a.txt", "/work/data/a.txt",
            "declare [PersistentVolume(\"/work/data\")] on the storage class, or [assembly: EphemeralPath(\"/work/data\")] if losing it is intended");
        await new UsageTest(Sources.WithAttributes("File.WriteAllText({|#0:\"data/a.txt\"|}, \"x\");"), expected)
            .WithSource(Sources.Stubs).WithEditorConfig("volumegen.working_directory = /work").RunAsync();
    }

    [Fact]
    public async Task Additional_sinks_from_editorconfig_are_checked()
    {
        const string members = "    static class BlobStore { public static void Save(string target, byte[] data) { } public static void Load(string target) { } }\n";
        await new UsageTest(Sources.WithAttributes("BlobStore.Save({|#0:\"/srv/blobs/a.bin\"|}, new byte[1]); BlobStore.Load(\"/srv/blobs/a.bin\");", members), VG2001)
            .WithSource(Sources.Stubs).WithEditorConfig("volumegen.additional_sinks = C+BlobStore.Save:target").RunAsync();
    }

    [Fact]
    public async Task VOLUME_lines_inside_the_generated_region_do_not_count()
    {
        const string dockerfile = "FROM base\nWORKDIR /app\n# >>> VolumeGen (generated from AppStorage; edits inside this block are overwritten)\nVOLUME [\"/srv/uploads\"]\n# <<< VolumeGen\n";
        await new UsageTest(Sources.WithAttributes("File.WriteAllText({|#0:\"/srv/uploads/a.txt\"|}, \"x\");"), VG2001).WithSource(Sources.Stubs).WithFile("Dockerfile", dockerfile).RunAsync();
    }

    [Fact]
    public async Task A_relative_VOLUME_is_mounted_below_the_root_not_below_WORKDIR()
        => await new UsageTest(Sources.Plain("File.WriteAllText({|#0:\"/srv/uploads/a.txt\"|}, \"x\"); File.WriteAllText(\"/uploads/a.txt\", \"x\");"), VG2001)
            .WithSource(Sources.Stubs).WithFile("Dockerfile", "FROM base\nWORKDIR /srv\nVOLUME uploads\n").RunAsync();

    [Fact]
    public async Task Without_VolumeGenDockerfileTarget_the_last_stage_is_the_image()
        => await new UsageTest(Sources.Plain("File.WriteAllText({|#0:\"/srv/uploads/a.txt\"|}, \"x\");"), VG2001)
            .WithSource(Sources.Stubs).WithFile("Dockerfile", "FROM base AS debug\nVOLUME /srv/uploads\nFROM base AS release\nVOLUME /srv/other\n").RunAsync();

    [Fact]
    public async Task Compose_volumes_of_other_services_do_not_count_when_a_service_builds_the_project()
    {
        const string compose = "services:\n  app:\n    build: .\n    volumes:\n      - appdata:/app/data\n  db:\n    image: postgres\n    volumes:\n      - dbdata:/srv/uploads\nvolumes:\n  appdata:\n  dbdata:\n";
        await new UsageTest(Sources.WithAttributes("File.WriteAllText({|#0:\"/srv/uploads/a.txt\"|}, \"x\");"), VG2001).WithSource(Sources.Stubs).WithFile("compose.yaml", compose).RunAsync();
    }

    [Fact]
    public async Task Several_writes_are_each_reported()
        => await new UsageTest(
            Sources.WithAttributes("File.WriteAllText({|#0:\"/srv/a/1.txt\"|}, \"x\"); File.WriteAllText(\"/app/data/ok.txt\", \"x\"); File.WriteAllText({|#1:\"/srv/b/2.txt\"|}, \"x\");"),
            VG2001,
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 1))
            .WithSource(Sources.Stubs).RunAsync();
}
