using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace VolumeGen.SourceGenerators.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing with this machine's runtime assemblies and the VolumeGen runtime library as
/// references (no reference-assembly package download).
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Expects the rule's ID and severity; the message is not compared.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor.Id, descriptor.DefaultSeverity);

    /// <summary>Expects the rule with its formatted message (add <c>WithArguments</c>).</summary>
    public static DiagnosticResult DiagnosticWithMessage(DiagnosticDescriptor descriptor) => new(descriptor);

    public static async Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => await VerifyAsync(new[] { source }, expected);

    public static async Task VerifyAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
        foreach (string source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.AdditionalReferences.AddRange(TestCompiler.References);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}

internal static class TestReferences
{
    /// <summary>No reference-assembly package: the references come from <see cref="TestCompiler.References"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");
}
