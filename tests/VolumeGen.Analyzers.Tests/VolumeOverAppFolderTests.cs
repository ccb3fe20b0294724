using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// VG1013: a volume whose target is the container's working directory or a parent of it hides the published app
/// (and a named volume keeps the first image's binaries). The working directory comes from the same place the usage
/// analyzers take it: volumegen.working_directory, ContainerWorkingDirectory, the Dockerfile's final WORKDIR, /app.
/// </summary>
public sealed class VolumeOverAppFolderTests
{
    [Theory]
    [InlineData("[PersistentVolume({|#0:\"/app\"|}, Name = \"app\")]", "named volume 'app' at /app", "/app")]
    [InlineData("[AnonymousVolume({|#0:\"/app/\"|})]", "anonymous volume at /app", "/app")]
    [InlineData("[TmpfsMount({|#0:\"/app\"|})]", "tmpfs at /app", "/app")]
    public async Task A_volume_at_the_working_directory_is_reported(string attribute, string what, string workingDirectory)
        => await Test(attribute, Expected(what, workingDirectory)).RunAsync(CancellationToken.None);

    [Fact]
    public async Task A_volume_above_the_Dockerfile_WORKDIR_is_reported()
    {
        var test = Test("[PersistentVolume({|#0:\"/srv\"|})]", Expected("named volume 'srv' at /srv", "/srv/shop"));
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nWORKDIR /srv/shop\nFROM base AS final\nCOPY . .\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ContainerWorkingDirectory_is_the_app_folder_for_SDK_container_publishing()
    {
        var test = Test("[PersistentVolume({|#0:\"/opt/svc\"|})]", Expected("named volume 'opt-svc' at /opt/svc", "/opt/svc"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ContainerWorkingDirectory = /opt/svc\n"));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("[PersistentVolume(\"/app/data\")]")]
    [InlineData("[AnonymousVolume(\"/app/cache\")]")]
    [InlineData("[PersistentVolume(\"/application\")]")]
    [InlineData("[BindMount(\"./\", \"/app\")]")]
    [InlineData("[PersistentVolume(\"/srv\")]")]
    public async Task Folders_below_or_beside_the_app_folder_and_bind_mounts_are_fine(string attribute)
        => await Test(attribute).RunAsync(CancellationToken.None);

    [Fact]
    public async Task A_Dockerfile_WORKDIR_elsewhere_makes_app_a_plain_folder()
    {
        var test = Test("[PersistentVolume(\"/app\")]");
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv\n"));
        await test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Expected(string what, string workingDirectory)
        => new DiagnosticResult(DiagnosticDescriptors.VolumeOverAppFolder).WithLocation(0).WithArguments(what, workingDirectory, workingDirectory + "/data");

    private static CSharpAnalyzerTest<DeclarationAnalyzer, DefaultVerifier> Test(string attribute, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<DeclarationAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.Sources.Add("using VolumeGen;\n\n" + attribute + "\npublic static partial class AppStorage { }\n");
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }
}
