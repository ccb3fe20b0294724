using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// <c>PersistKeysToDbContext&lt;TContext&gt;()</c> keeps the key ring in the context's database: when that database is an
/// SQLite file no volume keeps, the keys die with it, and VG2007 says so at the call (the database's own VG2001 stays at
/// <c>UseSqlite</c>). Any other store, an unknown or a persisted database: no key-ring diagnostic.
/// </summary>
public sealed class KeyDatabaseTests
{
    [Fact]
    public async Task Keys_in_a_lost_SQLite_database_are_reported_at_PersistKeysToDbContext()
    {
        DiagnosticResult database = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 1);
        DiagnosticResult keys = Expect.Diagnostic(DiagnosticDescriptors.KeyRingFolderNotPersisted,
            "PersistKeysToDbContext<KeysDb>", "the KeysDb database, keys.db", "/app/keys.db",
            "keep the app's data in one folder: move it into '/app/data' and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/keys.db\")] if losing it is intended");
        await new UsageTest(Source("""
            services.AddDbContext<KeysDb>(o => o.UseSqlite({|#1:"Data Source=keys.db"|}));
            services.AddDataProtection().{|#0:PersistKeysToDbContext<KeysDb>()|};
            services.AddDefaultIdentity<IdentityUser>();
            """), database, keys).WithAspNetCore().RunAsync();
    }

    [Theory]
    [InlineData("services.AddDbContext<KeysDb>(o => o.UseSqlite({|#1:\"Data Source=/srv/keys/keys.db\"|}));")]
    [InlineData("services.AddDbContextPool<KeysDb>(o => o.UseSqlite({|#1:\"Data Source=/srv/keys/keys.db\"|}));")]
    [InlineData("services.AddDbContextFactory<KeysDb>(o => o.UseSqlite({|#1:\"Data Source=/srv/keys/keys.db\"|}));")]
    [InlineData("services.AddSqlite<KeysDb>({|#1:\"Data Source=/srv/keys/keys.db\"|});")]
    [InlineData("var options = new DbContextOptionsBuilder<KeysDb>().UseSqlite({|#1:\"Data Source=/srv/keys/keys.db\"|}).Options;")]
    public async Task Every_way_of_configuring_the_context_is_followed(string configuration)
        => await new UsageTest(
                Source(configuration + "\nservices.AddDataProtection().{|#0:PersistKeysToDbContext<KeysDb>()|};"),
                Expect.Diagnostic(DiagnosticDescriptors.KeyRingFolderNotPersisted, 0),
                Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 1))
            .WithAspNetCore().RunAsync();

    [Fact]
    public async Task A_context_that_configures_itself_is_followed()
        => await new UsageTest(
                Source("services.AddDataProtection().{|#0:PersistKeysToDbContext<OwnConfiguration>()|};"),
                Expect.Diagnostic(DiagnosticDescriptors.KeyRingFolderNotPersisted, 0),
                Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 1))
            .WithAspNetCore()
            .WithSource("""
                using Microsoft.EntityFrameworkCore;

                public class OwnConfiguration : DbContext
                {
                    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite({|#1:"Data Source=/srv/keys/own.db"|});
                }
                """)
            .RunAsync();

    [Fact]
    public async Task A_configured_connection_string_is_named_and_moved_into_the_data_root()
    {
        DiagnosticResult database = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(1).WithLocation(2).WithMessage(null);
        DiagnosticResult keys = new DiagnosticResult(DiagnosticDescriptors.KeyRingFolderNotPersisted).WithLocation(0).WithLocation(2).WithArguments(
            "PersistKeysToDbContext<KeysDb>", "the KeysDb database, appsettings.json: ConnectionStrings:Keys = \"Data Source=keys.db\"", "/app/keys.db",
            "set ConnectionStrings:Keys in appsettings.json to \"Data Source=/app/data/keys.db\" and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/keys.db\")] if losing it is intended");
        await new UsageTest(Source("""
            services.AddDbContext<KeysDb>(o => o.UseSqlite({|#1:configuration.GetConnectionString("Keys")|}));
            services.AddDataProtection().{|#0:PersistKeysToDbContext<KeysDb>()|};
            """), database, keys)
            .WithAspNetCore().WithFile("appsettings.json", "{ \"ConnectionStrings\": { \"Keys\": {|#2:\"Data Source=keys.db\"|} } }").RunAsync();
    }

    [Fact]
    public async Task A_context_also_configured_with_another_provider_keeps_its_keys_where_the_analyzer_cannot_tell()
        => await new UsageTest(Source("""
            services.AddDbContext<KeysDb>(o => { if (unknown.Length > 0) o.UseSqlite({|#0:"Data Source=keys.db"|}); else o.UseSqlServer(unknown); });
            services.AddDataProtection().PersistKeysToDbContext<KeysDb>();
            """), Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0)).WithAspNetCore().RunAsync();

    [Theory]
    // The database is persisted
    [InlineData("services.AddDbContext<KeysDb>(o => o.UseSqlite(\"Data Source=/app/data/keys.db\")); services.AddDataProtection().PersistKeysToDbContext<KeysDb>();", "[PersistentVolume(\"/app/data\")]")]
    // The database is unknown, or the context has no SQLite configuration the analyzer can see
    [InlineData("services.AddDbContext<KeysDb>(o => o.UseSqlite(unknown)); services.AddDataProtection().PersistKeysToDbContext<KeysDb>();", "")]
    [InlineData("services.AddDataProtection().PersistKeysToDbContext<KeysDb>(); services.AddDefaultIdentity<IdentityUser>();", "")]
    // In a mount the key ring survives (an anonymous volume outlives the container's layer)
    [InlineData("services.AddDbContext<KeysDb>(o => o.UseSqlite(\"Data Source=/app/keys/keys.db\")); services.AddDataProtection().PersistKeysToDbContext<KeysDb>();", "[PersistentVolume(\"/app/keys\")]")]
    public async Task Keys_in_a_database_that_survives_or_is_unknown_get_no_key_ring_diagnostic(string body, string storage)
        => await new UsageTest(Source(body, storage)).WithAspNetCore().RunAsync();

    private static string Source(string body, string storage = "")
        => "using Microsoft.AspNetCore.DataProtection;\nusing Microsoft.AspNetCore.Identity;\nusing Microsoft.EntityFrameworkCore;\nusing VolumeGen;\n\n" + storage + "\npublic static partial class AppStorage { }\n\n" + """
            public class KeysDb(DbContextOptions<KeysDb> options) : DbContext(options)
            {
            }

            /// <summary>Stand-ins for packages the tests do not restore (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore, a SQL Server provider): their shape only.</summary>
            public static class EntityFrameworkCoreDataProtectionExtensions
            {
                public static IDataProtectionBuilder PersistKeysToDbContext<TContext>(this IDataProtectionBuilder builder) where TContext : DbContext => builder;

                public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder builder, string connectionString) => builder;
            }

            class Startup
            {
                void Configure(IServiceCollection services, IConfiguration configuration, string unknown)
                {
                    BODY
                }
            }
            """.Replace("BODY", body);
}
