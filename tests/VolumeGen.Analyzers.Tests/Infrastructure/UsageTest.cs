using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.TestSupport;

namespace VolumeGen.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test for <see cref="ContainerWriteAnalyzer"/> with the container files and options it reads.</summary>
internal sealed class UsageTest : CSharpAnalyzerTest<ContainerWriteAnalyzer, DefaultVerifier>
{
    public UsageTest(string source, params DiagnosticResult[] expected)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        TestState.Sources.Add(source);
        TestState.ExpectedDiagnostics.AddRange(expected);
    }

    /// <summary>Adds an AdditionalFile (a Dockerfile or compose file) at <c>/0/name</c>.</summary>
    public UsageTest WithFile(string name, string text)
    {
        TestState.AdditionalFiles.Add(("/0/" + name, text));
        return this;
    }

    /// <summary>Adds an AdditionalFile at an absolute <paramref name="path"/> (a repository layout).</summary>
    public UsageTest WithFileAt(string path, string text)
    {
        TestState.AdditionalFiles.Add((path, text));
        return this;
    }

    /// <summary>Adds .editorconfig lines under <c>[*.cs]</c>.</summary>
    public UsageTest WithEditorConfig(string lines)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + lines + "\n"));
        return this;
    }

    /// <summary>Adds a global config (compiler-visible MSBuild properties, e.g. <c>build_property.ContainerWorkingDirectory = /srv</c>).</summary>
    public UsageTest WithGlobalConfig(string lines)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + lines + "\n"));
        return this;
    }

    /// <summary>
    /// Compiles against the real ASP.NET Core shared framework and packages (see <see cref="TestReferences.AspNetCore"/>)
    /// with a web project's implicit global usings; <paramref name="program"/> makes it an executable (top-level statements).
    /// </summary>
    public UsageTest WithAspNetCore(bool program = false)
    {
        TestState.AdditionalReferences.AddRange(TestReferences.AspNetCore);
        TestState.Sources.Add(("GlobalUsings.g.cs", TestReferences.WebGlobalUsings));
        if (program)
        {
            TestState.OutputKind = OutputKind.ConsoleApplication;
        }

        return this;
    }

    /// <summary>Adds another source file.</summary>
    public UsageTest WithSource(string source)
    {
        TestState.Sources.Add(source);
        return this;
    }

    public Task RunAsync() => RunAsync(CancellationToken.None);
}
