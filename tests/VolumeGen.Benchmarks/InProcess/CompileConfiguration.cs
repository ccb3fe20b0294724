extern alias VolumeGenAnalyzers;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using VolumeGen.Benchmarks.Floor;

namespace VolumeGen.Benchmarks.InProcess;

/// <summary>
/// One way to compile the synthetic project: without VolumeGen, with the no-op floor, or with VolumeGen's real
/// generator(s) and analyzers. Each run gets new generator and analyzer instances, as a new csc process would.
/// </summary>
public sealed class CompileConfiguration
{
    private readonly Func<ImmutableArray<ISourceGenerator>> _generators;
    private readonly Func<ImmutableArray<DiagnosticAnalyzer>> _analyzers;

    private CompileConfiguration(string name, string description, Func<ImmutableArray<ISourceGenerator>> generators, Func<ImmutableArray<DiagnosticAnalyzer>> analyzers)
    {
        Name = name;
        Description = description;
        _generators = generators;
        _analyzers = analyzers;
    }

    /// <summary>Short name used in tables: without, floor, volumegen.</summary>
    public string Name { get; }

    /// <summary>What the configuration loads.</summary>
    public string Description { get; }

    /// <summary>The baseline: the compiler alone.</summary>
    public static CompileConfiguration Without { get; } = new(
        "without", "compiler only", static () => ImmutableArray<ISourceGenerator>.Empty, static () => ImmutableArray<DiagnosticAnalyzer>.Empty);

    /// <summary>The floor: a generator and analyzers of VolumeGen's shape that do nothing.</summary>
    public static CompileConfiguration Floor { get; } = new(
        "floor",
        "no-op generator (ForAttributeWithMetadataName x6) + no-op declaration and usage analyzers",
        static () => ImmutableArray.Create(new NoOpGenerator().AsSourceGenerator()),
        static () => ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpDeclarationAnalyzer(), new NoOpUsageAnalyzer()));

    /// <summary>VolumeGen: every generator and analyzer the analyzer assembly declares (found by reflection, so new ones count).</summary>
    public static CompileConfiguration VolumeGen { get; } = new(
        "volumegen",
        "VolumeGen.SourceGenerators: every [Generator] and [DiagnosticAnalyzer] in the assembly",
        static () => Instantiate<IIncrementalGenerator, GeneratorAttribute>().Select(static g => g.AsSourceGenerator()).ToImmutableArray(),
        static () => Instantiate<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>().ToImmutableArray());

    /// <summary>The realistic baseline: the compiler plus the analyzers every SDK project runs by default.</summary>
    public static CompileConfiguration Sdk { get; } = new(
        "sdk",
        "compiler + the .NET SDK's default analyzers (NetAnalyzers)",
        static () => ImmutableArray<ISourceGenerator>.Empty,
        static () => SdkAnalyzers.Analyzers);

    /// <summary>VolumeGen on top of the realistic baseline.</summary>
    public static CompileConfiguration SdkAndVolumeGen { get; } = new(
        "sdk+volumegen",
        "the SDK's default analyzers + VolumeGen",
        static () => VolumeGen.CreateGenerators(),
        static () => SdkAnalyzers.Analyzers.AddRange(VolumeGen.CreateAnalyzers()));

    /// <summary>The configurations, in the order the first run uses.</summary>
    public static IReadOnlyList<CompileConfiguration> All { get; } = new[] { Without, Floor, VolumeGen, Sdk, SdkAndVolumeGen };

    /// <summary>The analyzer assembly under test.</summary>
    public static Assembly VolumeGenAssembly => typeof(VolumeGenAnalyzers::VolumeGen.SourceGenerators.VolumeGenGenerator).Assembly;

    /// <summary>New generator instances.</summary>
    public ImmutableArray<ISourceGenerator> CreateGenerators() => _generators();

    /// <summary>New analyzer instances.</summary>
    public ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() => _analyzers();

    private static IEnumerable<T> Instantiate<T, TAttribute>()
        where TAttribute : Attribute
        => VolumeGenAssembly.GetTypes()
            .Where(static t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetCustomAttribute<TAttribute>() is not null)
            .OrderBy(static t => t.FullName, StringComparer.Ordinal)
            .Select(static t => (T)Activator.CreateInstance(t, nonPublic: true)!);
}
