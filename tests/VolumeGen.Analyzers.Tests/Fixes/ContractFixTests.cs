using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.CodeFixers.Usage;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests.Fixes;

/// <summary>
/// The persisting fix on diagnostics that carry the analyzer contract's properties (hand-made here, so the fix is
/// tested apart from the analysis): a configured value moved into the folder in the JSON file, the key ring pointed
/// at its folder, one data root declared, and the Dockerfile markers added.
/// </summary>
public sealed class ContractFixTests
{
    private const string Settings = """
        {
          // The accounts live here.
          "ConnectionStrings": {
            "DefaultConnection": "DataSource=app.db;Cache=Shared"
          },
          "Logging": { "LogLevel": { "Default": "Information" } },
          "AllowedHosts": "*",
        }
        """;

    private const string Program = """
        using Microsoft.Extensions.DependencyInjection;

        class Program
        {
            static void Main(IServiceCollection services, Settings configuration)
            {
                var connectionString = configuration.GetConnectionString("DefaultConnection");
                services.AddDefaultIdentity();
            }
        }

        class Settings
        {
            public string GetConnectionString(string name) => name;
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class IdentityStub
            {
                public static IServiceCollection AddDefaultIdentity(this IServiceCollection services) => services;
            }
        }

        """;

    private const string DatabaseLine = "VG2001|GetConnectionString(\"DefaultConnection\")|VolumeGen.Folder=/app/data|VolumeGen.ConfigFile=/0/appsettings.json|VolumeGen.ConfigKey=ConnectionStrings:DefaultConnection|VolumeGen.ConfigValue=DataSource=app.db;Cache=Shared|VolumeGen.ConfigSuggestedValue=DataSource=/app/data/app.db;Cache=Shared";

    private const string KeysLine = "VG2005|AddDefaultIdentity()|VolumeGen.Folder=/app/data/keys";

    private const string NewClass = "\n// Container folders whose data must outlive the container: VolumeGen declares them as named volumes.\n[VolumeGen.PersistentVolume(\"/app/data\")]\npublic static partial class ContainerStorage\n{\n}\n";

    [Fact]
    public async Task A_configured_database_moves_into_the_data_folder_which_is_declared_and_reaches_the_Dockerfile()
    {
        var test = Test(Marked(Program, database: true, keys: false), Program + NewClass);
        test.TestState.AdditionalFiles.Add(("/0/diagnostics.contract", DatabaseLine));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", Settings));
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", DockerfileMarkersTests.VisualStudioDockerfile));
        test.FixedState.AdditionalFiles.Add(("/0/diagnostics.contract", DatabaseLine));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", Settings.Replace("DataSource=app.db", "DataSource=/app/data/app.db")));
        test.FixedState.AdditionalFiles.Add(("/0/Dockerfile", DockerfileMarkersTests.VisualStudioDockerfile.Replace("AS base\nUSER", "AS base\n# >>> VolumeGen\n# <<< VolumeGen\nUSER")));
        test.ExpectedDiagnostics.Add(Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        test.CodeActionVerifier = static (action, verifier) => verifier.Equal(
            "Move 'ConnectionStrings:DefaultConnection' into '/app/data' in appsettings.json and declare [PersistentVolume(\"/app/data\")] on a new ContainerStorage class",
            action.Title);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_All_moves_the_database_points_the_key_ring_into_the_same_data_root_and_declares_it_once()
    {
        string fixedProgram = Program
            .Replace("using Microsoft.Extensions.DependencyInjection;\n", "using Microsoft.Extensions.DependencyInjection;\nusing Microsoft.AspNetCore.DataProtection;\n")
            .Replace("        services.AddDefaultIdentity();\n", "        services.AddDefaultIdentity();\n        services.AddDataProtection().PersistKeysToFileSystem(new System.IO.DirectoryInfo(\"/app/data/keys\"));\n")
            + NewClass;
        var test = Test(Marked(Program, database: true, keys: true), fixedProgram);
        string contract = DatabaseLine + "\n" + KeysLine;
        test.TestState.AdditionalFiles.Add(("/0/diagnostics.contract", contract));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", Settings));
        test.FixedState.AdditionalFiles.Add(("/0/diagnostics.contract", contract));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", Settings.Replace("DataSource=app.db", "DataSource=/app/data/app.db")));
        test.ExpectedDiagnostics.Add(Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.DataProtectionKeysNotPersisted).WithLocation(1).WithArguments("keys", "/app/data/keys"));
        test.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.NewClassKey;
        // One at a time, the first fix (the database) declares /app/data, which already holds the key folder: the
        // key-ring diagnostic is gone before its own fix, so only Fix All points the key ring there.
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck;
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add(Program + NewClass);
        test.FixedState.Sources.Add(Sources.Stubs);
        test.FixedState.AdditionalFiles.Clear();
        test.FixedState.AdditionalFiles.Add(("/0/diagnostics.contract", contract));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", Settings.Replace("DataSource=app.db", "DataSource=/app/data/app.db")));
        test.BatchFixedState.Sources.Add(fixedProgram);
        test.BatchFixedState.AdditionalFiles.Add(("/0/diagnostics.contract", contract));
        test.BatchFixedState.AdditionalFiles.Add(("/0/appsettings.json", Settings.Replace("DataSource=app.db", "DataSource=/app/data/app.db")));
        test.BatchFixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.BatchFixedState.Sources.Add(Sources.Stubs);
        await test.RunAsync(CancellationToken.None);
    }

    // VolumeGenDockerfilePath: a named Dockerfile; empty, the search's choice (the rule the build task follows: without a
    // project folder every file is the project's and the plain Dockerfile nearest the root wins); none, the step is off.
    [Theory]
    [InlineData("/0/deploy/Dockerfile", true, false)]
    [InlineData("", false, true)]
    [InlineData("none", false, false)]
    public async Task The_markers_go_into_the_Dockerfile_the_build_keeps(string dockerfilePath, bool deployGetsMarkers, bool otherGetsMarkers)
    {
        const string other = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var test = Test(Marked(Program, database: true, keys: false), Program + NewClass);
        test.TestState.AdditionalFiles.Add(("/0/diagnostics.contract", DatabaseLine));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", Settings));
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", other));
        test.TestState.AdditionalFiles.Add(("/0/deploy/Dockerfile", DockerfileMarkersTests.VisualStudioDockerfile));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.VolumeGenDockerfilePath = " + dockerfilePath + "\n"));
        test.FixedState.AdditionalFiles.Add(("/0/diagnostics.contract", DatabaseLine));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", Settings.Replace("DataSource=app.db", "DataSource=/app/data/app.db")));
        test.FixedState.AdditionalFiles.Add(("/0/Dockerfile", otherGetsMarkers ? other.Replace("\nENTRYPOINT", "\n# >>> VolumeGen\n# <<< VolumeGen\nENTRYPOINT") : other));
        test.FixedState.AdditionalFiles.Add(("/0/deploy/Dockerfile", deployGetsMarkers
            ? DockerfileMarkersTests.VisualStudioDockerfile.Replace("AS base\nUSER", "AS base\n# >>> VolumeGen\n# <<< VolumeGen\nUSER")
            : DockerfileMarkersTests.VisualStudioDockerfile));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.VolumeGenDockerfilePath = " + dockerfilePath + "\n"));
        test.ExpectedDiagnostics.Add(Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        await test.RunAsync(CancellationToken.None);
    }

    // The build keeps the block of the Dockerfile the analyzers read (ContainerFileSelection.KeptDockerfile): a repository-root
    // Dockerfile that runs the project gets the markers (before its USER, the line VG3001 names); one that only copies the
    // project into another app's image is that app's and stays as it is.
    [Theory]
    [InlineData("App.dll", true)]
    [InlineData("Web.dll", false)]
    public async Task A_repository_root_Dockerfile_gets_the_markers_when_it_runs_the_project(string entrypoint, bool getsMarkers)
    {
        string root = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY [\"src/App/App.csproj\", \"src/App/\"]\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"" + entrypoint + "\"]\n";
        const string project = "is_global = true\nbuild_property.MSBuildProjectDirectory = /0/src/App\nbuild_property.MSBuildProjectName = App\n";
        var test = Test(Marked(Program, database: true, keys: false), Program + NewClass);
        test.TestState.AdditionalFiles.Add(("/0/diagnostics.contract", DatabaseLine));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", Settings));
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", root));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", project));
        test.FixedState.AdditionalFiles.Add(("/0/diagnostics.contract", DatabaseLine));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", Settings.Replace("DataSource=app.db", "DataSource=/app/data/app.db")));
        test.FixedState.AdditionalFiles.Add(("/0/Dockerfile", getsMarkers ? root.Replace("\nUSER", "\n# >>> VolumeGen\n# <<< VolumeGen\nUSER") : root));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", project));
        test.ExpectedDiagnostics.Add(Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_value_whose_folder_is_persisted_already_only_moves()
    {
        const string storage = "\n[VolumeGen.PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage\n{\n}\n";
        var test = Test(Marked(Program, database: true, keys: false) + storage, Program + storage);
        test.TestState.AdditionalFiles.Add(("/0/diagnostics.contract", DatabaseLine.Replace("VolumeGen.Folder=/app/data", "VolumeGen.Folder=/app/data/db")));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", Settings));
        test.FixedState.AdditionalFiles.Add(("/0/diagnostics.contract", DatabaseLine.Replace("VolumeGen.Folder=/app/data", "VolumeGen.Folder=/app/data/db")));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", Settings.Replace("DataSource=app.db", "DataSource=/app/data/app.db")));
        test.ExpectedDiagnostics.Add(Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        test.CodeActionVerifier = static (action, verifier) => verifier.Equal("Move 'ConnectionStrings:DefaultConnection' into '/app/data/db' (persisted) in appsettings.json", action.Title);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_file_that_no_longer_holds_the_value_is_left_alone()
    {
        string changed = Settings.Replace("DataSource=app.db", "DataSource=other.db");
        var test = Test(Marked(Program, database: true, keys: false), Program + NewClass);
        test.TestState.AdditionalFiles.Add(("/0/diagnostics.contract", DatabaseLine));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", changed));
        test.FixedState.AdditionalFiles.Add(("/0/diagnostics.contract", DatabaseLine));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", changed));
        test.ExpectedDiagnostics.Add(Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public void Only_a_plain_write_may_be_marked_ephemeral()
    {
        FixRequest plain = Request(DiagnosticDescriptors.WriteOutsidePersistedPath, "VolumeGen.Folder=/srv/uploads");
        FixRequest configured = Request(DiagnosticDescriptors.WriteOutsidePersistedPath, DatabaseLine.Split('|')[2..]);
        FixRequest keys = Request(DiagnosticDescriptors.DataProtectionKeysNotPersisted, "VolumeGen.Folder=/home/app/.aspnet/DataProtection-Keys");

        Assert.True(plain.CanBeEphemeral);
        Assert.False(configured.CanBeEphemeral);
        Assert.Equal("DataSource=/app/data/app.db;Cache=Shared", configured.Move!.SuggestedValue);
        Assert.False(keys.CanBeEphemeral);
        Assert.False(keys.RedirectKeys);
        Assert.True(Request(DiagnosticDescriptors.DataProtectionKeysNotPersisted, "VolumeGen.Folder=/app/data/keys").RedirectKeys);

        // The analyzer names what to mark for a configured value (the written file): then marking it is offered, second.
        FixRequest named = Request(DiagnosticDescriptors.WriteOutsidePersistedPath, [.. DatabaseLine.Split('|')[2..], "VolumeGen.EphemeralPath=/app/app.db"]);
        Assert.Equal("/app/app.db", named.EphemeralPath);

        // VG2006 (implicit key ring) and VG2007 (PersistKeysToFileSystem into a folder that dies), by ID.
        Assert.False(Request(Rule("VG2006"), "VolumeGen.Folder=/home/app/.aspnet/DataProtection-Keys").RedirectKeys);
        Assert.True(Request(Rule("VG2006"), "VolumeGen.Folder=/app/data/keys").RedirectKeys);
        Assert.False(Request(Rule("VG2007"), "VolumeGen.Folder=/app/data").RedirectKeys);
        Assert.Null(Request(Rule("VG2007"), "VolumeGen.Folder=/app/data").EphemeralPath);
        Assert.Contains("VG2006", new DeclarePersistentVolumeCodeFix().FixableDiagnosticIds);
        Assert.Contains("VG2007", new DeclarePersistentVolumeCodeFix().FixableDiagnosticIds);
        Assert.Null(FixRequest.From(Microsoft.CodeAnalysis.Diagnostic.Create(DiagnosticDescriptors.WriteOutsidePersistedPath, Microsoft.CodeAnalysis.Location.None, "a", "b", "c", "d")));
    }

    private static Microsoft.CodeAnalysis.DiagnosticDescriptor Rule(string id)
        => new(id, "title", "message", "VolumeGen.Usage", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static FixRequest Request(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] properties)
    {
        var values = System.Collections.Immutable.ImmutableDictionary.CreateRange(
            System.Linq.Enumerable.Select(properties, static p => new System.Collections.Generic.KeyValuePair<string, string?>(p.Split('=', 2)[0], p.Split('=', 2)[1])));
        return FixRequest.From(Microsoft.CodeAnalysis.Diagnostic.Create(descriptor, Microsoft.CodeAnalysis.Location.None, values, "a", "b", "c", "d"))!;
    }

    private static string Marked(string program, bool database, bool keys)
    {
        if (database)
        {
            program = program.Replace("GetConnectionString(\"DefaultConnection\")", "{|#0:GetConnectionString(\"DefaultConnection\")|}");
        }

        if (keys)
        {
            program = program.Replace("AddDefaultIdentity();", "{|#1:AddDefaultIdentity()|};");
        }

        return program;
    }

    private static CSharpCodeFixTest<ContractAnalyzer, DeclarePersistentVolumeCodeFix, DefaultVerifier> Test(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<ContractAnalyzer, DeclarePersistentVolumeCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.Sources.Add(Sources.Stubs);
        test.FixedState.Sources.Add(Sources.Stubs);
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        return test;
    }
}
