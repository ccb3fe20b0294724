using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// VG2006: cookie authentication, Identity, session and antiforgery use the Data Protection key ring without an
/// <c>AddDataProtection()</c> call; reported once, at the first registration, against the real ASP.NET Core assemblies.
/// </summary>
public sealed class ImplicitKeyRingTests
{
    private const string LoggedOut = "every signed-in user is logged out and forms opened before it are rejected";

    private static DiagnosticResult VG2006(string registration, string effect = LoggedOut, string home = "/home/app")
        => Expect.Diagnostic(DiagnosticDescriptors.ImplicitKeyRingNotPersisted, registration, "~/.aspnet/DataProtection-Keys", home + "/.aspnet/DataProtection-Keys", effect);

    [Theory]
    [InlineData("services.{|#0:AddDefaultIdentity<IdentityUser>()|};", "AddDefaultIdentity")]
    [InlineData("services.{|#0:AddIdentity<IdentityUser, IdentityRole>()|};", "AddIdentity")]
    [InlineData("services.{|#0:AddIdentityApiEndpoints<IdentityUser>()|};", "AddIdentityApiEndpoints")]
    [InlineData("services.AddIdentityCore<IdentityUser>().{|#0:AddSignInManager()|};", "AddSignInManager")]
    [InlineData("services.AddAuthentication().{|#0:AddIdentityCookies()|};", "AddIdentityCookies")]
    [InlineData("services.AddAuthentication(\"Cookies\").{|#0:AddCookie(o => o.LoginPath = \"/login\")|};", "AddCookie")]
    public async Task A_sign_in_registration_without_persisted_keys_is_reported(string statement, string registration)
        => await new UsageTest(Source(statement), VG2006(registration)).WithAspNetCore().RunAsync();

    [Fact]
    public async Task Session_is_reported_with_what_the_user_sees()
        => await new UsageTest(Source("services.{|#0:AddSession()|};"), VG2006("AddSession", "every session is lost and forms opened before it are rejected")).WithAspNetCore().RunAsync();

    [Fact]
    public async Task Antiforgery_is_reported_with_what_the_user_sees()
        => await new UsageTest(Source("services.{|#0:AddAntiforgery()|};"), VG2006("AddAntiforgery", "forms opened before it are rejected")).WithAspNetCore().RunAsync();

    /// <summary>Issue 22: MVC views and Razor Pages register antiforgery themselves, so their forms use the key ring.</summary>
    [Theory]
    [InlineData("services.{|#0:AddRazorPages()|};", "AddRazorPages")]
    [InlineData("services.{|#0:AddControllersWithViews()|};", "AddControllersWithViews")]
    [InlineData("services.{|#0:AddMvc()|};", "AddMvc")]
    public async Task MVC_views_and_Razor_Pages_use_antiforgery_and_are_reported(string statement, string registration)
        => await new UsageTest(Source(statement), VG2006(registration, "forms opened before it are rejected")).WithAspNetCore().RunAsync();

    [Theory]
    [InlineData("services.AddRazorPages(); services.AddSession(); services.{|#0:AddDefaultIdentity<IdentityUser>()|};", "AddDefaultIdentity", LoggedOut)]
    [InlineData("services.AddControllersWithViews(); services.{|#0:AddSession()|}; services.AddAntiforgery();", "AddSession", "every session is lost and forms opened before it are rejected")]
    public async Task The_warning_speaks_at_the_first_registration_that_loses_the_most(string statement, string registration, string effect)
        => await new UsageTest(Source(statement), VG2006(registration, effect)).WithAspNetCore().RunAsync();

    [Theory]
    // Web APIs have no forms: AddControllers registers no antiforgery
    [InlineData("services.AddControllers();", "")]
    [InlineData("services.AddRazorPages(); services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(\"/app/data/keys\"));", "[PersistentVolume(\"/app/data\")]")]
    [InlineData("services.AddControllersWithViews();", "[PersistentVolume(\"/home/app/.aspnet/DataProtection-Keys\")]")]
    public async Task MVC_with_persisted_keys_or_without_views_gets_no_diagnostic(string statement, string storage)
        => await new UsageTest(Source(statement, storage)).WithAspNetCore().RunAsync();

    [Fact]
    public async Task The_Blazor_template_registrations_get_one_warning_at_the_first()
        => await new UsageTest(Source("""
            services.AddAuthentication(options => { options.DefaultScheme = IdentityConstants.ApplicationScheme; options.DefaultSignInScheme = IdentityConstants.ExternalScheme; })
                    .{|#0:AddIdentityCookies()|};
                services.AddIdentityCore<IdentityUser>(options => options.SignIn.RequireConfirmedAccount = true)
                    .AddSignInManager()
                    .AddDefaultTokenProviders();
                services.AddSession();
                services.AddAntiforgery();
            """), VG2006("AddIdentityCookies")).WithAspNetCore().RunAsync();

    [Fact]
    public async Task Registrations_in_two_files_get_one_warning()
        => await new UsageTest(Source("services.{|#0:AddCookie()|};".Replace("services.", "services.AddAuthentication()."), string.Empty), VG2006("AddCookie"))
            .WithAspNetCore()
            .WithSource("using Microsoft.Extensions.DependencyInjection;\nstatic class More { static void Add(IServiceCollection services) { services.AddSession(); services.AddDefaultIdentity<Microsoft.AspNetCore.Identity.IdentityUser>(); } }\n")
            .RunAsync();

    [Fact]
    public async Task A_Dockerfile_without_USER_keeps_the_keys_under_root()
        => await new UsageTest(Source("services.{|#0:AddDefaultIdentity<IdentityUser>()|};"), VG2006("AddDefaultIdentity", home: "/root"))
            .WithAspNetCore().WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n").RunAsync();

    [Fact]
    public async Task An_explicit_AddDataProtection_speaks_instead_VG2005()
        => await new UsageTest(Source("services.{|#0:AddDataProtection()|}; services.AddDefaultIdentity<IdentityUser>(); services.AddSession();"),
                Expect.Diagnostic(DiagnosticDescriptors.DataProtectionKeysNotPersisted, "~/.aspnet/DataProtection-Keys", "/home/app/.aspnet/DataProtection-Keys"))
            .WithAspNetCore().RunAsync();

    [Theory]
    // Keys persisted: a folder in a volume, a volume over the key folder, a remote store (Redis, Azure Blob, a database)
    [InlineData("services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(\"/app/data/keys\")); services.AddDefaultIdentity<IdentityUser>();", "[PersistentVolume(\"/app/data\")]")]
    [InlineData("services.AddDefaultIdentity<IdentityUser>(); services.AddSession();", "[PersistentVolume(\"/home/app/.aspnet/DataProtection-Keys\")]")]
    [InlineData("services.AddDataProtection().PersistKeysToStackExchangeRedis(\"redis:6379\"); services.AddDefaultIdentity<IdentityUser>();", "")]
    [InlineData("services.AddDataProtection().PersistKeysToAzureBlobStorage(new Uri(\"https://keys.example/keys/keys.xml\")); services.AddAuthentication().AddCookie();", "")]
    [InlineData("services.AddDataProtection().PersistKeysToDbContext<KeysContext>(); services.AddDefaultIdentity<IdentityUser>();", "")]
    [InlineData("services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlRepository = null!); services.AddSession();", "")]
    // Not a registration that uses the key ring
    [InlineData("services.AddIdentityCore<IdentityUser>();", "")]
    [InlineData("services.AddAuthentication();", "")]
    [InlineData("AddSession(services); AddCookie();", "")]
    public async Task Persisted_keys_or_no_key_ring_user_get_no_diagnostic(string statement, string storage)
        => await new UsageTest(Source(statement, storage)).WithAspNetCore().RunAsync();

    [Fact]
    public async Task A_Dockerfile_VOLUME_over_the_home_folder_is_fine()
        => await new UsageTest(Source("services.AddDefaultIdentity<IdentityUser>();"))
            .WithAspNetCore().WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\nVOLUME /home/app/.aspnet\n").RunAsync();

    private static string Source(string body, string storage = "")
        => "using Microsoft.AspNetCore.Identity;\nusing Microsoft.AspNetCore.DataProtection;\nusing VolumeGen;\n\n" + storage + "\npublic static partial class AppStorage { }\n\n" + """
            public class KeysContext { }

            /// <summary>Stand-ins for the key stores of packages the test does not restore; only their names matter.</summary>
            public static class RemoteKeyStores
            {
                public static IDataProtectionBuilder PersistKeysToStackExchangeRedis(this IDataProtectionBuilder builder, string connection) => builder;
                public static IDataProtectionBuilder PersistKeysToAzureBlobStorage(this IDataProtectionBuilder builder, Uri blob) => builder;
                public static IDataProtectionBuilder PersistKeysToDbContext<TContext>(this IDataProtectionBuilder builder) => builder;
            }

            class C
            {
                static void AddSession(IServiceCollection services) { }
                static void AddCookie() { }

                void M(IServiceCollection services)
                {
                    BODY
                }
            }
            """.Replace("BODY", body);
}
