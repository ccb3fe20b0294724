using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Xunit;
using k8s;
using k8s.Models;

namespace VolumeGen.Build.Tests;

/// <summary>Real <c>dotnet build</c>s of projects that consume the packed VolumeGen package by PackageReference.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    private const string Storage = """
        using VolumeGen;

        namespace Demo;

        [PersistentVolume("/app/data", Name = "profiles")]
        [AnonymousVolume("/app/cache")]
        [BindMount("./config", "/app/config", ReadOnly = true)]
        public static partial class AppStorage { }
        """;

    private const string Program = """
        Console.WriteLine(Demo.AppStorage.Profiles);
        Console.WriteLine(Demo.AppStorage.CommandLine());
        """;

    private static readonly MountSet Declared = new(
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true));

    private const string Head = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY bin/publish/ .\n";
    private const string Tail = "ENTRYPOINT [\"dotnet\", \"Demo.dll\"]\n";

    private readonly PackageFixture _fixture;

    public PackageTests(PackageFixture fixture) => _fixture = fixture;

    private ConsumerProject Project(string name, string? dockerfile, string targetFrameworks = "net10.0", string extraProperties = "")
    {
        var files = new Dictionary<string, string> { ["AppStorage.cs"] = Storage, ["Program.cs"] = Program };
        ConsumerProject project = _fixture.CreateProject(name, targetFrameworks, extraProperties, files);
        if (dockerfile is not null)
        {
            System.IO.File.WriteAllBytes(project.File("Dockerfile"), Encoding.UTF8.GetBytes(dockerfile));
        }

        return project;
    }

    private static string Region(string project, string newline = "\n")
        => string.Join(newline, $"# >>> VolumeGen: {project} (generated from AppStorage; edits inside this block are overwritten)", Declared.ToDockerfileVolume(), "# <<< VolumeGen");

    [Fact]
    public void Package_holds_lib_analyzers_build_files_and_the_task_with_its_dependency()
    {
        using ZipArchive package = ZipFile.OpenRead(_fixture.Package);
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();

        foreach (string expected in new[]
        {
            "lib/netstandard2.0/VolumeGen.dll", "lib/net8.0/VolumeGen.dll",
            "analyzers/dotnet/cs/VolumeGen.SourceGenerators.dll", "analyzers/dotnet/cs/VolumeGen.CodeFixers.dll",
            "build/VolumeGen.props", "build/VolumeGen.targets", "buildTransitive/VolumeGen.props", "buildTransitive/VolumeGen.targets",
            "tasks/netstandard2.0/VolumeGen.Build.dll", "tasks/netstandard2.0/VolumeGen.dll",
        })
        {
            Assert.Contains(expected, entries);
        }

        string nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.DoesNotContain("<dependency ", nuspec);
    }

    [Fact]
    public void SDK_container_publishing_takes_the_home_folder_from_ContainerUser()
    {
        // ContainerUser (compiler-visible) must reach the analyzers: with SDK container publishing it is the image's user.
        ConsumerProject project = Project("SdkUser", dockerfile: null,
            extraProperties: "<EnableSdkContainerSupport>true</EnableSdkContainerSupport><ContainerUser>builder</ContainerUser>");
        System.IO.File.WriteAllText(project.File("Settings.cs"),
            "namespace SdkUser;\npublic static class Settings\n{\n    public static void Save(string text) => System.IO.File.WriteAllText(System.IO.Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), \"settings.json\"), text);\n}\n");

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Matches(@"Settings\.cs\(\d+,\d+\): warning VG2001: .*'/home/builder/settings\.json'", output);
    }

    [Fact]
    public void Consumer_uses_generated_members_sees_diagnostics_and_gets_the_region_which_a_no_change_build_keeps_and_an_attribute_change_updates()
    {
        // A Dockerfile's image runs as its own USER (here none: root), whatever the SDK containers' ContainerUser says:
        // the analyzers' home folder is the one the build task's image facts give (issue 24). Without a Dockerfile,
        // ContainerUser is the image's user: SDK_container_publishing_takes_the_home_folder_from_ContainerUser.
        ConsumerProject project = Project("Demo", Head + "VOLUME /app/logs\n# >>> VolumeGen\n# <<< VolumeGen\n" + Tail,
            extraProperties: "<ContainerUser>builder</ContainerUser>");
        System.IO.File.WriteAllText(project.File("Uploads.cs"),
            "namespace Demo;\npublic static class Uploads\n{\n    public static void Save(string text) => System.IO.File.WriteAllText(\"/app/uploads/a.txt\", text);\n}\n");
        System.IO.File.WriteAllText(project.File("Settings.cs"),
            "namespace Demo;\npublic static class Settings\n{\n    public static void Save(string text) => System.IO.File.WriteAllText(System.IO.Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), \"settings.json\"), text);\n}\n");

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Matches(@"Uploads\.cs\(\d+,\d+\): warning VG2001", output);
        Assert.Matches(@"Settings\.cs\(\d+,\d+\): warning VG2001: .*'/root/settings\.json'", output);
        Assert.Contains("warning VG3002", output);
        Assert.Contains("\"/app/logs\"", output);
        Assert.Equal(Head + "VOLUME /app/logs\n" + Region("Demo") + "\n" + Tail, System.IO.File.ReadAllText(project.File("Dockerfile")));
        (int runExit, string printed) = project.Run();
        Assert.True(runExit == 0, printed);
        Assert.Equal("/app/data\n" + Declared.ToCommandLine(ShellDialect.Posix, MountStyle.Mount, project.Folder) + "\n", printed.Replace("\r\n", "\n"));

        var old = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        System.IO.File.SetLastWriteTimeUtc(project.File("Dockerfile"), old);
        (exit, output) = project.Build();
        Assert.True(exit == 0, output);
        Assert.Equal(old, System.IO.File.GetLastWriteTimeUtc(project.File("Dockerfile")));

        System.IO.File.WriteAllText(project.File("AppStorage.cs"), Storage.Replace("[AnonymousVolume(\"/app/cache\")]", "[AnonymousVolume(\"/app/tmp-cache\")]"));
        (exit, output) = project.Build();
        Assert.True(exit == 0, output);
        string updated = System.IO.File.ReadAllText(project.File("Dockerfile"));
        Assert.Contains("VOLUME [\"/app/data\", \"/app/tmp-cache\"]", updated);
        Assert.DoesNotContain("\"/app/cache\"", updated);
        Assert.StartsWith(Head + "VOLUME /app/logs\n", updated);
        Assert.EndsWith("# <<< VolumeGen\n" + Tail, updated);
    }

    [Fact]
    public void Configuration_files_and_a_Dockerfile_named_by_VolumeGenDockerfile_reach_the_analyzers()
    {
        // appsettings.json (and the Production file, not the Development one) are AdditionalFiles; so is the Dockerfile
        // VolumeGenDockerfile names outside the project folder's own Dockerfile*: its WORKDIR /srv decides the paths.
        ConsumerProject project = Project("Configured", dockerfile: null,
            extraProperties: "<VolumeGenDockerfile>docker/Dockerfile</VolumeGenDockerfile></PropertyGroup><ItemGroup><FrameworkReference Include=\"Microsoft.AspNetCore.App\" /></ItemGroup><PropertyGroup>");
        Directory.CreateDirectory(project.File("docker"));
        System.IO.File.WriteAllText(project.File("docker/Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv\nCOPY bin/publish/ .\n# >>> VolumeGen\n# <<< VolumeGen\n" + Tail);
        System.IO.File.WriteAllText(project.File("appsettings.json"), "{\n  // comments are allowed\n  \"Storage\": { \"Uploads\": \"uploads\", },\n}\n");
        System.IO.File.WriteAllText(project.File("appsettings.Production.json"), "{ \"Storage\": { \"Exports\": \"exports\" } }");
        System.IO.File.WriteAllText(project.File("appsettings.Development.json"), "{ \"Storage\": { \"Uploads\": \"/tmp/dev\" } }");
        System.IO.File.WriteAllText(project.File("Uploads.cs"), """
            namespace Demo;
            public sealed class Uploads(Microsoft.Extensions.Configuration.IConfiguration configuration)
            {
                public void Save(string text) => System.IO.File.WriteAllText(System.IO.Path.Combine(configuration["Storage:Uploads"]!, "a.txt"), text);
                public void Export(string text) => System.IO.File.WriteAllText(System.IO.Path.Combine(configuration["Storage:Exports"]!, "b.txt"), text);
            }
            """);

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Matches(@"Uploads\.cs\(4,\d+\): warning VG2001: File\.WriteAllText writes to 'appsettings\.json: Storage:Uploads = ""uploads""' \(container path '/srv/uploads/a\.txt'\)", output);
        Assert.Matches(@"Uploads\.cs\(5,\d+\): warning VG2001: File\.WriteAllText writes to 'appsettings\.Production\.json: Storage:Exports = ""exports""' \(container path '/srv/exports/b\.txt'\)", output);
        Assert.Contains("set Storage:Uploads in appsettings.json to \"/srv/data/uploads\"", output);
    }

    /// <summary>
    /// Issue 22, through the real compiler: a known folder with a name known only at run time is judged by its folder, and
    /// C# 14's lazily initialised backing field (<c>field ??= expr</c>, which the analyzer tests' Roslyn 4.8 cannot parse)
    /// is the value it is initialised with.
    /// </summary>
    [Fact]
    public void A_partly_known_path_behind_a_lazily_initialised_property_is_judged_by_its_folder()
    {
        ConsumerProject project = Project("Lazy", dockerfile: null);
        System.IO.File.WriteAllText(project.File("Posts.cs"), """
            namespace Demo;
            public sealed class Posts
            {
                private string Folder => field ??= System.IO.Path.Combine("/srv", "posts");

                public void Save(string name, string text) => System.IO.File.WriteAllText(System.IO.Path.Combine(Folder, "files", name), text);

                public void Keep(string name, string text) => System.IO.File.WriteAllText(System.IO.Path.Combine("/app/data", name), text);
            }
            """);

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Matches(@"Posts\.cs\(6,\d+\): warning VG2001: File\.WriteAllText writes to '/srv/posts/files/\{name\}' \(container path '/srv/posts/files/\{name\}'\)", output);
        Assert.DoesNotMatch(@"Posts\.cs\(8,", output);
    }

    [Fact]
    public void A_Dockerfile_in_a_docker_folder_that_names_the_project_is_found_and_read_by_the_analyzers()
    {
        // Not in the project folder's Dockerfile* glob and not named by VolumeGenDockerfile: FindContainerFiles lists it,
        // and the analyzers read it because its ENTRYPOINT names Found.dll (WORKDIR /srv/found decides the path).
        ConsumerProject project = Project("Found", dockerfile: null);
        Directory.CreateDirectory(project.File("docker"));
        System.IO.File.WriteAllText(project.File("docker/app.Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv/found\nCOPY publish/ .\nENTRYPOINT [\"dotnet\", \"Found.dll\"]\n");
        System.IO.File.WriteAllText(project.File("Uploads.cs"),
            "namespace Demo;\npublic static class Uploads\n{\n    public static void Save(string text) => System.IO.File.WriteAllText(\"uploads/a.txt\", text);\n}\n");

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Matches(@"Uploads\.cs\(\d+,\d+\): warning VG2001: .*\(container path '/srv/found/uploads/a\.txt'\)", output);
    }

    [Fact]
    public void Crlf_and_bom_file_gets_the_region_with_crlf_and_every_other_byte_identical()
    {
        byte[] head = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Head.Replace("\n", "\r\n"))).ToArray();
        byte[] tail = Encoding.UTF8.GetBytes("\r\n" + Tail.Replace("\n", "\r\n"));
        ConsumerProject project = Project("Crlf", dockerfile: null);
        System.IO.File.WriteAllBytes(project.File("Dockerfile"), head.Concat(Encoding.UTF8.GetBytes("# >>> VolumeGen\r\nVOLUME /stale\r\n# <<< VolumeGen")).Concat(tail).ToArray());

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        byte[] expected = head.Concat(Encoding.UTF8.GetBytes(Region("Crlf", "\r\n"))).Concat(tail).ToArray();
        Assert.Equal(expected, System.IO.File.ReadAllBytes(project.File("Dockerfile")));
    }

    [Fact]
    public void Dockerfile_without_markers_gets_a_warning_with_the_two_lines_and_stays_byte_identical()
    {
        byte[] original = Encoding.UTF8.GetBytes(Head + Tail);
        ConsumerProject project = Project("NoMarkers", Head + Tail);

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Contains("warning VG3001", output);
        Assert.Contains("'# >>> VolumeGen' and '# <<< VolumeGen'", output);
        Assert.Equal(original, System.IO.File.ReadAllBytes(project.File("Dockerfile")));
    }

    [SkippableFact]
    public void Unwritable_dockerfile_fails_the_build_naming_the_file_and_stays_intact()
    {
        string text = Head + "# >>> VolumeGen\n# <<< VolumeGen\n" + Tail;
        ConsumerProject project = Project("ReadOnly", text);
        using ImmutableFile? immutable = ImmutableFile.TryCreate(project.File("Dockerfile"));
        Skip.If(immutable is null, "chattr +i is not available; as root, chmod does not stop writes, so there is no honest read-only file.");

        (int exit, string output) = project.Build();

        Assert.NotEqual(0, exit);
        Assert.Contains("error VG3003", output);
        Assert.Contains(project.File("Dockerfile"), output);
        Assert.Equal(text, System.IO.File.ReadAllText(project.File("Dockerfile")));
        Assert.Empty(Directory.GetFiles(project.Folder, "*.tmp"));
    }

    [Fact]
    public void Multi_targeted_build_writes_the_file_once_and_whole()
    {
        ConsumerProject project = Project("Multi", Head + "# >>> VolumeGen\n# <<< VolumeGen\n" + Tail, "net8.0;net10.0");

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Equal(Head + Region("Multi") + "\n" + Tail, System.IO.File.ReadAllText(project.File("Dockerfile")));
        Assert.True(Directory.Exists(project.File("obj/Debug/net8.0/volumegen")), "the first target framework writes");
        Assert.False(Directory.Exists(project.File("obj/Debug/net10.0/volumegen")), "the second target framework must not write");
    }

    [SkippableFact]
    public void Without_a_dockerfile_the_compose_override_and_kubernetes_file_are_written_and_valid()
    {
        ConsumerProject project = Project("NoDockerfile", dockerfile: null, extraProperties:
            "<VolumeGenComposeFile>compose.volumegen.yaml</VolumeGenComposeFile><VolumeGenKubernetesFile>deploy/volumes.yaml</VolumeGenKubernetesFile>");

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("VG300", output);
        Assert.False(System.IO.File.Exists(project.File("Dockerfile")));
        Assert.True(System.IO.File.Exists(project.File("obj/Debug/net10.0/volumegen/Dockerfile.volumegen")));
        List<object> objects = KubernetesYaml.LoadAllFromString(System.IO.File.ReadAllText(project.File("deploy/volumes.yaml")));
        Assert.Equal("profiles", Assert.Single(objects.OfType<V1PersistentVolumeClaim>()).Metadata.Name);
        Assert.Equal("nodockerfile", Assert.Single(objects.OfType<V1Deployment>()).Metadata.Name);

        bool required = System.Environment.GetEnvironmentVariable("VOLUMEGEN_REQUIRE_DOCKER") == "1";
        if (!Processes.OnPath("docker-compose") && required)
        {
            Assert.Fail("VOLUMEGEN_REQUIRE_DOCKER=1 but docker-compose is not on PATH (Debian package docker-compose).");
        }

        Skip.IfNot(Processes.OnPath("docker-compose"), "docker-compose is not installed (Debian package docker-compose); the Kubernetes part passed.");
        System.IO.File.WriteAllText(project.File("compose.yaml"), "services:\n  nodockerfile:\n    image: mcr.microsoft.com/dotnet/aspnet:10.0\n");
        Directory.CreateDirectory(project.File("config"));
        (int composeExit, string config) = Processes.Run("docker-compose", new[] { "-f", "compose.yaml", "-f", "compose.volumegen.yaml", "config" }, project.Folder);
        Assert.True(composeExit == 0, config);
        Assert.Contains("/app/data", config);
    }

    [Fact]
    public void VolumeGenEmit_false_writes_nothing()
    {
        string text = Head + "# >>> VolumeGen\n# <<< VolumeGen\n" + Tail;
        ConsumerProject project = Project("EmitOff", text, extraProperties: "<VolumeGenEmit>false</VolumeGenEmit>");

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Equal(text, System.IO.File.ReadAllText(project.File("Dockerfile")));
        Assert.False(Directory.Exists(project.File("obj/Debug/net10.0/volumegen")));
        Assert.False(System.IO.File.Exists(project.File("volumegen.lock.json")));
    }

    [Fact]
    public void Dotnet_watch_does_not_watch_the_files_volumegen_writes()
    {
        ConsumerProject project = Project("Watch", Head + "# >>> VolumeGen\n# <<< VolumeGen\n" + Tail, extraProperties:
            "<VolumeGenComposeFile>compose.volumegen.yaml</VolumeGenComposeFile>");
        System.IO.File.WriteAllText(project.File("compose.volumegen.yaml"), "services: {}\n");
        System.IO.File.WriteAllText(project.File("volumegen.lock.json"), StorageLock.FromMounts(Declared).ToJson());
        System.IO.File.WriteAllText(project.File("settings.json"), "{}\n");
        // A project that asks dotnet watch to watch its JSON files (as the dotnet watch docs show) still does not watch the lock.
        string csproj = project.File(project.Name + ".csproj");
        System.IO.File.WriteAllText(csproj, System.IO.File.ReadAllText(csproj).Replace("</Project>", "  <ItemGroup><Watch Include=\"*.json\" /></ItemGroup>\n</Project>"));

        (int exit, string output) = Processes.Run("dotnet", new[] { "watch", "--list", "--project", project.Name + ".csproj" }, project.Folder, _fixture.Environment());

        Assert.True(exit == 0, output);
        Assert.Contains("Program.cs", output);
        Assert.True(output.Contains("settings.json", StringComparison.Ordinal), output);
        Assert.DoesNotContain(project.File("Dockerfile"), output);
        Assert.DoesNotContain("compose.volumegen.yaml", output);
        Assert.DoesNotContain("volumegen.lock.json", output);
    }
}
