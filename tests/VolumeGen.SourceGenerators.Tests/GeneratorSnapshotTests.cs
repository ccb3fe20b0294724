using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VolumeGen.SourceGenerators.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.SourceGenerators.Tests;

/// <summary>
/// Golden-file snapshots of the generated sources for the declaration shapes VolumeGen supports. Every case
/// also compiles the output and requires zero warnings and errors (the consumer builds with warnings as errors).
/// </summary>
public sealed class GeneratorSnapshotTests
{
    public static IEnumerable<object[]> Cases() => SnapshotCases.All.Keys.OrderBy(static k => k, System.StringComparer.Ordinal).Select(static k => new object[] { k });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_sources_match_the_snapshot_and_compile_cleanly(string name)
    {
        GeneratorOutcome outcome = TestCompiler.Run(SnapshotCases.All[name], LanguageVersion.Latest);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.OutputProblems);
        Assert.NotEmpty(outcome.Sources);
        Snapshot.Verify(name, Snapshot.Render(outcome.Sources));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    [InlineData(LanguageVersion.CSharp11)]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    public void Generated_code_compiles_without_warnings_from_CSharp_8(LanguageVersion version)
    {
        // C# 8 inputs: block namespaces, no records, no raw strings, no file-local types.
        GeneratorOutcome outcome = TestCompiler.Run(new[] { SnapshotCases.BlockNamespace, SnapshotCases.HostileStrings, SnapshotCases.NestedInClassAndStruct, SnapshotCases.NullableDisabled }, version);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.OutputProblems);
        Assert.Equal(5, outcome.Sources.Count);
    }
}
