using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.Analyzers.Tests.Templates;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// The stock <c>dotnet new webapp --auth Individual</c> sources with the Visual Studio Dockerfile, compiled against the
/// real ASP.NET Core, EF Core and Identity assemblies: exactly two warnings — the database and the key ring.
/// </summary>
public sealed class TemplateTests
{
    [Fact]
    public async Task WebApp_with_Individual_auth_and_the_Visual_Studio_Dockerfile_gets_exactly_the_database_and_key_ring_warnings()
    {
        DiagnosticResult database = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath)
            .WithLocation(0)
            .WithLocation(2)
            .WithArguments(
                "UseSqlite",
                "appsettings.json: ConnectionStrings:DefaultConnection = \"DataSource=app.db;Cache=Shared\"",
                "/app/app.db",
                "set ConnectionStrings:DefaultConnection in appsettings.json to \"DataSource=/app/data/app.db;Cache=Shared\" and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/app.db\")] if losing it is intended");
        DiagnosticResult keyRing = new DiagnosticResult(DiagnosticDescriptors.ImplicitKeyRingNotPersisted)
            .WithLocation(1)
            .WithArguments(
                "AddDefaultIdentity",
                "~/.aspnet/DataProtection-Keys",
                "/home/app/.aspnet/DataProtection-Keys",
                "every signed-in user is logged out and forms opened before it are rejected");

        await new UsageTest(WebAppIdentityTemplate.Program, database, keyRing)
            .WithAspNetCore(program: true)
            .WithSource(WebAppIdentityTemplate.ApplicationDbContext)
            .WithFile("appsettings.json", WebAppIdentityTemplate.AppSettings)
            .WithFile("appsettings.Development.json", WebAppIdentityTemplate.AppSettingsDevelopment)
            .WithFile("Dockerfile", WebAppIdentityTemplate.VisualStudioDockerfile)
            .RunAsync();
    }

    /// <summary>The mvc template registers Identity before MVC's views: the key-ring warning stays at Identity, with the same words.</summary>
    [Fact]
    public async Task Mvc_with_Individual_auth_and_the_Visual_Studio_Dockerfile_gets_exactly_the_database_and_key_ring_warnings()
    {
        DiagnosticResult database = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath)
            .WithLocation(0)
            .WithLocation(2)
            .WithArguments(
                "UseSqlite",
                "appsettings.json: ConnectionStrings:DefaultConnection = \"DataSource=app.db;Cache=Shared\"",
                "/app/app.db",
                "set ConnectionStrings:DefaultConnection in appsettings.json to \"DataSource=/app/data/app.db;Cache=Shared\" and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/app.db\")] if losing it is intended");
        DiagnosticResult keyRing = new DiagnosticResult(DiagnosticDescriptors.ImplicitKeyRingNotPersisted)
            .WithLocation(1)
            .WithArguments(
                "AddDefaultIdentity",
                "~/.aspnet/DataProtection-Keys",
                "/home/app/.aspnet/DataProtection-Keys",
                "every signed-in user is logged out and forms opened before it are rejected");

        await new UsageTest(TemplatePrograms.MvcIdentityProgram, database, keyRing)
            .WithAspNetCore(program: true)
            .WithSource(WebAppIdentityTemplate.ApplicationDbContext)
            .WithFile("appsettings.json", WebAppIdentityTemplate.AppSettings)
            .WithFile("appsettings.Development.json", WebAppIdentityTemplate.AppSettingsDevelopment)
            .WithFile("Dockerfile", WebAppIdentityTemplate.VisualStudioDockerfile)
            .RunAsync();
    }

    /// <summary>Without authentication the Razor Pages template still protects its forms' antiforgery tokens with the key ring.</summary>
    [Fact]
    public async Task WebApp_without_auth_gets_the_antiforgery_key_ring_warning_only()
        => await new UsageTest(TemplatePrograms.WebAppProgram, new DiagnosticResult(DiagnosticDescriptors.ImplicitKeyRingNotPersisted)
                .WithLocation(0)
                .WithArguments("AddRazorPages", "~/.aspnet/DataProtection-Keys", "/home/app/.aspnet/DataProtection-Keys", "forms opened before it are rejected"))
            .WithAspNetCore(program: true)
            .WithFile("Dockerfile", WebAppIdentityTemplate.VisualStudioDockerfile)
            .RunAsync();

    [Fact]
    public async Task The_two_warnings_carry_what_the_fixes_need()
    {
        var diagnostics = await AnalyzerRun.RunAsync(
            new[] { WebAppIdentityTemplate.Program, WebAppIdentityTemplate.ApplicationDbContext },
            new[] { ("appsettings.json", WebAppIdentityTemplate.AppSettings), ("appsettings.Development.json", WebAppIdentityTemplate.AppSettingsDevelopment), ("Dockerfile", WebAppIdentityTemplate.VisualStudioDockerfile) },
            program: true);

        Assert.Equal(new[] { "VG2001", "VG2006" }, diagnostics.Select(static d => d.Id).OrderBy(static id => id, StringComparer.Ordinal));
        Diagnostic database = diagnostics.Single(static d => d.Id == "VG2001");
        Assert.Equal("/app/data", database.Properties[DiagnosticDescriptors.FolderProperty]);
        Assert.Equal("/app/app.db", database.Properties[DiagnosticDescriptors.EphemeralPathProperty]);
        Assert.Equal("/0/appsettings.json", database.Properties[DiagnosticDescriptors.ConfigFileProperty]);
        Assert.Equal("ConnectionStrings:DefaultConnection", database.Properties[DiagnosticDescriptors.ConfigKeyProperty]);
        Assert.Equal("DataSource=app.db;Cache=Shared", database.Properties[DiagnosticDescriptors.ConfigValueProperty]);
        Assert.Equal("DataSource=/app/data/app.db;Cache=Shared", database.Properties[DiagnosticDescriptors.ConfigSuggestedValueProperty]);
        Location json = Assert.Single(database.AdditionalLocations);
        Assert.Equal("/0/appsettings.json", json.GetLineSpan().Path);
        Assert.Equal(2, json.GetLineSpan().StartLinePosition.Line);

        Diagnostic keyRing = diagnostics.Single(static d => d.Id == "VG2006");
        Assert.Equal("/home/app/.aspnet/DataProtection-Keys", keyRing.Properties[DiagnosticDescriptors.FolderProperty]);
        Assert.False(keyRing.Properties.ContainsKey(DiagnosticDescriptors.ConfigFileProperty));
    }

    /// <summary>
    /// The blazor template keeps its database in a subfolder (<c>DataSource=Data\\app.db</c>). SQLite creates the file but
    /// not its folder, and a fresh volume is empty: the suggested value puts the file directly into the data root.
    /// </summary>
    [Theory]
    [InlineData("DataSource=Data\\\\app.db;Cache=Shared")]
    [InlineData("DataSource=Data/app.db;Cache=Shared")]
    public async Task A_database_in_a_subfolder_moves_into_the_data_root_itself(string written)
    {
        string settings = WebAppIdentityTemplate.AppSettings.Replace("DataSource=app.db;Cache=Shared", written, StringComparison.Ordinal);
        Assert.NotEqual(WebAppIdentityTemplate.AppSettings, settings);
        var diagnostics = await AnalyzerRun.RunAsync(
            new[] { WebAppIdentityTemplate.Program, WebAppIdentityTemplate.ApplicationDbContext },
            new[] { ("appsettings.json", settings), ("Dockerfile", WebAppIdentityTemplate.VisualStudioDockerfile) },
            program: true);

        Diagnostic database = diagnostics.Single(static d => d.Id == "VG2001");
        Assert.Equal("/app/data", database.Properties[DiagnosticDescriptors.FolderProperty]);
        Assert.Equal("DataSource=/app/data/app.db;Cache=Shared", database.Properties[DiagnosticDescriptors.ConfigSuggestedValueProperty]);
    }
}
