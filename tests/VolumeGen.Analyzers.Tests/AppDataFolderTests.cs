using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// Proposals follow the app's own layout: when the writes the analyzer reports under the working directory already share
/// one folder (<c>AppData</c>, <c>App_Data</c>, whatever its name), that folder is what the diagnostics propose to persist
/// — no data moves into a new <c>/app/data</c>. Never the working directory itself, never over another mount.
/// </summary>
public sealed class AppDataFolderTests
{
    [Fact]
    public async Task Writes_that_share_AppData_propose_AppData_and_move_nothing()
    {
        const string json = "{ \"ConnectionStrings\": { \"Default\": \"Data Source=AppData/app.db\" }, \"Logs\": \"AppData/logs\" }";
        var diagnostics = await AnalyzerRun.RunAsync(
            new[] { ConfigurationTests.Program("""
                using var c = new Microsoft.Data.Sqlite.SqliteConnection(configuration.GetConnectionString("Default"));
                File.AppendAllText(Path.Combine(configuration["Logs"]!, "app.log"), "x");
                File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "AppData", "avatars", Guid.NewGuid() + ".png"), new byte[1]);
                """) },
            new[] { ("appsettings.json", json) });

        Assert.Equal(3, diagnostics.Length);
        Assert.All(diagnostics, static d => Assert.Equal("/app/AppData", d.Properties[DiagnosticDescriptors.FolderProperty]));
        Assert.All(diagnostics, static d => Assert.Contains("declare [PersistentVolume(\"/app/AppData\")] on the storage class", d.GetMessage(), StringComparison.Ordinal));
        Assert.All(diagnostics, static d => Assert.DoesNotContain("/app/data", d.GetMessage(), StringComparison.Ordinal));
        // The configured values are already inside the folder: the suggested value is the value itself.
        Assert.Equal(new[] { "AppData/logs", "Data Source=AppData/app.db" },
            diagnostics.Where(static d => d.Properties.ContainsKey(DiagnosticDescriptors.ConfigSuggestedValueProperty))
                .Select(static d => d.Properties[DiagnosticDescriptors.ConfigSuggestedValueProperty]).OrderBy(static v => v, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_message_proposes_the_apps_own_folder()
    {
        DiagnosticResult logs = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, "File.AppendAllText", "App_Data/logs/app.log", "/app/App_Data/logs/app.log",
            "declare [PersistentVolume(\"/app/App_Data\")] on the storage class, or [assembly: EphemeralPath(\"/app/App_Data/logs\")] if losing it is intended");
        DiagnosticResult exports = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(1).WithArguments(
            "File.WriteAllText", "<working directory>/App_Data/exports/{name}", "/app/App_Data/exports/{name}",
            "declare [PersistentVolume(\"/app/App_Data\")] on the storage class, or [assembly: EphemeralPath(\"/app/App_Data/exports\")] if losing it is intended");
        await new UsageTest(Sources.Plain("File.AppendAllText({|#0:\"App_Data/logs/app.log\"|}, \"x\"); string name = Console.ReadLine()!; File.WriteAllText({|#1:Path.Combine(env.ContentRootPath, \"App_Data\", \"exports\", name)|}, \"x\");"), logs, exports)
            .WithSource(Sources.Stubs).RunAsync();
    }

    [Theory]
    // One write alone is not a shared folder: the default data root, as before
    [InlineData("File.WriteAllText(\"AppData/app.db\", \"x\");", 1)]
    // Writes in two folders that share only the working directory
    [InlineData("File.WriteAllText(\"AppData/app.db\", \"x\"); File.WriteAllText(\"logs/a.log\", \"x\");", 2)]
    [InlineData("File.WriteAllText(\"AppData/app.db\", \"x\"); File.WriteAllText(\"app.db\", \"x\");", 2)]
    // A write outside the working directory does not count
    [InlineData("File.WriteAllText(\"AppData/app.db\", \"x\"); File.WriteAllText(\"/srv/AppData/a\", \"x\");", 2)]
    public async Task Without_a_shared_folder_below_the_working_directory_the_default_data_root_stays(string body, int count)
    {
        var diagnostics = await AnalyzerRun.RunAsync(new[] { Sources.Plain(body), Sources.Stubs }, Array.Empty<(string, string)>(), aspNetCore: false);

        Assert.Equal(count, diagnostics.Length);
        Assert.All(diagnostics.Where(static d => d.GetMessage().Contains("'/app/", StringComparison.Ordinal)), static d => Assert.Contains("move it into '/app/data'", d.GetMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mount_below_the_shared_folder_keeps_the_default_data_root()
    {
        var diagnostics = await AnalyzerRun.RunAsync(
            new[] { Sources.Plain("File.WriteAllText(\"AppData/db/app.db\", \"x\"); File.WriteAllText(\"AppData/logs/a.log\", \"x\");"), Sources.Stubs, "[VolumeGen.AnonymousVolume(\"/app/AppData/cache\")]\npublic static partial class CacheStorage { }\n" },
            Array.Empty<(string, string)>(), aspNetCore: false);

        // A literal path outside the data root has to move in code: no folder to declare, the message says where.
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, static d => Assert.Contains("move it into '/app/data' and declare [PersistentVolume(\"/app/data\")]", d.GetMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_persisted_folder_or_volumegen_data_root_still_wins()
    {
        var persisted = await AnalyzerRun.RunAsync(
            new[] { Sources.Plain("File.WriteAllText(\"AppData/db/app.db\", \"x\"); File.WriteAllText(\"AppData/logs/a.log\", \"x\");"), Sources.Stubs, "[VolumeGen.PersistentVolume(\"/app/storage\")]\npublic static partial class AppStorage { }\n" },
            Array.Empty<(string, string)>(), aspNetCore: false);
        Assert.Equal(2, persisted.Length);
        Assert.All(persisted, static d => Assert.Contains("move it into '/app/storage', which a volume already persists", d.GetMessage(), StringComparison.Ordinal));

        static DiagnosticResult MovedToState(int location, string shown, string folder) => new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(location).WithArguments(
            "File.WriteAllText", shown, "/app/" + shown,
            "keep the app's data in one folder: move it into '/srv/state' and declare [PersistentVolume(\"/srv/state\")] on the storage class, or [assembly: EphemeralPath(\"" + folder + "\")] if losing it is intended");
        await new UsageTest(Sources.Plain("File.WriteAllText({|#0:\"AppData/db/app.db\"|}, \"x\"); File.WriteAllText({|#1:\"AppData/logs/a.log\"|}, \"x\");"),
                MovedToState(0, "AppData/db/app.db", "/app/AppData/db"), MovedToState(1, "AppData/logs/a.log", "/app/AppData/logs"))
            .WithSource(Sources.Stubs).WithEditorConfig("volumegen.data_root = /srv/state").RunAsync();
    }

    [Fact]
    public async Task Writes_into_the_apps_folder_with_the_key_ring_propose_one_folder_for_both()
    {
        var diagnostics = await AnalyzerRun.RunAsync(
            new[] { "using Microsoft.AspNetCore.DataProtection;\n\nstatic class Setup\n{\n    static void M(IServiceCollection services)\n    {\n        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(\"AppData/keys\"));\n        File.WriteAllText(\"AppData/settings.json\", \"x\");\n    }\n}\n" },
            new[] { ("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n") });

        Assert.Equal(new[] { "VG2001", "VG2007" }, diagnostics.Select(static d => d.Id).OrderBy(static id => id, StringComparer.Ordinal));
        Assert.All(diagnostics, static d => Assert.Equal("/app/AppData", d.Properties[DiagnosticDescriptors.FolderProperty]));
    }
}
