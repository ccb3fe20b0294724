using System.Threading.Tasks;
using VolumeGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>Code that must get no diagnostic at all (every test expects zero): false positives kill analyzers.</summary>
public sealed class TrueNegativeTests
{
    [Theory]
    // Unknown values
    [InlineData("File.WriteAllText(unknown, \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(unknown, \"a.txt\"), \"x\");")]
    // A name known only at run time below the working directory itself (a known folder outside every volume is judged
    // by that folder: PartlyKnownPathTests)
    [InlineData("File.WriteAllText($\"/app/{unknown}\", \"x\");")]
    [InlineData("File.WriteAllText(\"/app/\" + unknown, \"x\");")]
    [InlineData("var p = \"/srv/a.txt\"; p = unknown; File.WriteAllText(p, \"x\");")]
    [InlineData("var p = \"/srv/a.txt\"; Change(ref p); File.WriteAllText(p, \"x\");")]
    [InlineData("string p; p = \"/srv/a.txt\"; File.WriteAllText(p, \"x\");")]
    [InlineData("File.WriteAllText(Mutable, \"x\");")]
    [InlineData("File.WriteAllText(ReassignedInStaticConstructor, \"x\");")]
    [InlineData("File.WriteAllText(Environment.GetEnvironmentVariable(\"DATA\") ?? \"/srv\", \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Fonts), \"a\"), \"x\");")]
    [InlineData("File.WriteAllText($\"/srv/{1,5}\", \"x\");")]
    [InlineData("using var s = new FileInfo(unknown).Create();")]
    [InlineData("using var s = File.Open(\"/srv/a\", (FileMode)Environment.TickCount);")]
    // Reads never warn
    [InlineData("_ = File.ReadAllText(\"/srv/a.txt\");")]
    [InlineData("_ = await File.ReadAllBytesAsync(\"/srv/a.bin\");")]
    [InlineData("using var s = File.OpenRead(\"/srv/a.bin\");")]
    [InlineData("using var r = File.OpenText(\"/srv/a.txt\");")]
    [InlineData("using var s = File.Open(\"/srv/a.bin\", FileMode.Open);")]
    [InlineData("using var s = File.Open(\"/srv/a.bin\", FileMode.OpenOrCreate, FileAccess.Read);")]
    [InlineData("using var s = new FileStream(\"/srv/a.bin\", FileMode.Open, FileAccess.Read);")]
    [InlineData("using var r = new StreamReader(\"/srv/a.txt\");")]
    [InlineData("_ = File.Exists(\"/srv/a.txt\"); _ = Directory.Exists(\"/srv\"); _ = Directory.GetFiles(\"/srv\");")]
    [InlineData("File.Copy(\"/srv/a.txt\", \"/app/data/a.txt\");")]
    [InlineData("using var z = ZipFile.Open(\"/srv/a.zip\", ZipArchiveMode.Read);")]
    [InlineData("_ = System.Xml.Linq.XDocument.Load(\"/srv/doc.xml\");")]
    [InlineData("new System.Xml.Linq.XDocument().Save(new MemoryStream());")]
    [InlineData("using var x = System.Xml.XmlWriter.Create(new MemoryStream());")]
    [InlineData("using var w = new StreamWriter(new MemoryStream());")]
    [InlineData("using var s = new FileInfo(\"/srv/a.txt\").OpenRead();")]
    // Writes inside declared volumes and bind mounts
    [InlineData("File.WriteAllText(\"/app/data/a.txt\", \"x\");")]
    [InlineData("File.WriteAllText(\"data/a.txt\", \"x\");")]
    [InlineData("File.WriteAllText(\"./data/sub/../a.txt\", \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(\"/app/data\", \"sub\", \"a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(AppContext.BaseDirectory, \"data\", \"a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(env.ContentRootPath, \"data/a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(Directory.GetCurrentDirectory(), \"logs\", \"a.log\"), \"x\");")]
    [InlineData("File.AppendAllText(\"/app/logs/a.log\", \"x\");")]
    [InlineData("Directory.CreateDirectory(\"/app/data\");")]
    [InlineData("Directory.CreateDirectory(\"/app/data/profiles\");")]
    [InlineData("Directory.CreateDirectory(\"/app\");")]
    [InlineData("Directory.CreateDirectory(\"/app/config\");")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection(\"Data Source=/app/data/app.db\");")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection(\"Data Source=data/app.db;Mode=ReadWriteCreate\");")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection($\"Data Source={Path.Combine(AppContext.BaseDirectory, \"data\", \"app.db\")}\");")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection(\"Data Source=:memory:\");")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection(\"Data Source=shared;Mode=Memory;Cache=Shared\");")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection(\"Data Source=/srv/ref.db;Mode=ReadOnly\");")]
    [InlineData("ZipFile.ExtractToDirectory(\"/srv/in.zip\", \"/app/data/in\");")]
    [InlineData("new System.Xml.XmlDocument().Save(\"/app/data/doc.xml\");")]
    [InlineData("File.WriteAllText(Profiles + \"/u1.json\", \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(Profiles, \"u1.json\"), \"x\");")]
    // Temp and ephemeral
    [InlineData("File.WriteAllText(\"/tmp/a.txt\", \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(Path.GetTempPath(), \"a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.GetTempFileName(), \"x\");")]
    [InlineData("Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), \"work\"));")]
    // Not a sink
    [InlineData("Writer.WriteAllText(\"/srv/a.txt\", \"x\");")]
    [InlineData("var f = new FileInfo(\"/srv/a.txt\"); _ = f.Length;")]
    public async Task No_diagnostic(string statement)
    {
        const string members =
            "    private const string Profiles = \"/app/data/profiles\";\n" +
            "    private static string Mutable = \"/srv/a.txt\";\n" +
            "    private static readonly string ReassignedInStaticConstructor = \"/srv/a.txt\";\n" +
            "    static C() { ReassignedInStaticConstructor = Environment.GetEnvironmentVariable(\"X\")!; }\n" +
            "    static void Change(ref string s) { }\n" +
            "    static class Writer { public static void WriteAllText(string path, string text) { } }\n";
        string source = Sources.WithAttributes(statement, members);
        await new UsageTest(source).WithSource(Sources.Stubs).RunAsync();
    }

    [Theory]
    // Every path shape the evaluator knows, landing inside the named volume /app/data (mirror of the VG2001 cases)
    [InlineData("File.WriteAllText(\"data/uploads/a.txt\", \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(\"/app/data\", \"uploads\", \"a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(\"/srv\", \"/app/data/uploads/a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Join(\"/app/data\", \"uploads\", \"a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Join(\"/app/\", \"/data/a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(\"/app/\" + \"data/\" + \"a.txt\", \"x\");")]
    [InlineData("const string Dir = \"/app/data\"; File.WriteAllText($\"{Dir}/a.txt\", \"x\");")]
    [InlineData("var path = \"/app/data/a.txt\"; File.WriteAllText(path, \"x\");")]
    [InlineData("var dir = \"/app\"; var path = Path.Combine(dir, \"data\", \"a.txt\"); File.WriteAllText(path, \"x\");")]
    [InlineData("File.WriteAllText(AppContext.BaseDirectory + \"data/a.txt\", \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(Environment.CurrentDirectory, \"data/a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.GetFullPath(\"data/a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.GetFullPath(\"a.txt\", \"/app/data\"), \"x\");")]
    [InlineData("File.WriteAllText(DataFolder + \"/a.txt\", \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(ReadonlyDataFolder, \"a.txt\"), \"x\");")]
    [InlineData("File.WriteAllText(\"/app/cache/../data/a.txt\", \"x\");")]
    [InlineData("File.WriteAllText(\"/app//data/./a.txt\", \"x\");")]
    [InlineData("using var s = new FileInfo(\"/app/data/a.bin\").Create();")]
    [InlineData("new DirectoryInfo(\"/app/data\").CreateSubdirectory(\"thumbs\");")]
    [InlineData("new FileInfo(\"/srv/in.txt\").CopyTo(Path.Combine(\"/app/data\", \"in.txt\"));")]
    [InlineData("var b = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = \"data/app.db\" };")]
    [InlineData("using var z = ZipFile.Open(\"/app/data/a.zip\", ZipArchiveMode.Update);")]
    [InlineData("File.WriteAllText(Path.Combine(Path.GetTempPath(), \"..\", \"tmp\", \"a\"), \"x\");")]
    public async Task Write_inside_a_volume_built_from_known_parts_is_fine(string statement)
    {
        const string members = "    private const string DataFolder = \"/app/data\";\n    private static readonly string ReadonlyDataFolder = Path.Combine(\"/app\", \"data\");\n";
        await new UsageTest(Sources.WithAttributes(statement, members)).WithSource(Sources.Stubs).RunAsync();
    }

    [Theory]
    [InlineData("FROM base\nVOLUME /srv/uploads\n")]
    [InlineData("FROM base\nVOLUME [\"/srv/other\", \"/srv/uploads\"]\n")]
    [InlineData("FROM base\nVOLUME /srv/other \\\n       /srv/uploads\n")]
    [InlineData("FROM base\nVOLUME /srv/one\nVOLUME /srv/two\nVOLUME /srv/uploads\n")]
    [InlineData("# escape=`\nFROM base\nVOLUME /srv/other `\n  /srv/uploads\n")]
    [InlineData("FROM base\nENV DATA=/srv/uploads\nVOLUME $DATA\n")]
    [InlineData("FROM base AS base\nVOLUME /srv/uploads\nFROM base AS final\nWORKDIR /app\n")]
    [InlineData("FROM base\nWORKDIR /\nVOLUME srv/uploads\n")]
    [InlineData("FROM scratch\nENV DATA=/srv/uploads\nVOLUME [\"$DATA\"]\n")]
    [InlineData("ARG DIR=/srv\nFROM base\nARG DIR\nVOLUME ${DIR}/uploads\n")]
    [InlineData("from base\nvolume /srv/uploads\n")]
    [InlineData("FROM base\n# a comment\nVOLUME \\\n# comment inside the continuation\n  /srv/uploads\n")]
    public async Task Path_persisted_only_by_a_hand_written_Dockerfile_is_fine(string dockerfile)
        => await new UsageTest(Sources.Plain("File.WriteAllText(\"/srv/uploads/a.txt\", \"x\"); Directory.CreateDirectory(\"/srv/uploads/sub\");"))
            .WithSource(Sources.Stubs).WithFile("Dockerfile", dockerfile).RunAsync();

    [Fact]
    public async Task VolumeGenDockerfileTarget_picks_the_stage_whose_volumes_count()
        => await new UsageTest(Sources.Plain("File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");"))
            .WithSource(Sources.Stubs)
            .WithFile("Dockerfile", "FROM base AS debug\nVOLUME /srv/uploads\nFROM base AS release\nVOLUME /srv/other\n")
            .WithGlobalConfig("build_property.VolumeGenDockerfileTarget = debug")
            .RunAsync();

    [Fact]
    public async Task Relative_path_resolves_inside_a_volume_via_the_final_WORKDIR()
        => await new UsageTest(Sources.Plain("File.WriteAllText(\"uploads/a.txt\", \"x\");"))
            .WithSource(Sources.Stubs)
            .WithFile("Dockerfile", "FROM sdk AS build\nWORKDIR /src\nFROM runtime AS final\nWORKDIR /srv\nVOLUME /srv/uploads\n")
            .RunAsync();

    [Fact]
    public async Task Relative_path_resolves_inside_a_volume_via_the_inherited_WORKDIR()
        => await new UsageTest(Sources.Plain("File.WriteAllText(\"uploads/a.txt\", \"x\");"))
            .WithSource(Sources.Stubs)
            .WithFile("Dockerfile", "FROM aspnet AS base\nUSER $APP_UID\nWORKDIR /srv\nFROM sdk AS build\nWORKDIR /src\nFROM base AS final\nCOPY --from=build /out .\n")
            .WithEditorConfig("volumegen.persisted_paths = /srv/uploads")
            .RunAsync();

    [Theory]
    [InlineData("services:\n  app:\n    build: .\n    volumes:\n      - uploads:/srv/uploads\nvolumes:\n  uploads:\n")]
    [InlineData("services:\n  app:\n    image: shop\n    volumes:\n      - \"./uploads:/srv/uploads\"\n")]
    [InlineData("services:\n  app:\n    build: .\n    volumes:\n      - type: volume\n        source: uploads\n        target: /srv/uploads\n")]
    [InlineData("services:\n  app:\n    build: .\n    volumes:\n      - type: bind\n        source: ./uploads\n        target: /srv/uploads\n        read_only: false\n")]
    [InlineData("# compose\nservices:\n  app:\n    build:\n      context: .\n    volumes: # data\n      - uploads:/srv/uploads:rw\n")]
    [InlineData("version: '3.8'\nservices:\n  app:\n    build: .\n    volumes:\n    - uploads:/srv\n")]
    [InlineData("x-app: &app\n  build: .\n  volumes:\n    - uploads:/srv/uploads\nservices:\n  app:\n    <<: *app\nvolumes:\n  uploads:\n")]
    [InlineData("x-volumes: &volumes\n  - uploads:/srv/uploads\nservices:\n  app:\n    build: .\n    volumes: *volumes\n")]
    [InlineData("services:\n  app:\n    build: {context: .}\n    volumes: [\"uploads:/srv/uploads\"]\n")]
    [InlineData("services:\n  app:\n    build: .\n    volumes:\n      - ${UPLOADS:-uploads}:/srv/uploads\n")]
    public async Task Path_persisted_only_by_a_hand_written_compose_file_is_fine(string compose)
        => await new UsageTest(Sources.Plain("File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");"))
            .WithSource(Sources.Stubs).WithFile("compose.yaml", compose).RunAsync();

    [Fact]
    public async Task Editorconfig_persisted_paths_are_persisted()
        => await new UsageTest(Sources.Plain("File.WriteAllText(\"/srv/uploads/a.txt\", \"x\"); File.WriteAllText(\"/var/state/b\", \"x\");"))
            .WithSource(Sources.Stubs).WithEditorConfig("volumegen.persisted_paths = /srv/uploads, /var/state").RunAsync();

    [Fact]
    public async Task Editorconfig_ephemeral_paths_are_not_reported()
        => await new UsageTest(Sources.Plain("File.WriteAllText(\"/srv/uploads/a.txt\", \"x\"); File.WriteAllText(\"/tmp/a\", \"x\");"))
            .WithSource(Sources.Stubs).WithEditorConfig("volumegen.ephemeral_paths = /srv/uploads /tmp").RunAsync();

    [Fact]
    public async Task Assembly_EphemeralPath_is_not_reported()
        => await new UsageTest(Sources.Plain("File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");"))
            .WithSource(Sources.Stubs).WithSource("[assembly: VolumeGen.EphemeralPath(\"/srv/uploads\")]").RunAsync();

    [Fact]
    public async Task Class_EphemeralPath_is_not_reported()
        => await new UsageTest(Sources.Plain("File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");"))
            .WithSource(Sources.Stubs).WithSource("[VolumeGen.EphemeralPath(\"/srv/uploads\")]\nstatic partial class Scratch { }").RunAsync();

    [Fact]
    public async Task EphemeralPath_over_an_anonymous_volume_silences_it()
        => await new UsageTest(Sources.WithAttributes("File.WriteAllText(\"/app/cache/a\", \"x\");"))
            .WithSource(Sources.Stubs).WithSource("[assembly: VolumeGen.EphemeralPath(\"/app/cache\")]").RunAsync();

    [Fact]
    public async Task A_project_with_no_container_signal_is_not_analysed()
    {
        var test = new UsageTest(Sources.Method("System.IO.File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");").Replace("async Task", "async System.Threading.Tasks.Task").Replace("await Task.Yield();", "await System.Threading.Tasks.Task.Yield();"));
        test.TestState.Sources.Add(Sources.Stubs);
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(System.Linq.Enumerable.Where(TestReferences.All, static r => r.Display != TestReferences.VolumeGenAssemblyPath));
        await test.RunAsync();
    }

    [Fact]
    public async Task Generated_code_is_not_analysed()
        => await new UsageTest(Sources.WithAttributes("await Task.Yield();"))
            .WithSource(Sources.Stubs)
            .WithSource("// <auto-generated/>\nstatic class Gen { static void M() => System.IO.File.WriteAllText(\"/srv/uploads/a.txt\", \"x\"); }")
            .RunAsync();
}
