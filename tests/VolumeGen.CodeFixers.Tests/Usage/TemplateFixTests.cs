using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.CodeFixers.Usage;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.CodeFixers.Tests.Usage;

/// <summary>
/// The fixes on the stock <c>dotnet new webapp --auth Individual</c> sources with the real analyzer: Fix All (the
/// action <c>dotnet format</c> applies) moves the connection string into the data root, declares it and the key
/// folder on one new class, and adds the Dockerfile markers; afterwards the analyzer is silent.
/// </summary>
public sealed class TemplateFixTests
{
    private const string NewClass = "\n// Container folders whose data must outlive the container: VolumeGen declares them as named volumes.\n[VolumeGen.PersistentVolume(\"/app/data\")]\n[VolumeGen.PersistentVolume(\"/home/app/.aspnet/DataProtection-Keys\")]\npublic static partial class ContainerStorage\n{\n}\n";

    [Fact]
    public async Task Fix_All_on_the_webapp_template_persists_the_database_and_the_key_ring()
    {
        string program = WebAppIdentityTemplate.Program.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("{|#1:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal);
        string fixedSettings = WebAppIdentityTemplate.AppSettings.Replace("{|#2:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal).Replace("DataSource=app.db", "DataSource=/app/data/app.db", StringComparison.Ordinal);
        string fixedDockerfile = WebAppIdentityTemplate.VisualStudioDockerfile.Replace("AS base\nUSER", "AS base\n# >>> VolumeGen\n# <<< VolumeGen\nUSER", StringComparison.Ordinal);
        Assert.NotEqual(WebAppIdentityTemplate.VisualStudioDockerfile, fixedDockerfile);

        var test = new CSharpCodeFixTest<ContainerWriteAnalyzer, DeclarePersistentVolumeCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = WebAppIdentityTemplate.Program,
            CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.NewClassKey,
        };
        foreach (SolutionState state in new[] { test.TestState, test.FixedState, test.BatchFixedState })
        {
            state.AdditionalReferences.AddRange(TestReferences.All);
            state.AdditionalReferences.AddRange(TestReferences.AspNetCore);
            state.OutputKind = OutputKind.ConsoleApplication;
        }

        test.TestState.Sources.Add(WebAppIdentityTemplate.ApplicationDbContext);
        test.TestState.Sources.Add(("GlobalUsings.g.cs", TestReferences.WebGlobalUsings));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", WebAppIdentityTemplate.AppSettings));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.Development.json", WebAppIdentityTemplate.AppSettingsDevelopment));
        test.TestState.AdditionalFiles.Add(("/0/Dockerfile", WebAppIdentityTemplate.VisualStudioDockerfile));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(2).WithMessage(null));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.ImplicitKeyRingNotPersisted).WithLocation(1).WithMessage(null));

        // Fix All in one edit (what dotnet format applies per rule; here both rules' diagnostics in one project).
        foreach (SolutionState state in new[] { test.BatchFixedState })
        {
            state.Sources.Add(program + NewClass);
            state.Sources.Add(WebAppIdentityTemplate.ApplicationDbContext);
            state.Sources.Add(("GlobalUsings.g.cs", TestReferences.WebGlobalUsings));
            state.AdditionalFiles.Add(("/0/appsettings.json", fixedSettings));
            state.AdditionalFiles.Add(("/0/appsettings.Development.json", WebAppIdentityTemplate.AppSettingsDevelopment));
            state.AdditionalFiles.Add(("/0/Dockerfile", fixedDockerfile));
        }

        // One fix at a time: the database first (its class gets the key folder on the second fix, by that class's key).
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck;
        test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
        string keyRingStillReported = WebAppIdentityTemplate.Program.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("connectionString|}", "connectionString", StringComparison.Ordinal);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.FixedState.Sources.Add(keyRingStillReported + NewClass.Replace("[VolumeGen.PersistentVolume(\"/home/app/.aspnet/DataProtection-Keys\")]\n", string.Empty, StringComparison.Ordinal));
        test.FixedState.Sources.Add(WebAppIdentityTemplate.ApplicationDbContext);
        test.FixedState.Sources.Add(("GlobalUsings.g.cs", TestReferences.WebGlobalUsings));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", fixedSettings));
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.Development.json", WebAppIdentityTemplate.AppSettingsDevelopment));
        test.FixedState.AdditionalFiles.Add(("/0/Dockerfile", fixedDockerfile));
        test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.ImplicitKeyRingNotPersisted).WithLocation(1).WithMessage(null));
        test.NumberOfIncrementalIterations = 1;
        await test.RunAsync(CancellationToken.None);
    }
}
