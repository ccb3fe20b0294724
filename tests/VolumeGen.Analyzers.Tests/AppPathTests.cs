using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// The paths real apps build: the web root (uploads into wwwroot are the classic loss),
/// <c>AppDomain.CurrentDomain.BaseDirectory</c>, readonly fields and get-only properties assigned once (initializer or
/// constructor), and expression-bodied getters.
/// </summary>
public sealed class AppPathTests
{
    private static DiagnosticResult Uploads(string shown) => Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath,
        "File.WriteAllBytes", shown, "/app/wwwroot/uploads/a.png",
        "keep the app's data in one folder: move it into '/app/data' and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/wwwroot/uploads\")] if losing it is intended");

    [Theory]
    [InlineData("Path.Combine(env.WebRootPath, \"uploads\", \"a.png\")")]
    [InlineData("Path.Combine(_uploads, \"a.png\")")]
    [InlineData("Path.Combine(UploadsFolder, \"a.png\")")]
    [InlineData("Path.Combine(UploadsGetter, \"a.png\")")]
    [InlineData("Path.Combine(UploadsBlock, \"a.png\")")]
    [InlineData("Path.Combine(UploadsInitialized, \"a.png\")")]
    [InlineData("Path.Combine(UploadsPrivateSet, \"a.png\")")]
    [InlineData("Path.Combine(_fromInitializer, \"a.png\")")]
    public async Task Web_root_fields_and_properties_are_resolved(string path)
        => await new UsageTest(Source("File.WriteAllBytes({|#0:" + path + "|}, new byte[1]);"), Uploads("<working directory>/wwwroot/uploads/a.png")).WithAspNetCore().RunAsync();

    [Theory]
    [InlineData("Path.Combine(AppDomain.CurrentDomain.BaseDirectory, \"wwwroot\", \"uploads\", \"a.png\")")]
    [InlineData("AppDomain.CurrentDomain.BaseDirectory + \"wwwroot/uploads/a.png\"")]
    public async Task AppDomain_BaseDirectory_is_the_working_directory(string path)
        => await new UsageTest(Source("File.WriteAllBytes({|#0:" + path + "|}, new byte[1]);"), Uploads("<working directory>/wwwroot/uploads/a.png")).WithAspNetCore().RunAsync();

    [Fact]
    public async Task The_web_root_follows_the_container_working_directory()
    {
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, "File.WriteAllBytes", "<working directory>/wwwroot/a.png", "/srv/web/wwwroot/a.png",
            "keep the app's data in one folder: move it into '/srv/web/data' and declare [PersistentVolume(\"/srv/web/data\")] on the storage class, or [assembly: EphemeralPath(\"/srv/web/wwwroot\")] if losing it is intended");
        await new UsageTest(Source("File.WriteAllBytes({|#0:Path.Combine(env.WebRootPath, \"a.png\")|}, new byte[1]);"), expected)
            .WithAspNetCore().WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv/web\n").RunAsync();
    }

    [Theory]
    // A field or property with more than one value, or that others may set
    [InlineData("File.WriteAllText(_twice, \"x\");")]
    [InlineData("File.WriteAllText(_notReadonly, \"x\");")]
    [InlineData("File.WriteAllText(Settable, \"x\");")]
    [InlineData("File.WriteAllText(InitOnly, \"x\");")]
    [InlineData("File.WriteAllText(Virtual, \"x\");")]
    [InlineData("File.WriteAllText(TwoStatements, \"x\");")]
    [InlineData("File.WriteAllText(_fromParameter, \"x\");")]
    public async Task Members_with_more_than_one_possible_value_are_unknown(string statement)
        => await new UsageTest(Source(statement)).WithAspNetCore().RunAsync();

    [Fact]
    public async Task A_readonly_field_assigned_from_a_small_helper_is_known()
        => await new UsageTest(Source("File.WriteAllText({|#0:_inMethod|}, \"x\");"), Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0)).WithAspNetCore().RunAsync();

    [Fact]
    public async Task A_web_root_the_code_chooses_is_unknown()
        => await new UsageTest(Source("File.WriteAllBytes(Path.Combine(env.WebRootPath, \"a.png\"), new byte[1]);")
                + "\nstatic class Host { static void Configure(IWebHostBuilder web) => web.UseWebRoot(\"public\"); }\n")
            .WithAspNetCore().RunAsync();

    [Fact]
    public async Task Uploads_into_a_persisted_web_root_folder_are_fine()
        => await new UsageTest(Source("File.WriteAllBytes(Path.Combine(env.WebRootPath, \"uploads\", \"a.png\"), new byte[1]); File.WriteAllText(Path.Combine(_uploads, \"b\"), \"x\");", "[PersistentVolume(\"/app/wwwroot/uploads\")]"))
            .WithAspNetCore().RunAsync();

    private static string Source(string body, string storage = "")
        => "using VolumeGen;\n\n" + storage + "\npublic static partial class AppStorage { }\n\n" + """
            public class Uploader
            {
                private readonly string _uploads;
                private readonly string _fromInitializer = Path.Combine(AppContext.BaseDirectory, "wwwroot", "uploads");
                private readonly string _twice = "/srv/a";
                private string _notReadonly = "/srv/b";
                private readonly string _inMethod;
                private readonly string _fromParameter;
                private readonly IWebHostEnvironment _env;

                public Uploader(IWebHostEnvironment env, string folder)
                {
                    _env = env;
                    _uploads = Path.Combine(env.WebRootPath, "uploads");
                    _twice = "/srv/c";
                    _fromParameter = folder;
                    UploadsPrivateSet = Path.Combine(env.WebRootPath, "uploads");
                    _inMethod = Init();
                }

                private string Init() => "/srv/e";

                public string UploadsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "wwwroot/uploads");

                public string UploadsGetter => Path.Combine(_env.WebRootPath, "uploads");

                public string UploadsBlock
                {
                    get { return Path.Combine(_env.WebRootPath, "uploads"); }
                }

                public string UploadsInitialized { get; } = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "uploads");

                public string UploadsPrivateSet { get; private set; }

                public string Settable { get; set; } = "/srv/f";

                public string InitOnly { get; init; } = "/srv/g";

                public virtual string Virtual => "/srv/h";

                public string TwoStatements
                {
                    get { Console.WriteLine(); return "/srv/i"; }
                }

                public void M(IWebHostEnvironment env)
                {
                    BODY
                }

                private void Change() => _notReadonly = "/srv/j";
            }
            """.Replace("BODY", body);
}
