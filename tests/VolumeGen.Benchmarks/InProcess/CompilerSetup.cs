using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.Benchmarks.Synthetic;

namespace VolumeGen.Benchmarks.InProcess;

/// <summary>
/// What every in-process compilation shares: parse options, compilation options and the metadata references
/// (the .NET reference pack the SDK builds against, plus VolumeGen.dll for the attributes). References are created
/// once and reused, as the compiler server does; syntax trees and compilations are new for every run.
/// </summary>
public sealed class CompilerSetup
{
    private CompilerSetup(ImmutableArray<MetadataReference> references, string referenceSource, bool concurrent)
    {
        References = references;
        ReferenceSource = referenceSource;
        Concurrent = concurrent;
        CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            concurrentBuild: concurrent,
            deterministic: true,
            nullableContextOptions: NullableContextOptions.Disable);
    }

    /// <summary>C# 12, the newest language version the pinned Roslyn 4.8 knows.</summary>
    public CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12, DocumentationMode.None);

    /// <summary>Release, deterministic; concurrent build only when asked.</summary>
    public CSharpCompilationOptions CompilationOptions { get; }

    /// <summary>The metadata references.</summary>
    public ImmutableArray<MetadataReference> References { get; }

    /// <summary>Where the framework references came from, for the report.</summary>
    public string ReferenceSource { get; }

    /// <summary>True when the compiler and the analyzer driver may use several threads.</summary>
    public bool Concurrent { get; }

    /// <summary>Builds the shared setup.</summary>
    public static CompilerSetup Create(bool concurrent)
    {
        var paths = new List<string>();
        string source;
        string? referencePack = FindReferencePack();
        if (referencePack is not null)
        {
            paths.AddRange(Directory.GetFiles(referencePack, "*.dll"));
            source = referencePack;
        }
        else
        {
            // No targeting pack beside the runtime: fall back to the runtime's own (implementation) assemblies.
            string tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            paths.AddRange(tpa.Split(Path.PathSeparator).Where(static p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll" || Path.GetFileName(p) == "mscorlib.dll"));
            source = "runtime assemblies (TRUSTED_PLATFORM_ASSEMBLIES)";
        }

        paths.Add(typeof(global::VolumeGen.PersistentVolumeAttribute).Assembly.Location);
        ImmutableArray<MetadataReference> references = paths
            .Distinct(StringComparer.Ordinal)
            .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        return new CompilerSetup(references, source, concurrent);
    }

    /// <summary>Parses the project's files (new trees every call).</summary>
    public SyntaxTree[] Parse(SyntheticProject project)
        => project.Files.Select(f => ParseFile(f.Path, f.Text)).ToArray();

    /// <summary>Parses one file.</summary>
    public SyntaxTree ParseFile(string path, string text)
        => CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), ParseOptions, path);

    /// <summary>A new compilation of <paramref name="trees"/>.</summary>
    public CSharpCompilation Compile(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create("Synthetic", trees, References, CompilationOptions);

    // dotnet/shared/Microsoft.NETCore.App/<version> -> dotnet/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.0
    private static string? FindReferencePack()
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        DirectoryInfo? dotnetRoot = Directory.GetParent(runtimeDirectory)?.Parent?.Parent;
        if (dotnetRoot is null)
        {
            return null;
        }

        string packs = Path.Combine(dotnetRoot.FullName, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        string tfm = $"net{Environment.Version.Major}.0";
        return Directory.GetDirectories(packs)
            .OrderByDescending(static d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version? v) ? v : new Version(0, 0))
            .Select(d => Path.Combine(d, "ref", tfm))
            .FirstOrDefault(Directory.Exists);
    }
}
