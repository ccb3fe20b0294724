using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// One data root: writes under the working directory are proposed one data folder (<c>/app/data</c>, an existing
/// persisted folder under the working directory, or <c>volumegen.data_root</c>), never a volume over the working
/// directory and never one volume per written folder.
/// </summary>
public sealed class DataRootTests
{
    [Fact]
    public async Task Writes_in_several_folders_under_the_working_directory_get_one_data_root()
    {
        var diagnostics = await AnalyzerRun.RunAsync(
            new[] { Sources.Plain("File.WriteAllText(\"data/db/app.db\", \"x\"); File.WriteAllText(\"data/uploads/a.png\", \"x\"); File.WriteAllText(\"data/config/settings.json\", \"x\"); Directory.CreateDirectory(\"data/cache\");"), Sources.Stubs },
            Array.Empty<(string, string)>(),
            aspNetCore: false);

        Assert.Equal(4, diagnostics.Length);
        Assert.All(diagnostics, static d => Assert.Equal("/app/data", d.Properties[DiagnosticDescriptors.FolderProperty]));
        Assert.Equal(new[] { "/app/data/cache", "/app/data/config", "/app/data/db", "/app/data/uploads" }, diagnostics.Select(static d => d.Properties[DiagnosticDescriptors.EphemeralPathProperty]).OrderBy(static p => p, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Configured_folders_move_into_the_one_data_root()
    {
        const string json = "{ \"Paths\": { \"Db\": \"Data Source=shop.db\", \"Uploads\": \"uploads\", \"Logs\": \"./logs\" } }";
        var diagnostics = await AnalyzerRun.RunAsync(
            new[] { ConfigurationTests.Program("using var c = new Microsoft.Data.Sqlite.SqliteConnection(configuration[\"Paths:Db\"]); File.WriteAllText(Path.Combine(configuration[\"Paths:Uploads\"]!, \"a.png\"), \"x\"); File.AppendAllText(Path.Combine(configuration[\"Paths:Logs\"]!, \"x.log\"), \"x\");") },
            new[] { ("appsettings.json", json) });

        Assert.Equal(3, diagnostics.Length);
        Assert.All(diagnostics, static d => Assert.Equal("/app/data", d.Properties[DiagnosticDescriptors.FolderProperty]));
        Assert.Equal(new[] { "/app/data/logs", "/app/data/uploads", "Data Source=/app/data/shop.db" },
            diagnostics.Select(static d => d.Properties[DiagnosticDescriptors.ConfigSuggestedValueProperty]).OrderBy(static p => p, StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_existing_persisted_folder_under_the_working_directory_is_the_data_root()
    {
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "File.WriteAllText", "appsettings.json: Storage:Uploads = \"uploads\"", "/app/uploads/a.png",
            "set Storage:Uploads in appsettings.json to \"/app/storage/uploads\" (inside the volume at '/app/storage'), or [assembly: EphemeralPath(\"/app/uploads\")] if losing it is intended");
        await new UsageTest(ConfigurationTests.Program("File.WriteAllText({|#0:Path.Combine(configuration[\"Storage:Uploads\"]!, \"a.png\")|}, \"x\");", storage: "[PersistentVolume(\"/app/storage\")]"), expected)
            .WithAspNetCore().WithFile("appsettings.json", "{ \"Storage\": { \"Uploads\": {|#1:\"uploads\"|} } }").RunAsync();
    }

    [Fact]
    public async Task volumegen_data_root_chooses_the_folder()
    {
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, "File.WriteAllText", "uploads/a.png", "/app/uploads/a.png",
            "keep the app's data in one folder: move it into '/srv/state' and declare [PersistentVolume(\"/srv/state\")] on the storage class, or [assembly: EphemeralPath(\"/app/uploads\")] if losing it is intended");
        await new UsageTest(Sources.Plain("File.WriteAllText({|#0:\"uploads/a.png\"|}, \"x\");"), expected)
            .WithSource(Sources.Stubs).WithEditorConfig("volumegen.data_root = /srv/state").RunAsync();
    }

    [Fact]
    public async Task A_literal_path_outside_the_data_root_gets_no_folder_to_declare_but_can_be_marked_ephemeral()
    {
        var diagnostics = await AnalyzerRun.RunAsync(new[] { Sources.Plain("File.WriteAllText(\"app.db\", \"x\");"), Sources.Stubs }, Array.Empty<(string, string)>(), aspNetCore: false);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticDescriptors.FolderProperty));
        Assert.Equal("/app/app.db", diagnostic.Properties[DiagnosticDescriptors.EphemeralPathProperty]);
        Assert.Contains("move it into '/app/data'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mount_below_the_data_root_leaves_no_safe_folder()
    {
        DiagnosticResult expected = Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, "File.WriteAllText", "uploads/a.png", "/app/uploads/a.png",
            "write below a declared volume instead (a volume at '/app/data', the data folder, would overlap the mounts below it)");
        await new UsageTest(Sources.Plain("File.WriteAllText({|#0:\"uploads/a.png\"|}, \"x\");"), expected)
            .WithSource(Sources.Stubs).WithSource("[VolumeGen.AnonymousVolume(\"/app/data/cache\")]\npublic static partial class CacheStorage { }\n").RunAsync();
    }

    [Fact]
    public async Task The_working_directory_itself_is_never_proposed()
    {
        var diagnostics = await AnalyzerRun.RunAsync(
            new[] { ConfigurationTests.Program("File.WriteAllText(Path.Combine(configuration[\"Root\"]!, \"state.json\"), \"x\");") },
            new[] { ("appsettings.json", "{ \"Root\": \".\" }") });

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("/app/data", diagnostic.Properties[DiagnosticDescriptors.FolderProperty]);
        Assert.Equal("/app/data", diagnostic.Properties[DiagnosticDescriptors.ConfigSuggestedValueProperty]);
        Assert.Equal("/app/state.json", diagnostic.Properties[DiagnosticDescriptors.EphemeralPathProperty]);
    }
}
