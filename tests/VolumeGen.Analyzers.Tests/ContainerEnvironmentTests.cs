using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// The container's environment — the Dockerfile's final-stage <c>ENV</c> and the compose service's
/// <c>environment:</c> — chooses the environment file and overrides configuration (<c>__</c> is <c>:</c>), and
/// <c>Environment.GetEnvironmentVariable</c> reads it.
/// </summary>
public sealed class ContainerEnvironmentTests
{
    private const string Write = "File.WriteAllText({|#0:Path.Combine(configuration[\"Storage:Uploads\"]!, \"a.png\")|}, \"x\");";

    [Fact]
    public async Task The_final_stage_ENV_chooses_the_environment_file()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "appsettings.Staging.json: Storage:Uploads = \"/srv/staging\"", "/srv/staging/a.png",
            "declare [PersistentVolume(\"/srv/staging\")] on the storage class, or [assembly: EphemeralPath(\"/srv/staging\")] if losing it is intended");
        await new UsageTest(ConfigurationTests.Program(Write), expected)
            .WithAspNetCore()
            .WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nENV ASPNETCORE_ENVIRONMENT=Development\nFROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final\nENV ASPNETCORE_ENVIRONMENT=Staging\nWORKDIR /app\n")
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"/srv/main\" } }")
            .WithFile("appsettings.Staging.json", "{ \"Storage\": { \"Uploads\": {|#1:\"/srv/staging\"|} } }")
            .WithFile("appsettings.Development.json", "{ \"Storage\": { \"Uploads\": \"/srv/development\" } }")
            .RunAsync();
    }

    [Fact]
    public async Task An_ENV_of_another_stage_does_not_reach_the_container()
        => await new UsageTest(ConfigurationTests.Program(Write.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)))
            .WithAspNetCore()
            .WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nENV ASPNETCORE_ENVIRONMENT=Staging\nFROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final\nWORKDIR /app\n")
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"/tmp/main\" } }")
            .WithFile("appsettings.Staging.json", "{ \"Storage\": { \"Uploads\": \"/srv/staging\" } }")
            .RunAsync();

    [Fact]
    public async Task A_Dockerfile_ENV_overrides_the_file_and_is_named_with_its_line()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "Dockerfile ENV: Storage__Uploads = \"/srv/from-env\"", "/srv/from-env/a.png",
            "declare [PersistentVolume(\"/srv/from-env\")] on the storage class, or [assembly: EphemeralPath(\"/srv/from-env\")] if losing it is intended");
        await new UsageTest(ConfigurationTests.Program(Write), expected)
            .WithAspNetCore()
            .WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n{|#1:ENV Storage__Uploads=/srv/from-env|}\n")
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"uploads\" } }")
            .RunAsync();
    }

    [Fact]
    public async Task A_compose_environment_overrides_the_image_ENV()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "new SqliteConnection", "compose environment: ConnectionStrings__Db = \"Data Source=/srv/db/shop.db\"", "/srv/db/shop.db",
            "declare [PersistentVolume(\"/srv/db\")] on the storage class, or [assembly: EphemeralPath(\"/srv/db\")] if losing it is intended");
        await new UsageTest(ConfigurationTests.Program("using var c = new Microsoft.Data.Sqlite.SqliteConnection({|#0:configuration.GetConnectionString(\"Db\")|});"), expected)
            .WithAspNetCore()
            .WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nENV ConnectionStrings__Db=\"Data Source=/srv/image/shop.db\"\n")
            .WithFile("compose.yaml", "services:\n  shop:\n    build: .\n    environment:\n{|#1:      ConnectionStrings__Db: Data Source=/srv/db/shop.db|}\n  cache:\n    image: redis\n    environment:\n      ConnectionStrings__Db: Data Source=/srv/other.db\n")
            .WithFile("appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"Data Source=/app/data/shop.db\" } }")
            .RunAsync();
    }

    [Fact]
    public async Task A_value_from_the_environment_carries_no_configuration_file_properties()
    {
        var diagnostics = await AnalyzerRun.RunAsync(
            new[] { ConfigurationTests.Program(Write) },
            new[] { ("Dockerfile", "FROM base\nWORKDIR /app\nENV Storage__Uploads=uploads\n"), ("appsettings.json", "{ }") });

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("/app/data", diagnostic.Properties[DiagnosticDescriptors.FolderProperty]);
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticDescriptors.ConfigFileProperty));
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticDescriptors.ConfigSuggestedValueProperty));
        Assert.Equal("/0/Dockerfile", diagnostic.AdditionalLocations.Single().GetLineSpan().Path);
    }

    // Remotely reads its configuration through AddEnvironmentVariables("Remotely_") and sets Remotely_... in compose.
    private const string RemotelyCompose = "services:\n  shop:\n    build: .\n    volumes:\n      - ./data:/remotely-data\n    environment:\n{|#1:      Remotely_Storage__Uploads: /remotely-data/uploads|}\n";

    [Fact]
    public async Task AddEnvironmentVariables_with_a_prefix_strips_it_and_wins_over_every_file()
        => await new UsageTest(ConfigurationTests.Program(Write.Replace("{|#0:", string.Empty).Replace("|}", string.Empty))
                + "\npublic static class Host { public static void Configure(Microsoft.Extensions.Configuration.IConfigurationBuilder builder) => builder.AddEnvironmentVariables(\"Remotely_\"); }\n")
            .WithAspNetCore()
            .WithFile("compose.yaml", RemotelyCompose.Replace("{|#1:", string.Empty).Replace("|}", string.Empty))
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"uploads\" } }")
            .RunAsync();

    [Fact]
    public async Task Without_AddEnvironmentVariables_the_prefixed_variable_is_only_a_variable()
    {
        // The same compose file; no code adds the prefix, so Storage:Uploads stays appsettings.json's relative folder.
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "appsettings.json: Storage:Uploads = \"uploads\"", "/app/uploads/a.png",
            "set Storage:Uploads in appsettings.json to \"/app/data/uploads\" and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/uploads\")] if losing it is intended");
        await new UsageTest(ConfigurationTests.Program(Write), expected)
            .WithAspNetCore()
            .WithFile("compose.yaml", RemotelyCompose.Replace("{|#1:", string.Empty).Replace("|}", string.Empty))
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": {|#1:\"uploads\"|} } }")
            .RunAsync();
    }

    [Fact]
    public async Task A_prefixed_value_is_named_by_its_variable_when_it_is_lost()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "compose environment: Remotely_Storage__Uploads = \"/srv/uploads\"", "/srv/uploads/a.png",
            "declare [PersistentVolume(\"/srv/uploads\")] on the storage class, or [assembly: EphemeralPath(\"/srv/uploads\")] if losing it is intended");
        await new UsageTest(ConfigurationTests.Program(Write)
                + "\npublic static class Host { public static void Configure(Microsoft.Extensions.Configuration.IConfigurationBuilder builder) => builder.AddEnvironmentVariables(prefix: \"remotely_\"); }\n", expected)
            .WithAspNetCore()
            .WithFile("compose.yaml", RemotelyCompose.Replace("/remotely-data/uploads", "/srv/uploads"))
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"/remotely-data/uploads\" } }")
            .RunAsync();
    }

    [Fact]
    public async Task The_SDKs_ContainerEnvironmentVariable_items_are_the_images_environment_without_a_Dockerfile()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "ContainerEnvironmentVariable: Storage__Uploads = \"/srv/sdk\"", "/srv/sdk/a.png",
            "declare [PersistentVolume(\"/srv/sdk\")] on the storage class, or [assembly: EphemeralPath(\"/srv/sdk\")] if losing it is intended");
        await new UsageTest(ConfigurationTests.Program(Write), expected)
            .WithAspNetCore()
            .WithGlobalConfig("build_property.EnableSdkContainerSupport = true")
            .WithFile("obj/ContainerEnvironmentVariables.volumegen.env", "ASPNETCORE_URLS=http://+:8080\n{|#1:Storage__Uploads=/srv/sdk|}\n")
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"/app/data/uploads\" } }")
            .RunAsync();
    }

    [Fact]
    public async Task The_SDKs_items_do_not_reach_an_image_a_Dockerfile_builds()
        => await new UsageTest(ConfigurationTests.Program(Write.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), storage: "[PersistentVolume(\"/app/data\")]"))
            .WithAspNetCore()
            .WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n")
            .WithFile("obj/ContainerEnvironmentVariables.volumegen.env", "Storage__Uploads=/srv/sdk\n")
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"/app/data/uploads\" } }")
            .RunAsync();

    [Fact]
    public async Task An_environment_setting_that_keeps_data_in_a_volume_is_fine()
        => await new UsageTest(ConfigurationTests.Program("File.WriteAllText(Path.Combine(configuration[\"Storage:Uploads\"]!, \"a.png\"), \"x\");", storage: "[PersistentVolume(\"/app/data\")]"))
            .WithAspNetCore()
            .WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nENV Storage__Uploads=/app/data/uploads\n")
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"uploads\" } }")
            .RunAsync();

    [Theory]
    [InlineData("Environment.GetEnvironmentVariable(\"DATA_DIR\")!")]
    [InlineData("Environment.GetEnvironmentVariable(\"DATA_DIR\") ?? \"/tmp\"")]
    public async Task GetEnvironmentVariable_reads_what_the_container_sets(string expression)
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "Dockerfile ENV: DATA_DIR = \"/srv/state\"", "/srv/state/a.json",
            "declare [PersistentVolume(\"/srv/state\")] on the storage class, or [assembly: EphemeralPath(\"/srv/state\")] if losing it is intended");
        await new UsageTest(ConfigurationTests.Program("File.WriteAllText({|#0:Path.Combine(" + expression + ", \"a.json\")|}, \"x\");"), expected)
            .WithAspNetCore()
            .WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\n{|#1:ENV DATA_DIR=/srv/state|}\nFROM base AS final\nWORKDIR /app\n")
            .RunAsync();
    }

    [Fact]
    public async Task An_unset_variable_stays_unknown_even_with_a_default()
        => await new UsageTest(ConfigurationTests.Program("File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable(\"OTHER\") ?? \"/srv/default\", \"a\"), \"x\");"))
            .WithAspNetCore()
            .WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV DATA_DIR=/srv/state\n")
            .RunAsync();

    [Fact]
    public async Task ASPNETCORE_WEBROOT_moves_the_web_root()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "Dockerfile ENV: ASPNETCORE_WEBROOT = \"/srv/public\"", "/srv/public/a.png",
            "declare [PersistentVolume(\"/srv/public\")] on the storage class, or [assembly: EphemeralPath(\"/srv/public\")] if losing it is intended");
        await new UsageTest(ConfigurationTests.Program("File.WriteAllText({|#0:Path.Combine(env.WebRootPath, \"a.png\")|}, \"x\");").Replace("string unknown)", "string unknown, IWebHostEnvironment env)"), expected)
            .WithAspNetCore()
            .WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n{|#1:ENV ASPNETCORE_WEBROOT=/srv/public|}\n")
            .RunAsync();
    }
}
