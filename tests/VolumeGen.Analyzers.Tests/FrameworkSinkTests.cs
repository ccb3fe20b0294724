using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// The sinks real apps use, recognised by metadata name and tested against the published assemblies: EF Core
/// <c>UseSqlite</c> (every overload with a connection string) and <c>AddSqlite</c>, SQLite <c>|DataDirectory|</c>,
/// LiteDB, Serilog's file sink in code and in the <c>Serilog</c> configuration section, and the folder of
/// <c>PersistKeysToFileSystem</c>.
/// </summary>
public sealed class FrameworkSinkTests
{
    private const string Usings = "using Microsoft.EntityFrameworkCore;\nusing Microsoft.AspNetCore.DataProtection;\nusing LiteDB;\nusing Serilog;\nusing VolumeGen;\n\n";

    private static DiagnosticResult VG2001 => Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0);

    [Theory]
    [InlineData("new DbContextOptionsBuilder().UseSqlite({|#0:\"Data Source=/srv/db/app.db\"|});")]
    [InlineData("new DbContextOptionsBuilder().UseSqlite({|#0:\"Data Source=/srv/db/app.db\"|}, sqlite => sqlite.CommandTimeout(5));")]
    [InlineData("new DbContextOptionsBuilder<ShopContext>().UseSqlite({|#0:\"Data Source=/srv/db/app.db\"|});")]
    [InlineData("new DbContextOptionsBuilder<ShopContext>().UseSqlite({|#0:$\"Data Source={Path.Combine(\"/srv/db\", \"app.db\")}\"|}, null);")]
    [InlineData("SqliteDbContextOptionsBuilderExtensions.UseSqlite(new DbContextOptionsBuilder(), {|#0:\"Filename=/srv/db/app.db\"|});")]
    [InlineData("services.AddDbContext<ShopContext>(o => o.UseSqlite({|#0:\"DataSource=/srv/db/app.db\"|}));")]
    [InlineData("services.AddSqlite<ShopContext>({|#0:\"Data Source=/srv/db/app.db\"|});")]
    [InlineData("new DbContextOptionsBuilder().UseSqlite({|#0:\"Data Source=|DataDirectory|app.db\"|});")]
    [InlineData("using var c = new Microsoft.Data.Sqlite.SqliteConnection({|#0:\"Data Source=|DataDirectory|/srv/db/app.db\"|});")]
    [InlineData("using var db = new LiteDatabase({|#0:\"/srv/db/shop.db\"|});")]
    [InlineData("using var db = new LiteDatabase({|#0:\"Filename=/srv/db/shop.db;Connection=shared\"|});")]
    [InlineData("using var db = new LiteRepository({|#0:\"Filename=shop.db\"|});")]
    [InlineData("using var db = new LiteDatabase(new ConnectionString({|#0:\"Filename=/srv/db/shop.db\"|}));")]
    [InlineData("var cs = new ConnectionString { Filename = {|#0:\"/srv/db/shop.db\"|} };")]
    [InlineData("new LoggerConfiguration().WriteTo.File({|#0:\"/srv/logs/log-.txt\"|}, rollingInterval: RollingInterval.Day);")]
    [InlineData("new LoggerConfiguration().WriteTo.File(new Serilog.Formatting.Json.JsonFormatter(), {|#0:\"logs/log.json\"|});")]
    [InlineData("new LoggerConfiguration().AuditTo.File({|#0:\"/srv/audit/audit.txt\"|});")]
    public async Task A_framework_sink_writing_outside_every_volume_is_reported(string statement)
        => await new UsageTest(Source(statement), VG2001).WithAspNetCore().RunAsync();

    [Theory]
    [InlineData("new DbContextOptionsBuilder().UseSqlite(\"Data Source=:memory:\");")]
    [InlineData("new DbContextOptionsBuilder().UseSqlite(\"Data Source=shared;Mode=Memory;Cache=Shared\");")]
    [InlineData("new DbContextOptionsBuilder().UseSqlite(\"Data Source=/srv/ref.db;Mode=ReadOnly\");")]
    [InlineData("new DbContextOptionsBuilder().UseSqlite(\"Data Source=/app/data/app.db\");")]
    [InlineData("new DbContextOptionsBuilder().UseSqlite(\"Data Source=|DataDirectory|data/app.db\");")]
    [InlineData("new DbContextOptionsBuilder().UseSqlite(unknown);")]
    [InlineData("new DbContextOptionsBuilder().UseSqlite(new Microsoft.Data.Sqlite.SqliteConnection());")]
    [InlineData("new DbContextOptionsBuilder().UseSqlite();")]
    [InlineData("using var db = new LiteDatabase(\":memory:\");")]
    [InlineData("using var db = new LiteDatabase(\"Filename=:temp:\");")]
    [InlineData("using var db = new LiteDatabase(\"Filename=/srv/ref.db;ReadOnly=true\");")]
    [InlineData("using var db = new LiteDatabase(\"Filename=data/shop.db;Connection=shared\");")]
    [InlineData("using var db = new LiteDatabase(new MemoryStream());")]
    [InlineData("new LoggerConfiguration().WriteTo.File(\"/app/data/logs/log.txt\");")]
    [InlineData("new LoggerConfiguration().WriteTo.File(Path.Combine(Path.GetTempPath(), \"log.txt\"));")]
    [InlineData("services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(\"/app/data/keys\"));")]
    [InlineData("services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(unknown));")]
    public async Task A_framework_sink_inside_a_volume_or_without_a_file_is_fine(string statement)
        => await new UsageTest(Source(statement, "[PersistentVolume(\"/app/data\")]")).WithAspNetCore().RunAsync();

    [Fact]
    public async Task PersistKeysToFileSystem_into_a_dying_folder_is_VG2007_not_silenced()
    {
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.KeyRingFolderNotPersisted,
            "PersistKeysToFileSystem", "/var/keys", "/var/keys",
            "declare [PersistentVolume(\"/var/keys\")] on the storage class, or [assembly: EphemeralPath(\"/var/keys\")] if losing it is intended");
        await new UsageTest(Source("services.AddDataProtection().PersistKeysToFileSystem({|#0:new DirectoryInfo(\"/var/keys\")|});"), expected).WithAspNetCore().RunAsync();
    }

    [Fact]
    public async Task PersistKeysToFileSystem_under_the_working_directory_proposes_the_data_root()
    {
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.KeyRingFolderNotPersisted,
            "PersistKeysToFileSystem", "<working directory>/keys", "/app/keys",
            "keep the app's data in one folder: move it into '/app/data' and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/keys\")] if losing it is intended");
        await new UsageTest(Source("services.AddDataProtection().PersistKeysToFileSystem({|#0:new DirectoryInfo(Path.Combine(AppContext.BaseDirectory, \"keys\"))|});"), expected).WithAspNetCore().RunAsync();
    }

    [Fact]
    public async Task Serilog_file_sinks_in_the_configuration_section_are_reported_at_ReadFrom_Configuration()
    {
        const string json = """
            {
              "Serilog": {
                "MinimumLevel": "Information",
                "WriteTo": [
                  { "Name": "Console" },
                  { "Name": "File", "Args": { "path": {|#1:"logs/log-.txt"|}, "rollingInterval": "Day" } },
                  { "Name": "Async", "Args": { "configure": [ { "Name": "File", "Args": { "path": {|#2:"/srv/audit/log.txt"|} } } ] } },
                  { "Name": "File", "Args": { "path": "/app/data/kept.txt" } }
                ]
              }
            }
            """;
        DiagnosticResult logs = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "Serilog's File sink", "appsettings.json: Serilog:WriteTo:1:Args:path = \"logs/log-.txt\"", "/app/logs/log-.txt",
            "set Serilog:WriteTo:1:Args:path in appsettings.json to \"/app/data/logs/log-.txt\" (inside the volume at '/app/data'), or [assembly: EphemeralPath(\"/app/logs\")] if losing it is intended");
        DiagnosticResult audit = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(2).WithArguments(
            "Serilog's File sink", "appsettings.json: Serilog:WriteTo:2:Args:configure:0:Args:path = \"/srv/audit/log.txt\"", "/srv/audit/log.txt",
            "declare [PersistentVolume(\"/srv/audit\")] on the storage class, or [assembly: EphemeralPath(\"/srv/audit\")] if losing it is intended");
        await new UsageTest(Source("new LoggerConfiguration().ReadFrom.{|#0:Configuration(builder.Configuration)|};", "[PersistentVolume(\"/app/data\")]"), logs, audit)
            .WithAspNetCore().WithFile("appsettings.json", json).RunAsync();
    }

    [Fact]
    public async Task Serilog_configuration_of_another_section_is_read_there()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "Serilog's File sink", "appsettings.json: Logging:Serilog:WriteTo:0:Args:path = \"/srv/logs/a.txt\"", "/srv/logs/a.txt",
            "declare [PersistentVolume(\"/srv/logs\")] on the storage class, or [assembly: EphemeralPath(\"/srv/logs\")] if losing it is intended");
        await new UsageTest(Source("new LoggerConfiguration().ReadFrom.{|#0:Configuration(builder.Configuration.GetSection(\"Logging\"), \"Serilog\")|};"), expected)
            .WithAspNetCore()
            .WithFile("appsettings.json", "{ \"Serilog\": { \"WriteTo\": [ { \"Name\": \"File\", \"Args\": { \"path\": \"/srv/other/b.txt\" } } ] }, \"Logging\": { \"Serilog\": { \"WriteTo\": [ { \"Name\": \"File\", \"Args\": { \"path\": {|#1:\"/srv/logs/a.txt\"|} } } ] } } }")
            .RunAsync();
    }

    [Fact]
    public async Task Serilog_configuration_without_file_sinks_is_fine()
        => await new UsageTest(Source("new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration);"))
            .WithAspNetCore()
            .WithFile("appsettings.json", "{ \"Serilog\": { \"WriteTo\": [ { \"Name\": \"Console\", \"Args\": { \"path\": \"/srv/not-a-file-sink\" } } ] } }")
            .RunAsync();

    private static string Source(string body, string storage = "")
        => Usings + storage + "\npublic static partial class AppStorage { }\n\npublic class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { }\n\n"
            + "class C\n{\n    void M(WebApplicationBuilder builder, IServiceCollection services, string unknown)\n    {\n        " + body + "\n    }\n}\n";
}
