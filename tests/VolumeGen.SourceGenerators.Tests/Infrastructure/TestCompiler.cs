extern alias VolumeGenRuntime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VolumeGen.SourceGenerators;

namespace VolumeGen.SourceGenerators.Tests.Infrastructure;

/// <summary>Compiles test sources against the runtime library and runs the VolumeGen generator over them.</summary>
internal static class TestCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>The .NET runtime's assemblies plus the VolumeGen runtime library (the attributes, MountSet).</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>Path of the VolumeGen runtime library the test inputs reference.</summary>
    public static string RuntimeLibraryPath => typeof(VolumeGenRuntime::VolumeGen.PersistentVolumeAttribute).Assembly.Location;

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest)
        => new(version);

    public static CSharpCompilation Compile(IEnumerable<string> sources, LanguageVersion version = LanguageVersion.Latest, string assemblyName = "TestAssembly")
        => CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions(version), path: "Source" + i + ".cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    public static GeneratorDriver CreateDriver(LanguageVersion version = LanguageVersion.Latest, bool trackSteps = true)
        => CSharpGeneratorDriver.Create(
            new[] { new VolumeGenGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions(version),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once over <paramref name="sources"/>.</summary>
    public static GeneratorOutcome Run(params string[] sources) => Run(sources, LanguageVersion.Latest);

    public static GeneratorOutcome Run(IEnumerable<string> sources, LanguageVersion version)
    {
        CSharpCompilation input = Compile(sources, version);
        GeneratorDriver driver = CreateDriver(version).RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorOutcome(input, output, generatorDiagnostics, driver.GetRunResult());
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        var references = new List<MetadataReference>();
        foreach (string path in trusted.Split(Path.PathSeparator))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard")
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        references.Add(MetadataReference.CreateFromFile(RuntimeLibraryPath));
        return references.ToImmutableArray();
    }
}

/// <summary>One generator run: the input and output compilations, the generator's diagnostics and its run result.</summary>
internal sealed record GeneratorOutcome(Compilation Input, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult RunResult)
{
    /// <summary>Generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources => RunResult.Results.SelectMany(static r => r.GeneratedSources)
        .ToDictionary(static s => s.HintName, static s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Errors and warnings of the output compilation (after generation).</summary>
    public IReadOnlyList<Diagnostic> OutputProblems => Output.GetDiagnostics()
        .Where(static d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Errors and warnings located in generated sources.</summary>
    public IReadOnlyList<Diagnostic> GeneratedCodeProblems => OutputProblems
        .Where(d => d.Location.SourceTree is { } tree && !Input.SyntaxTrees.Contains(tree)).ToList();
}
