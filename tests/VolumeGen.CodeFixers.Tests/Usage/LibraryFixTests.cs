using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.CodeFixers.Usage;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.CodeFixers.Tests.Usage;

/// <summary>
/// A write in a class library is fixed where the image's declarations are: the app project of the solution gets the
/// <c>[PersistentVolume]</c> (a declaration in the library reaches no image); without the app in the solution only the
/// explicit "mark ephemeral" is offered.
/// </summary>
public sealed class LibraryFixTests
{
    private const string Library = "is_global = true\nbuild_property.MSBuildProjectDirectory = /repo/Infrastructure\nbuild_property.MSBuildProjectName = Infrastructure\n";

    private const string Write = "using System.IO;\n\npublic static class FileStore\n{\n    public static void Save(byte[] content) => File.WriteAllBytes({|#0:\"/srv/files/a.bin\"|}, content);\n}\n";

    private const string WebStorage = "using VolumeGen;\n\nnamespace Web;\n\n[PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage { }\n";

    private static readonly string WebLock = StorageLock.FromDeclarations(new[] { Mount.NamedVolume("/app/data", "app-data") }, null, "Web").ToJson();

    private static CSharpCodeFixTest<ContainerWriteAnalyzer, DeclarePersistentVolumeCodeFix, DefaultVerifier> Test(string? fixedWebStorage)
    {
        var test = new CSharpCodeFixTest<ContainerWriteAnalyzer, DeclarePersistentVolumeCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = Write,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Library));
        test.TestState.AdditionalFiles.Add(("/repo/Dockerfile", VisualStudioContainerFiles.Dockerfile("Web", "Infrastructure")));
        test.TestState.AdditionalFiles.Add(("/repo/Web/volumegen.lock.json", WebLock));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithArguments(
            "File.WriteAllBytes", "/srv/files/a.bin", "/srv/files/a.bin",
            "declare [PersistentVolume(\"/srv/files\")] on Web's storage class, or [assembly: EphemeralPath(\"/srv/files\")] if losing it is intended"));

        // The library still warns after the fix: its inputs are the app's committed lock, which Web's next build updates.
        test.FixedState.Sources.Add(Write);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.ExpectedDiagnostics.Add(Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        test.FixedState.AdditionalFiles.Add(("/repo/Dockerfile", VisualStudioContainerFiles.Dockerfile("Web", "Infrastructure")));
        test.FixedState.AdditionalFiles.Add(("/repo/Web/volumegen.lock.json", WebLock));
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        if (fixedWebStorage is not null)
        {
            test.TestState.AdditionalProjects["Web"].Sources.Add(("/repo/Web/AppStorage.cs", WebStorage));
            test.TestState.AdditionalProjects["Web"].AdditionalReferences.AddRange(TestReferences.All);
            test.FixedState.AdditionalProjects["Web"].Sources.Add(("/repo/Web/AppStorage.cs", fixedWebStorage));
            test.FixedState.AdditionalProjects["Web"].AdditionalReferences.AddRange(TestReferences.All);
        }

        return test;
    }

    [Fact]
    public async Task The_folder_is_declared_on_the_apps_storage_class_not_in_the_library()
    {
        var test = Test("using VolumeGen;\n\nnamespace Web;\n\n[PersistentVolume(\"/app/data\")]\n[PersistentVolume(\"/srv/files\")]\npublic static partial class AppStorage { }\n");
        test.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.EquivalenceKeyPrefix + "Web.AppStorage";
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_the_app_in_the_solution_only_mark_ephemeral_is_offered()
    {
        var test = Test(fixedWebStorage: null);
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add(Write.Replace("using System.IO;\n", "using System.IO;\n\n[assembly: VolumeGen.EphemeralPath(\"/srv/files\")]\n"));
        test.FixedState.ExpectedDiagnostics.Clear();
        test.CodeActionIndex = 0;
        test.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.MarkEphemeralKey;
        await test.RunAsync(CancellationToken.None);
    }
}
