using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// Container files where they live: the Dockerfile that builds this project is found among the repository's files
/// (it names the project's .csproj or .dll), a Dockerfile that builds another project is not read, compose services
/// count only when their build leads to the project, and VG2008 says which Dockerfile was read when several fit or
/// none does.
/// </summary>
public sealed class ContainerFileSelectionTests
{
    private const string Project = "build_property.MSBuildProjectDirectory = /repo/src/Shop\nbuild_property.MSBuildProjectName = Shop";

    private const string ShopDockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [\"src/Shop/Shop.csproj\", \"src/Shop/\"]\nRUN dotnet publish \"src/Shop/Shop.csproj\" -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv/shop\nCOPY --from=build /out .\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n";

    private const string OtherDockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv/other\nUSER root\nCOPY out/ .\nENTRYPOINT [\"dotnet\", \"MyShop.dll\"]\n";

    private static DiagnosticResult Relative(string resolved, string folder) => Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath,
        "File.WriteAllText", "uploads/a.png", resolved,
        "keep the app's data in one folder: move it into '" + folder + "' and declare [PersistentVolume(\"" + folder + "\")] on the storage class, or [assembly: EphemeralPath(\"" + resolved.Substring(0, resolved.LastIndexOf('/')) + "\")] if losing it is intended");

    private static UsageTest Test(params DiagnosticResult[] expected)
        => new UsageTest(Sources.Plain("File.WriteAllText({|#0:\"uploads/a.png\"|}, \"x\");"), expected).WithSource(Sources.Stubs).WithGlobalConfig(Project);

    [Fact]
    public async Task A_repository_root_Dockerfile_that_names_the_project_is_read_silently()
        => await Test(Relative("/srv/shop/uploads/a.png", "/srv/shop/data"))
            .WithFileAt("/repo/Dockerfile", ShopDockerfile)
            .RunAsync();

    [Fact]
    public async Task A_Dockerfile_in_a_docker_folder_that_names_the_assembly_is_read()
        => await Test(Relative("/srv/shop/uploads/a.png", "/srv/shop/data"))
            .WithFileAt("/repo/docker/shop.Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv/shop\nCOPY publish/ .\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n")
            .RunAsync();

    [Fact]
    public async Task A_Dockerfile_that_builds_another_project_is_not_read_and_VG2008_says_so()
    {
        // Read, its WORKDIR /srv/other would move the write and USER root the key ring: neither may happen. (MyShop.dll is not Shop.dll.)
        DiagnosticResult none = new DiagnosticResult(DiagnosticDescriptors.ContainerFilesChosen).WithLocation(1).WithArguments(
            "None of the Dockerfiles found builds Shop ('../../Dockerfile': no COPY, ADD, RUN, ENTRYPOINT or CMD names Shop.csproj or Shop.dll or TestProject.csproj or TestProject.dll or copies the project folder); the analyzers assume the working directory /app and the SDK containers' user 'app'; set VolumeGenDockerfile if one of them is this project's");
        await new UsageTest(Sources.WithAttributes("File.WriteAllText(\"data/a.txt\", \"x\"); services.{|#0:AddDataProtection()|};"),
                Expect.Diagnostic(DiagnosticDescriptors.DataProtectionKeysNotPersisted, "~/.aspnet/DataProtection-Keys", "/home/app/.aspnet/DataProtection-Keys"), none)
            .WithSource(Sources.Stubs).WithGlobalConfig(Project)
            .WithFileAt("/repo/Dockerfile", "{|#1:FROM mcr.microsoft.com/dotnet/aspnet:10.0|}\n" + OtherDockerfile.Substring(OtherDockerfile.IndexOf('\n') + 1))
            .RunAsync();
    }

    [Fact]
    public async Task When_several_fit_the_project_folder_wins_and_VG2008_names_the_others()
    {
        DiagnosticResult several = new DiagnosticResult(DiagnosticDescriptors.ContainerFilesChosen).WithLocation(1).WithArguments(
            "The analyzers read 'Dockerfile' (in the project folder) as the Dockerfile of Shop; also found '../../Dockerfile' (its ENTRYPOINT runs Shop.dll); set VolumeGenDockerfile to choose another");
        await Test(Relative("/opt/shop/uploads/a.png", "/opt/shop/data"), several)
            .WithFileAt("/repo/Dockerfile", ShopDockerfile)
            .WithFileAt("/repo/src/Shop/Dockerfile", "{|#1:FROM mcr.microsoft.com/dotnet/aspnet:10.0|}\nWORKDIR /opt/shop\n")
            .RunAsync();
    }

    [Fact]
    public async Task VolumeGenDockerfile_decides_without_a_report()
        => await Test(Relative("/srv/shop/uploads/a.png", "/srv/shop/data"))
            .WithGlobalConfig(Project + "\nbuild_property.VolumeGenDockerfilePath = /repo/Dockerfile")
            .WithFileAt("/repo/Dockerfile", ShopDockerfile)
            .WithFileAt("/repo/src/Shop/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /opt/shop\n")
            .RunAsync();

    [Fact]
    public async Task A_Dockerfile_listed_in_VolumeGenContainerFiles_fits_without_naming_the_project()
        => await Test(Relative("/srv/listed/uploads/a.png", "/srv/listed/data"))
            .WithGlobalConfig(Project + "\nbuild_property.VolumeGenContainerFiles = ../../ops/Dockerfile")
            .WithFileAt("/repo/ops/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv/listed\n")
            .RunAsync();

    [Fact]
    public async Task A_repository_compose_file_counts_only_through_the_services_that_build_the_project()
    {
        const string compose = """
            services:
              shop:
                build:
                  context: .
                  dockerfile: Dockerfile
                volumes:
                  - uploads:/srv/shop/uploads
              other:
                build: ./src/Other
                volumes:
                  - everything:/srv
            volumes:
              uploads:
              everything:
            """;
        await new UsageTest(Sources.Plain("File.WriteAllText(\"uploads/a.png\", \"x\"); File.WriteAllText({|#0:\"/srv/exports/b.csv\"|}, \"x\");"),
                Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0))
            .WithSource(Sources.Stubs).WithGlobalConfig(Project)
            .WithFileAt("/repo/Dockerfile", ShopDockerfile)
            .WithFileAt("/repo/compose.yaml", compose)
            .RunAsync();
    }

    [Fact]
    public async Task A_repository_compose_file_that_runs_only_other_projects_is_not_read()
        => await Test(Relative("/app/uploads/a.png", "/app/data"))
            .WithFileAt("/repo/deploy/compose.yaml", "services:\n  other:\n    build: ../src/Other\n    volumes:\n      - data:/app\n      - up:/app/uploads\n    environment:\n      ASPNETCORE_ENVIRONMENT: Other\n")
            .RunAsync();

    [Fact]
    public async Task A_compose_service_whose_context_is_the_project_folder_runs_the_project()
        => await Test()
            .WithFileAt("/repo/compose.yaml", "services:\n  shop:\n    build: src/Shop\n    volumes:\n      - up:/app/uploads\n")
            .WithFileAt("/repo/src/Shop/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n")
            .RunAsync();

    // immense/Remotely (0f023d2d): the database path comes from Remotely_ConnectionStrings__SQLite in
    // docker-compose/docker-compose.yml (image only, bind-mounting /app/AppData), read through AddEnvironmentVariables("Remotely_");
    // docker-compose.override.yml beside it builds Server/Dockerfile, so compose's merged service is the project's.
    private const string RemotelyCompose = "services:\n  remotely:\n    image: immybot/remotely:latest\n    volumes:\n      - /var/www/remotely:/app/AppData\n    environment:\n      - Remotely_ConnectionStrings__SQLite=Data Source=/app/AppData/Remotely.db\n";

    private static UsageTest Remotely(string overrideBuilds, params DiagnosticResult[] expected)
        => new UsageTest(ConfigurationTests.Program("using var c = new Microsoft.Data.Sqlite.SqliteConnection({|#0:configuration.GetConnectionString(\"SQLite\")|});")
                + "\npublic static class Host { public static void Configure(Microsoft.Extensions.Configuration.IConfigurationBuilder builder) => builder.AddEnvironmentVariables(\"Remotely_\"); }\n", expected)
            .WithAspNetCore()
            .WithGlobalConfig("build_property.MSBuildProjectDirectory = /repo/Server\nbuild_property.MSBuildProjectName = Server")
            .WithFileAt("/repo/Server/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY Server/bin/publish /app\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"Remotely_Server.dll\"]\n")
            .WithFileAt("/repo/Server/appsettings.json", "{ \"ConnectionStrings\": { \"SQLite\": {|#1:\"Data Source=Remotely.db\"|} } }")
            .WithFileAt("/repo/docker-compose/docker-compose.yml", RemotelyCompose)
            .WithFileAt("/repo/docker-compose/docker-compose.override.yml", "services:\n  remotely:\n    build:\n      context: ../\n      dockerfile: " + overrideBuilds + "\n");

    [Fact]
    public async Task Remotelys_database_is_persisted_by_its_compose_folder_and_its_prefixed_variables()
        => await Remotely("Server/Dockerfile").RunAsync();

    [Fact]
    public async Task A_compose_folder_that_builds_another_project_does_not_persist_this_ones_database()
        => await Remotely("Agent/Dockerfile", Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0).WithLocation(1)).RunAsync();
}
