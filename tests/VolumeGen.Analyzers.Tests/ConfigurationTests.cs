using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// Paths that come from configuration (appsettings.json, the options pattern) are resolved, reported at the C# call
/// with the JSON value as an additional location, and an unknown key stays unknown. Compiled against the real
/// Microsoft.Extensions.Configuration and Options assemblies.
/// </summary>
public sealed class ConfigurationTests
{
    private const string Uploads = "{\n  \"Storage\": {\n    \"Uploads\": {|#1:\"uploads\"|}\n  }\n}\n";

    private const string UploadsFix = "set Storage:Uploads in appsettings.json to \"/app/data/uploads\" and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/uploads\")] if losing it is intended";

    private static DiagnosticResult UploadsWarning => new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath)
        .WithLocation(0).WithLocation(1)
        .WithArguments("File.WriteAllText", "appsettings.json: Storage:Uploads = \"uploads\"", "/app/uploads/a.png", UploadsFix);

    [Theory]
    [InlineData("builder.Configuration[\"Storage:Uploads\"]!")]
    [InlineData("configuration[\"Storage:Uploads\"]!")]
    [InlineData("configuration[\"storage:uploads\"]!")]
    [InlineData("configuration.GetValue<string>(\"Storage:Uploads\")!")]
    [InlineData("configuration.GetValue<string>(\"Storage:Uploads\", \"elsewhere\")")]
    [InlineData("configuration.GetSection(\"Storage\")[\"Uploads\"]!")]
    [InlineData("configuration.GetSection(\"Storage\").GetSection(\"Uploads\").Value!")]
    [InlineData("configuration.GetRequiredSection(\"Storage\")[\"Uploads\"]!")]
    [InlineData("builder.Configuration.GetSection(\"Storage\").GetValue<string>(\"Uploads\")!")]
    [InlineData("configuration[\"Storage:Uploads\"] ?? \"elsewhere\"")]
    [InlineData("configuration[\"Storage:Uploads\"] ?? throw new InvalidOperationException()")]
    [InlineData("Section[\"Uploads\"]!")]
    [InlineData("_configuration[\"Storage:Uploads\"]!")]
    [InlineData("_uploads")]
    [InlineData("UploadsFolder")]
    public async Task A_configured_path_is_resolved_and_reported_with_its_file_key_and_value(string expression)
        => await new UsageTest(Program("File.WriteAllText({|#0:Path.Combine(" + expression + ", \"a.png\")|}, \"x\");"), UploadsWarning)
            .WithAspNetCore().WithFile("appsettings.json", Uploads).RunAsync();

    [Fact]
    public async Task A_connection_string_from_GetConnectionString_keeps_its_options_in_the_suggested_value()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "new SqliteConnection",
            "appsettings.json: ConnectionStrings:Db = \"Data Source = shop.db ; Cache=Shared\"",
            "/app/shop.db",
            "set ConnectionStrings:Db in appsettings.json to \"Data Source = /app/data/shop.db ; Cache=Shared\" and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/shop.db\")] if losing it is intended");
        await new UsageTest(Program("using var c = new Microsoft.Data.Sqlite.SqliteConnection({|#0:configuration.GetConnectionString(\"Db\")|});"), expected)
            .WithAspNetCore().WithFile("appsettings.json", "{ \"ConnectionStrings\": { \"Db\": {|#1:\"Data Source = shop.db ; Cache=Shared\"|} } }").RunAsync();
    }

    [Fact]
    public async Task The_environment_file_wins_and_is_the_one_named()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "appsettings.Production.json: Storage:Uploads = \"/srv/uploads\"", "/srv/uploads/a.png",
            "declare [PersistentVolume(\"/srv/uploads\")] on the storage class, or [assembly: EphemeralPath(\"/srv/uploads\")] if losing it is intended");
        await new UsageTest(Program("File.WriteAllText({|#0:Path.Combine(configuration[\"Storage:Uploads\"]!, \"a.png\")|}, \"x\");"), expected)
            .WithAspNetCore()
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"uploads\" } }")
            .WithFile("appsettings.Production.json", "{ \"Storage\": { \"Uploads\": {|#1:\"/srv/uploads\"|} } }")
            .WithFile("appsettings.Development.json", "{ \"Storage\": { \"Uploads\": \"/tmp/dev\" } }")
            .RunAsync();
    }

    [Theory]
    [InlineData("configuration[\"Storage:Missing\"] ?? \"uploads\"")]
    [InlineData("configuration.GetValue<string>(\"Storage:Missing\", \"uploads\")")]
    [InlineData("configuration.GetValue(\"Storage:Missing\", \"uploads\")")]
    public async Task A_key_no_source_sets_takes_the_codes_default(string expression)
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithArguments(
            "File.WriteAllText", "uploads/a.png", "/app/uploads/a.png",
            "keep the app's data in one folder: move it into '/app/data' and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/uploads\")] if losing it is intended");
        await new UsageTest(Program("File.WriteAllText({|#0:Path.Combine(" + expression + ", \"a.png\")|}, \"x\");"), expected)
            .WithAspNetCore().WithFile("appsettings.json", "{ \"Storage\": { } }").RunAsync();
    }

    [Theory]
    // IOptions<T>.Value, IOptionsSnapshot<T>.Value, IOptionsMonitor<T>.CurrentValue, through a field and a local
    [InlineData("options.Value.Uploads", "services.Configure<StorageOptions>(builder.Configuration.GetSection(\"Storage\"));")]
    [InlineData("snapshot.Value.Uploads", "services.Configure<StorageOptions>(builder.Configuration.GetSection(\"Storage\"));")]
    [InlineData("monitor.CurrentValue.Uploads", "services.Configure<StorageOptions>(builder.Configuration.GetSection(\"Storage\"));")]
    [InlineData("_options.Uploads", "services.Configure<StorageOptions>(builder.Configuration.GetSection(\"Storage\"));")]
    [InlineData("options.Value.Uploads", "services.AddOptions<StorageOptions>().BindConfiguration(\"Storage\");")]
    [InlineData("options.Value.Uploads", "services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(\"Storage\")).ValidateOnStart();")]
    [InlineData("options.Value.Uploads", "services.Configure<StorageOptions>(builder.Configuration.GetRequiredSection(\"Storage\"));")]
    public async Task An_options_property_bound_to_a_section_is_resolved(string expression, string registration)
        => await new UsageTest(Program("File.WriteAllText({|#0:Path.Combine(" + expression + ", \"a.png\")|}, \"x\");", registration), UploadsWarning)
            .WithAspNetCore().WithFile("appsettings.json", Uploads).RunAsync();

    [Fact]
    public async Task A_nested_options_object_is_resolved()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "appsettings.json: Storage:Nested:Folder = \"/srv/nested\"", "/srv/nested/a.png",
            "declare [PersistentVolume(\"/srv/nested\")] on the storage class, or [assembly: EphemeralPath(\"/srv/nested\")] if losing it is intended");
        await new UsageTest(Program("File.WriteAllText({|#0:Path.Combine(options.Value.Nested.Folder, \"a.png\")|}, \"x\");", "services.Configure<StorageOptions>(builder.Configuration.GetSection(\"Storage\"));"), expected)
            .WithAspNetCore().WithFile("appsettings.json", "{ \"Storage\": { \"Nested\": { \"Folder\": {|#1:\"/srv/nested\"|} } } }").RunAsync();
    }

    [Fact]
    public async Task An_options_property_no_source_sets_takes_its_initializer()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithArguments(
            "File.WriteAllText", "/srv/exports/a.png", "/srv/exports/a.png",
            "declare [PersistentVolume(\"/srv/exports\")] on the storage class, or [assembly: EphemeralPath(\"/srv/exports\")] if losing it is intended");
        await new UsageTest(Program("File.WriteAllText({|#0:Path.Combine(options.Value.Exports, \"a.png\")|}, \"x\");", "services.Configure<StorageOptions>(builder.Configuration.GetSection(\"Storage\"));"), expected)
            .WithAspNetCore().WithFile("appsettings.json", Uploads.Replace("{|#1:", string.Empty).Replace("|}", string.Empty)).RunAsync();
    }

    [Fact]
    public async Task A_configured_path_inside_a_volume_is_fine()
        => await new UsageTest(Program("File.WriteAllText(Path.Combine(configuration[\"Storage:Uploads\"]!, \"a.png\"), \"x\"); using var c = new Microsoft.Data.Sqlite.SqliteConnection(configuration.GetConnectionString(\"Db\"));", storage: "[PersistentVolume(\"/app/data\")]"))
            .WithAspNetCore().WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"data/uploads\" }, \"ConnectionStrings\": { \"Db\": \"DataSource=/app/data/app.db\" } }").RunAsync();

    [Theory]
    // An unknown key stays unknown
    [InlineData("File.WriteAllText(Path.Combine(configuration[\"Storage:Missing\"]!, \"a.png\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(configuration.GetValue<string>(\"Storage:Missing\")!, \"a.png\"), \"x\");")]
    [InlineData("File.WriteAllText(configuration[\"Storage:Missing\"] ?? throw new InvalidOperationException(), \"x\");")]
    [InlineData("File.WriteAllText(configuration[unknown]!, \"x\");")]
    [InlineData("File.WriteAllText(section[\"Uploads\"]!, \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable(\"UPLOADS\") ?? \"/srv/uploads\", \"a\"), \"x\");")]
    // In-memory and read-only databases from configuration
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection(configuration.GetConnectionString(\"Memory\"));")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection(configuration.GetConnectionString(\"ReadOnly\"));")]
    // Options that code changes after binding, named options, an unbound type
    [InlineData("File.WriteAllText(Path.Combine(codeConfigured.Value.Uploads, \"a\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(unbound.Value.Uploads, \"a\"), \"x\");")]
    [InlineData("File.WriteAllText(Path.Combine(new StorageOptions().Uploads, \"a\"), \"x\");")]
    public async Task Unknown_configuration_gets_no_diagnostic(string statement)
        => await new UsageTest(Program(statement, "services.Configure<StorageOptions>(builder.Configuration.GetSection(\"Storage\")); services.Configure<CodeOptions>(builder.Configuration.GetSection(\"Storage\")); services.Configure<CodeOptions>(o => o.Uploads = \"/tmp/x\");"))
            .WithAspNetCore()
            .WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"uploads\" }, \"ConnectionStrings\": { \"Memory\": \"Data Source=:memory:\", \"ReadOnly\": \"Data Source=ref.db;Mode=ReadOnly\" } }")
            .RunAsync();

    [Fact]
    public async Task Without_configuration_files_configuration_is_unknown()
        => await new UsageTest(Program("File.WriteAllText(Path.Combine(configuration[\"Storage:Uploads\"] ?? \"uploads\", \"a.png\"), \"x\"); File.WriteAllText(options.Value.Uploads, \"x\");", "services.Configure<StorageOptions>(builder.Configuration.GetSection(\"Storage\"));"))
            .WithAspNetCore().RunAsync();

    [Fact]
    public async Task A_broken_configuration_file_makes_its_keys_unknown()
        => await new UsageTest(Program("File.WriteAllText(Path.Combine(configuration[\"Storage:Uploads\"] ?? \"uploads\", \"a.png\"), \"x\");"))
            .WithAspNetCore().WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": \"uploads\", } ").RunAsync();

    /// <summary>A class whose method holds <paramref name="body"/>, with configuration and options within reach.</summary>
    internal static string Program(string body, string registration = "", string storage = "")
        => "using Microsoft.Extensions.Options;\nusing VolumeGen;\n\n" + storage + "\npublic static partial class AppStorage { }\n\n" + """
            public class StorageOptions
            {
                public string Uploads { get; set; } = "default-uploads";
                public string Exports { get; set; } = "/srv/exports";
                public NestedOptions Nested { get; set; } = new();
            }

            public class NestedOptions
            {
                public string Folder { get; set; } = "";
            }

            public class CodeOptions
            {
                public string Uploads { get; set; } = "/srv/code";
            }

            public class UnboundOptions
            {
                public string Uploads { get; set; } = "/srv/unbound";
            }

            public class Work
            {
                private readonly IConfiguration _configuration;
                private readonly string _uploads;
                private readonly StorageOptions _options;

                public Work(IConfiguration configuration, IOptions<StorageOptions> options)
                {
                    _configuration = configuration;
                    _uploads = configuration["Storage:Uploads"]!;
                    _options = options.Value;
                }

                private IConfigurationSection Section => _configuration.GetSection("Storage");

                public string UploadsFolder => _configuration["Storage:Uploads"]!;

                public static void Register(WebApplicationBuilder builder, IServiceCollection services)
                {
                    REGISTRATION
                }

                public void M(WebApplicationBuilder builder, IConfiguration configuration, IConfigurationSection section, IOptions<StorageOptions> options, IOptionsSnapshot<StorageOptions> snapshot,
                    IOptionsMonitor<StorageOptions> monitor, IOptions<CodeOptions> codeConfigured, IOptions<UnboundOptions> unbound, string unknown)
                {
                    BODY
                }
            }
            """.Replace("REGISTRATION", registration).Replace("BODY", body);
}
