using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>VG2005: Data Protection keys in the container layer.</summary>
public sealed class DataProtectionTests
{
    private static DiagnosticResult VG2005 => Expect.Diagnostic(DiagnosticDescriptors.DataProtectionKeysNotPersisted, 0);

    [Fact]
    public async Task AddDataProtection_without_PersistKeysTo_is_reported()
        => await new UsageTest(Sources.WithAttributes("services.{|#0:AddDataProtection()|};"), Expect.Diagnostic(DiagnosticDescriptors.DataProtectionKeysNotPersisted, "~/.aspnet/DataProtection-Keys", "/home/app/.aspnet/DataProtection-Keys"))
            .WithSource(Sources.Stubs).RunAsync();

    [Fact]
    public async Task AddDataProtection_with_only_SetApplicationName_is_reported()
        => await new UsageTest(Sources.WithAttributes("Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions.SetApplicationName(services.{|#0:AddDataProtection()|}, \"shop\");"), VG2005)
            .WithSource(Sources.Stubs).RunAsync();

    [Fact]
    public async Task Root_user_of_a_Dockerfile_keeps_keys_under_root()
        => await new UsageTest(Sources.WithAttributes("services.{|#0:AddDataProtection()|};"), Expect.Diagnostic(DiagnosticDescriptors.DataProtectionKeysNotPersisted, "~/.aspnet/DataProtection-Keys", "/root/.aspnet/DataProtection-Keys"))
            .WithSource(Sources.Stubs).WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\n").RunAsync();

    [Fact]
    public async Task App_user_of_a_Dockerfile_keeps_keys_under_home_app()
        => await new UsageTest(Sources.WithAttributes("services.{|#0:AddDataProtection()|};"), Expect.Diagnostic(DiagnosticDescriptors.DataProtectionKeysNotPersisted, "~/.aspnet/DataProtection-Keys", "/home/app/.aspnet/DataProtection-Keys"))
            .WithSource(Sources.Stubs).WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\nWORKDIR /app\n").RunAsync();

    // Issue 24: one rule for who the user is (ImageFacts). A chiseled image runs as $APP_UID without a USER line: the
    // build task chowns the volume folders to $APP_UID, the CLI gives the pod fsGroup 1654, and the keys live in /home/app.
    [Fact]
    public async Task A_chiseled_image_without_USER_keeps_keys_under_home_app_as_the_build_task_and_CLI_see_its_user()
        => await new UsageTest(Sources.WithAttributes("services.{|#0:AddDataProtection()|};"), Expect.Diagnostic(DiagnosticDescriptors.DataProtectionKeysNotPersisted, "~/.aspnet/DataProtection-Keys", "/home/app/.aspnet/DataProtection-Keys"))
            .WithSource(Sources.Stubs).WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\n").RunAsync();

    // ContainerUser is the SDK's: it sets the user of an image the SDK publishes, not of one docker build makes.
    [Fact]
    public async Task A_Dockerfile_without_USER_runs_as_root_whatever_ContainerUser_says()
        => await new UsageTest(Sources.WithAttributes("services.{|#0:AddDataProtection()|};"), Expect.Diagnostic(DiagnosticDescriptors.DataProtectionKeysNotPersisted, "~/.aspnet/DataProtection-Keys", "/root/.aspnet/DataProtection-Keys"))
            .WithSource(Sources.Stubs).WithFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n")
            .WithGlobalConfig("build_property.ContainerUser = builder").RunAsync();

    [Fact]
    public async Task Without_a_Dockerfile_ContainerUser_is_the_user()
        => await new UsageTest(Sources.WithAttributes("services.{|#0:AddDataProtection()|};"), Expect.Diagnostic(DiagnosticDescriptors.DataProtectionKeysNotPersisted, "~/.aspnet/DataProtection-Keys", "/home/builder/.aspnet/DataProtection-Keys"))
            .WithSource(Sources.Stubs).WithGlobalConfig("build_property.ContainerUser = builder").RunAsync();

    // A ContainerBaseImage that is not a .NET image sets the user VolumeGen cannot see: the key folder is unknown, so nothing is said.
    [Fact]
    public async Task Without_a_Dockerfile_a_base_image_that_is_not_a_dotnet_image_leaves_the_home_unknown()
        => await new UsageTest(Sources.WithAttributes("services.AddDataProtection();"))
            .WithSource(Sources.Stubs).WithGlobalConfig("build_property.ContainerBaseImage = ubuntu:24.04").RunAsync();

    [Fact]
    public async Task PersistKeysTo_in_the_chain_is_fine()
        => await new UsageTest(Sources.WithAttributes("Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions.PersistKeysToFileSystem(services.AddDataProtection(), new DirectoryInfo(\"/app/data/keys\"));"))
            .WithSource(Sources.Stubs).RunAsync();

    [Fact]
    public async Task PersistKeysTo_in_another_file_is_fine()
        => await new UsageTest(Sources.WithAttributes("services.AddDataProtection();"))
            .WithSource(Sources.Stubs)
            .WithSource("using Microsoft.AspNetCore.DataProtection;\nstatic class KeySetup\n{\n    public static void Configure(IDataProtectionBuilder b) => b.PersistKeysToFileSystem(new System.IO.DirectoryInfo(\"/app/data/keys\"));\n}\n")
            .RunAsync();

    [Fact]
    public async Task A_volume_over_the_key_folder_is_fine()
        => await new UsageTest(Sources.WithAttributes("services.AddDataProtection();"))
            .WithSource(Sources.Stubs)
            .WithSource("using VolumeGen;\n[PersistentVolume(\"/home/app/.aspnet/DataProtection-Keys\", Name = \"keys\")]\npublic static partial class KeyStorage { }\n")
            .RunAsync();

    [Fact]
    public async Task A_Dockerfile_VOLUME_over_the_home_is_fine()
        => await new UsageTest(Sources.WithAttributes("services.AddDataProtection();"))
            .WithSource(Sources.Stubs).WithFile("Dockerfile", "FROM base\nUSER app\nVOLUME /home/app\n").RunAsync();

    [Fact]
    public async Task An_unrelated_AddDataProtection_method_is_ignored()
        => await new UsageTest(Sources.WithAttributes("AddDataProtection();", "    static void AddDataProtection() { }\n")).WithSource(Sources.Stubs).RunAsync();
}
