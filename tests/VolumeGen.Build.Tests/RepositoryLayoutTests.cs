using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// Container files where repositories keep them, through real <c>dotnet build</c>s of the packed package: the build
/// keeps the block of the Dockerfile the analyzers read — at the repository root, in Visual Studio's multi-project
/// layout — or says where its markers go (VG3001); compose files in another folder count when their build leads to the
/// project; the SDK's <c>ContainerEnvironmentVariable</c> items are the container's environment; VG2008 says which
/// Dockerfile was read when the project folder holds several.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class RepositoryLayoutTests
{
    private const string Storage = """
        using VolumeGen;

        namespace Shop;

        [PersistentVolume("/app/data", Name = "shop-data")]
        public static partial class AppStorage { }
        """;

    // The Dockerfile `docker init` and most repositories keep at the root: it builds src/Shop.
    private const string RootDockerfileHead = """
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        WORKDIR /src
        COPY ["src/Shop/Shop.csproj", "src/Shop/"]
        RUN dotnet restore "src/Shop/Shop.csproj"
        COPY . .
        RUN dotnet publish "src/Shop/Shop.csproj" -c Release -o /app/publish

        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
        WORKDIR /app
        COPY --from=build /app/publish .

        """;

    private const string RootDockerfileTail = "USER $APP_UID\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n";

    private readonly PackageFixture _fixture;

    public RepositoryLayoutTests(PackageFixture fixture) => _fixture = fixture;

    private ConsumerProject Shop(string repository, string extraProperties = "", string relativeFolder = "src/Shop")
        => _fixture.CreateProject("Shop", "net10.0", extraProperties, new Dictionary<string, string>
        {
            ["AppStorage.cs"] = Storage,
            ["Program.cs"] = "Console.WriteLine(Shop.AppStorage.ShopData);\n",
        }, Path.Combine(repository, relativeFolder));

    [Fact]
    public void A_repository_root_Dockerfile_that_builds_the_project_gets_its_block_from_dotnet_build()
    {
        string repository = _fixture.CreateRepository("root-dockerfile");
        string dockerfile = Path.Combine(repository, "Dockerfile");
        File.WriteAllText(dockerfile, RootDockerfileHead + "# >>> VolumeGen\n# <<< VolumeGen\n" + RootDockerfileTail);
        ConsumerProject project = Shop(repository);

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        string text = File.ReadAllText(dockerfile);
        Assert.StartsWith(RootDockerfileHead + "# >>> VolumeGen: Shop (generated from AppStorage; edits inside this block are overwritten)\n", text);
        Assert.EndsWith("VOLUME [\"/app/data\"]\n# <<< VolumeGen\n" + RootDockerfileTail, text);

        // A second build changes nothing.
        DateTime written = File.GetLastWriteTimeUtc(dockerfile);
        (exit, output) = project.Build();
        Assert.True(exit == 0, output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(dockerfile));
    }

    [Fact]
    public void A_repository_root_Dockerfile_without_markers_gets_VG3001_naming_it_and_the_line_where_they_go()
    {
        string repository = _fixture.CreateRepository("root-no-markers");
        string dockerfile = Path.Combine(repository, "Dockerfile");
        File.WriteAllText(dockerfile, RootDockerfileHead + RootDockerfileTail);
        byte[] before = File.ReadAllBytes(dockerfile);
        ConsumerProject project = Shop(repository);

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        // The markers go before `USER $APP_UID` (line 11), where the image is still built as root.
        int userLine = Array.IndexOf(File.ReadAllLines(dockerfile), "USER $APP_UID") + 1;
        Assert.Equal(11, userLine);
        Assert.Matches(Regex.Escape(dockerfile) + @"\(11\): warning VG3001: [^\r\n]*before line 11 \('USER \$APP_UID'\)", output);
        Assert.Equal(before, File.ReadAllBytes(dockerfile));
    }

    [Fact]
    public void Visual_Studios_multi_project_layout_keeps_the_project_folders_Dockerfile_and_reads_the_solution_compose_file()
    {
        // Visual Studio: the Dockerfile in the project folder, the build context the solution folder (DockerfileContext),
        // docker-compose.yml at the solution root building that Dockerfile and bind-mounting the uploads.
        string repository = _fixture.CreateRepository("visual-studio");
        ConsumerProject project = Shop(repository, "<DockerfileContext>../..</DockerfileContext>");
        string dockerfile = project.File("Dockerfile");
        File.WriteAllText(dockerfile, """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
            # >>> VolumeGen
            # <<< VolumeGen
            USER $APP_UID
            WORKDIR /app

            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY ["src/Shop/Shop.csproj", "src/Shop/"]
            RUN dotnet restore "./src/Shop/Shop.csproj"
            COPY . .
            WORKDIR "/src/src/Shop"
            RUN dotnet publish "./Shop.csproj" -c Release -o /app/publish

            FROM base AS final
            WORKDIR /app
            COPY --from=build /app/publish .
            ENTRYPOINT ["dotnet", "Shop.dll"]

            """);
        File.WriteAllText(Path.Combine(repository, "docker-compose.yml"),
            "services:\n  shop:\n    build:\n      context: .\n      dockerfile: src/Shop/Dockerfile\n    volumes:\n      - ./uploads:/app/uploads\n");
        File.WriteAllText(project.File("Writes.cs"), """
            namespace Shop;
            public static class Writes
            {
                public static void Upload(string text) => System.IO.File.WriteAllText("/app/uploads/a.txt", text);
                public static void Export(string text) => System.IO.File.WriteAllText("/app/exports/b.txt", text);
            }
            """);

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Contains("# >>> VolumeGen: Shop (generated from AppStorage", File.ReadAllText(dockerfile));
        Assert.Matches(@"Writes\.cs\(5,\d+\): warning VG2001", output);
        Assert.DoesNotMatch(@"Writes\.cs\(4,\d+\): warning VG2001", output);
    }

    [Fact]
    public void A_compose_file_in_a_docker_compose_folder_counts_when_its_build_leads_to_the_project()
    {
        // The compose file lives in docker-compose/ (not above the project, not a conventional folder); its service builds
        // the project folder and bind-mounts the paths the app writes. Those writes are persisted: no VG2001.
        string repository = _fixture.CreateRepository("compose-folder");
        ConsumerProject project = Shop(repository);
        File.WriteAllText(project.File("Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n# >>> VolumeGen\n# <<< VolumeGen\nCOPY out/ .\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n");
        Directory.CreateDirectory(Path.Combine(repository, "docker-compose"));
        File.WriteAllText(Path.Combine(repository, "docker-compose", "docker-compose.yml"),
            "services:\n  shop:\n    build:\n      context: ../src/Shop\n    volumes:\n      - ./recordings:/app/recordings\n      - ./logs:/app/logs\n  other:\n    image: nginx\n    volumes:\n      - ./www:/app/exports\n");
        File.WriteAllText(project.File("Writes.cs"), """
            namespace Shop;
            public static class Writes
            {
                public static void Record(string text) => System.IO.File.WriteAllText("/app/recordings/a.txt", text);
                public static void Log(string text) => System.IO.File.AppendAllText("/app/logs/b.txt", text);
                public static void Export(string text) => System.IO.File.WriteAllText("/app/exports/c.txt", text);
            }
            """);

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.DoesNotMatch(@"Writes\.cs\([45],\d+\): warning VG2001", output);
        Assert.Matches(@"Writes\.cs\(6,\d+\): warning VG2001", output); // the other service's mount is not this container's
    }

    [Fact]
    public void The_SDKs_ContainerEnvironmentVariable_items_are_the_containers_environment()
    {
        // SDK container publishing: no Dockerfile; the image's environment comes from ContainerEnvironmentVariable items.
        string repository = _fixture.CreateRepository("sdk-environment");
        ConsumerProject project = Shop(repository,
            "<EnableSdkContainerSupport>true</EnableSdkContainerSupport></PropertyGroup><ItemGroup><FrameworkReference Include=\"Microsoft.AspNetCore.App\" />"
            + "<ContainerEnvironmentVariable Include=\"Storage__Uploads\" Value=\"/srv/uploads\" /></ItemGroup><PropertyGroup>");
        File.WriteAllText(project.File("appsettings.json"), "{ \"Storage\": { \"Uploads\": \"/app/data/uploads\" } }\n");
        File.WriteAllText(project.File("Writes.cs"), """
            namespace Shop;
            public sealed class Writes(Microsoft.Extensions.Configuration.IConfiguration configuration)
            {
                public void Upload(string text) => System.IO.File.WriteAllText(System.IO.Path.Combine(configuration["Storage:Uploads"]!, "a.txt"), text);
            }
            """);

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Matches(@"Writes\.cs\(4,\d+\): warning VG2001: [^\r\n]*'/srv/uploads/a\.txt'", output);
        Assert.Contains("ContainerEnvironmentVariable", output);
    }

    [Fact]
    public void Several_Dockerfiles_in_the_project_folder_get_VG2008_although_VolumeGenDockerfile_was_only_defaulted()
    {
        // VG2008 is info, which a build does not print: a global config raises it (diagnostics on AdditionalFiles take
        // their severity from global options, not from an .editorconfig section).
        string repository = _fixture.CreateRepository("several");
        ConsumerProject project = Shop(repository, "</PropertyGroup><ItemGroup><GlobalAnalyzerConfigFiles Include=\"vg.globalconfig\" /></ItemGroup><PropertyGroup>");
        foreach (string name in new[] { "Dockerfile", "Dockerfile.dev", "Dockerfile.prod", "Dockerfile.test" })
        {
            File.WriteAllText(project.File(name), "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n");
        }

        File.WriteAllText(project.File("vg.globalconfig"), "is_global = true\ndotnet_diagnostic.VG2008.severity = warning\n");

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Matches(@"warning VG2008: The analyzers read 'Dockerfile' \(in the project folder\)[^\r\n]*'Dockerfile\.dev'", output);
    }
}
