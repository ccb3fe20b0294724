using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VolumeGen.SourceGenerators.Usage.Sinks;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>The sink table matches types by metadata name (no lookups in the compilation): exact names only.</summary>
public sealed class MetadataNamesTests
{
    private static readonly Compilation Compilation = CSharpCompilation.Create(
        "Names",
        new[] { CSharpSyntaxTree.ParseText("namespace A.B { public class C { public class D { } } public class G<T> { } } public class E { }") });

    private static INamedTypeSymbol Type(string metadataName) => Compilation.GetTypeByMetadataName(metadataName)!;

    [Theory]
    [InlineData("A.B.C", "A.B.C", true)]
    [InlineData("A.B.C+D", "A.B.C+D", true)]
    [InlineData("E", "E", true)]
    [InlineData("A.B.G`1", "A.B.G`1", true)]
    [InlineData("A.B.C", "B.C", false)]
    [InlineData("A.B.C", "XA.B.C", false)]
    [InlineData("A.B.C", "A.B.CC", false)]
    [InlineData("A.B.C", "C", false)]
    [InlineData("A.B.C+D", "A.B.D", false)]
    [InlineData("A.B.C+D", "A.B.C.D", false)]
    [InlineData("E", "A.E", false)]
    [InlineData("A.B.G`1", "A.B.G", false)]
    public void Is_compares_the_whole_metadata_name(string type, string name, bool expected)
        => Assert.Equal(expected, MetadataNames.Is(Type(type), name));

    [Fact]
    public void No_type_is_no_match()
        => Assert.False(MetadataNames.Is(null, "A.B.C"));
}
