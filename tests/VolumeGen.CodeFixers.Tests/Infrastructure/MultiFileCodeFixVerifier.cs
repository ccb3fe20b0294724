using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.TestSupport;

namespace VolumeGen.CodeFixers.Tests.Infrastructure;

/// <summary>Code-fix verification over several files, with the references of <see cref="CodeFixVerifier{TAnalyzer, TCodeFix}"/>.</summary>
internal static class MultiFileCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static async Task VerifyAsync(string[] sources, DiagnosticResult[] expected, string[] fixedSources)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
        foreach (string source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (string source in fixedSources)
        {
            test.FixedState.Sources.Add(source);
        }

        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
