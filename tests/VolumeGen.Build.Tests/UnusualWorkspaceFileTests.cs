using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// Files no build may trip over: a FIFO named like a Dockerfile, a compose or configuration file, or as the storage
/// lock; dangling and looping symbolic links named like Dockerfiles; a folder named <c>Dockerfile</c>; a binary
/// <c>appsettings.Production.json</c> (git-crypt without the key); a project deeper below the repository root than any
/// fixed bound. Real builds of the packed package: each finishes, and passes where the project passes without
/// VolumeGen, saying once which file it left out.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class UnusualWorkspaceFileTests
{
    private const string Storage = """
        using VolumeGen;

        namespace Demo;

        [PersistentVolume("/app/data", Name = "profiles")]
        public static partial class AppStorage { }
        """;

    private const string Head = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n";
    private const string Markers = "# >>> VolumeGen\n# <<< VolumeGen\n";
    private const string Tail = "ENTRYPOINT [\"dotnet\", \"Demo.dll\"]\n";

    private const string AspNetCore = "</PropertyGroup><ItemGroup><FrameworkReference Include=\"Microsoft.AspNetCore.App\" /></ItemGroup><PropertyGroup>";

    // Reading configuration makes the analyzers read appsettings*.json; a write makes them read the container files.
    private const string ConfiguredWrite = """
        namespace Demo;
        public sealed class Uploads(Microsoft.Extensions.Configuration.IConfiguration configuration)
        {
            public void Save(string text) => System.IO.File.WriteAllText(System.IO.Path.Combine(configuration["Storage:Uploads"]!, "a.txt"), text);
        }
        """;

    // A hang shows as a timeout, the build's process tree killed (today's main: 150 s and more).
    private static readonly TimeSpan NoHang = TimeSpan.FromMinutes(4);

    private readonly PackageFixture _fixture;

    public UnusualWorkspaceFileTests(PackageFixture fixture) => _fixture = fixture;

    private ConsumerProject Project(string name, string? dockerfile, string extraProperties = "", string? folder = null, string storage = Storage)
    {
        ConsumerProject project = _fixture.CreateProject(name, "net10.0", extraProperties, new Dictionary<string, string>
        {
            ["AppStorage.cs"] = storage,
            ["Program.cs"] = "Console.WriteLine(\"ok\");\n",
        }, folder);
        if (dockerfile is not null)
        {
            File.WriteAllText(project.File("Dockerfile"), dockerfile);
        }

        return project;
    }

    private static void MakeFifo(string path)
    {
        (int exit, string output) = Processes.Run("mkfifo", new[] { path }, Path.GetDirectoryName(path)!);
        Assert.True(exit == 0, output);
    }

    private static int Count(string output, string pattern) => Regex.Matches(output, pattern).Count;

    [SkippableFact]
    public void Fifos_named_like_a_Dockerfile_a_compose_file_and_a_configuration_file_neither_hang_nor_fail_the_build()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Processes.OnPath("mkfifo"), "needs mkfifo (Linux)");
        ConsumerProject project = Project("Fifo", Head + Markers + Tail, AspNetCore);
        File.WriteAllText(project.File("Uploads.cs"), ConfiguredWrite);
        MakeFifo(project.File("Dockerfile.pipe"));
        MakeFifo(project.File("compose.override.yaml"));
        MakeFifo(project.File("appsettings.Production.json"));

        (int exit, string output) = project.BuildWithin(NoHang);

        Assert.True(exit == 0, output);
        Assert.Contains("VOLUME [\"/app/data\"]", File.ReadAllText(project.File("Dockerfile")));
        foreach (string name in new[] { "Dockerfile.pipe", "compose.override.yaml", "appsettings.Production.json" })
        {
            Assert.True(Count(output, @"VG3020: [^\r\n]*'" + Regex.Escape(name) + "'[^\r\n]*not a regular file") == 1, name + " must be named exactly once:\n" + output);
        }
    }

    [SkippableFact]
    public void A_fifo_as_the_storage_lock_is_refused_by_name_without_hanging()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Processes.OnPath("mkfifo"), "needs mkfifo (Linux)");
        ConsumerProject project = Project("LockFifo", Head + Markers + Tail);
        MakeFifo(project.File("volumegen.lock.json"));

        (int exit, string output) = project.BuildWithin(NoHang);

        Assert.NotEqual(0, exit);
        Assert.Matches(@"error VG3045: [^\r\n]*volumegen\.lock\.json[^\r\n]*not a regular file", output);
    }

    [SkippableFact]
    public void Dangling_and_looping_links_named_like_Dockerfiles_and_a_folder_named_Dockerfile_do_not_fail_the_build()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "symbolic links without privileges: Linux");
        ConsumerProject project = Project("Links", dockerfile: null, AspNetCore);
        File.WriteAllText(project.File("Uploads.cs"), ConfiguredWrite);
        File.CreateSymbolicLink(project.File("Dockerfile.old"), project.File("gone/Dockerfile"));
        File.CreateSymbolicLink(project.File("Dockerfile.loop"), project.File("Dockerfile.loop"));
        File.CreateSymbolicLink(project.File("appsettings.Production.json"), project.File("secrets/appsettings.Production.json"));
        Directory.CreateDirectory(project.File("Dockerfile"));

        (int exit, string output) = project.BuildWithin(NoHang);

        Assert.True(exit == 0, output);
        Assert.DoesNotMatch(@"error CS\d+", output);
        Assert.True(Count(output, @"VG3020: [^\r\n]*'Dockerfile\.old'") == 1, output);
        Assert.True(Count(output, @"VG3020: [^\r\n]*'Dockerfile\.loop'") == 1, output);
        Assert.True(Count(output, @"VG3020: [^\r\n]*'appsettings\.Production\.json'") == 1, output);
    }

    [Fact]
    public void A_binary_appsettings_file_is_left_out_with_one_message_and_the_build_passes()
    {
        // git-crypt on a machine without the key: "\0GITCRYPT\0", a 12-byte nonce, then the ciphertext (here with a "\0\0",
        // which the compiler's text check, CS2015, looks for).
        // The analyzers read the configuration files when code reads configuration (here Storage:Uploads).
        ConsumerProject project = Project("Encrypted", Head + Markers + Tail, AspNetCore);
        File.WriteAllText(project.File("appsettings.json"), "{ \"Storage\": { \"Uploads\": \"uploads\" } }\n");
        File.WriteAllText(project.File("Uploads.cs"), ConfiguredWrite);
        byte[] encrypted = Encoding.ASCII.GetBytes("\0GITCRYPT\0").Concat(new byte[] { 0x5e, 0x11, 0xa2, 0x07, 0x9c, 0x00, 0x00, 0x31, 0xfe, 0x42, 0x8b, 0x13, 0x7a, 0x00, 0x00, 0xd1, 0x66 }).ToArray();
        File.WriteAllBytes(project.File("appsettings.Production.json"), encrypted);

        (int exit, string output) = project.BuildWithin(NoHang);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("CS2015", output);
        Assert.True(Count(output, @"VG3020: [^\r\n]*'appsettings\.Production\.json'[^\r\n]*not text") == 1, output);
        Assert.Equal(encrypted, File.ReadAllBytes(project.File("appsettings.Production.json")));
    }

    [Fact]
    public void A_project_thirteen_folders_below_the_repository_root_reads_the_root_Dockerfile()
    {
        // The root Dockerfile builds Deep (its ENTRYPOINT names Deep.dll): its VOLUME persists /app/data and its WORKDIR
        // places the relative write. A search that stops after 12 folders reports the persisted write as lost.
        string repository = _fixture.CreateRepository("deep");
        File.WriteAllText(Path.Combine(repository, "Dockerfile"),
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv/deep\nVOLUME /app/data\nCOPY out/ .\nENTRYPOINT [\"dotnet\", \"Deep.dll\"]\n");
        string folder = Path.Combine(new[] { repository }.Concat("abcdefghijklm".Select(static c => c.ToString())).ToArray());
        ConsumerProject project = Project("Deep", dockerfile: null, folder: folder, storage: "namespace Demo;\n");
        File.WriteAllText(project.File("Writes.cs"), """
            namespace Demo;
            public static class Writes
            {
                public static void Persisted(string text) => System.IO.File.WriteAllText("/app/data/a.txt", text);
                public static void Lost(string text) => System.IO.File.WriteAllText("uploads/b.txt", text);
            }
            """);

        (int exit, string output) = project.BuildWithin(NoHang);

        Assert.True(exit == 0, output);
        Assert.Matches(@"Writes\.cs\(5,\d+\): warning VG2001: [^\r\n]*'/srv/deep/uploads/b\.txt'", output);
        Assert.DoesNotMatch(@"Writes\.cs\(4,\d+\): warning VG2001", output);
    }
}
