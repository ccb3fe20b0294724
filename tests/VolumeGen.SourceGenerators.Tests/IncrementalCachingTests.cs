using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VolumeGen.SourceGenerators.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.SourceGenerators.Tests;

/// <summary>
/// The generator's pipeline caches: edits that do not change a declaration leave every tracked step
/// Cached or Unchanged and re-run no source output; a real change reaches the output. The models hold no
/// symbol, syntax, location, semantic model or compilation.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string Storage = """
        using VolumeGen;
        namespace Shop;
        [PersistentVolume("/app/data", Name = "profiles")]
        [AnonymousVolume("/app/cache")]
        [BindMount("./config", "/app/config", ReadOnly = true)]
        [TmpfsMount("/app/scratch", SizeBytes = 1024)]
        [EphemeralPath("/app/tmp")]
        public static partial class AppStorage
        {
            // a comment
        }
        """;

    private const string Second = """
        using VolumeGen;
        namespace Shop;
        [PersistentVolume("/srv/other")]
        internal static partial class OtherStorage { }
        """;

    private const string Unrelated = """
        [assembly: VolumeGen.EphemeralPath("/var/tmp")]
        namespace Shop;
        public static class Program { public static int Main() => 0; }
        """;

    [Fact]
    public void Edit_in_an_unrelated_file_reuses_every_step_and_output()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();

        CSharpCompilation edited = Replace(compilation, 2, Unrelated.Replace("=> 0;", "=> 42; // changed", StringComparison.Ordinal));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEverythingCached(second);
    }

    [Fact]
    public void Adding_an_unrelated_file_reuses_every_step_and_output()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop; public sealed class Extra { }", TestCompiler.ParseOptions(), path: "Extra.cs"));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEverythingCached(second);
    }

    [Fact]
    public void Comment_edit_inside_the_storage_class_reuses_every_step_and_output()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();

        CSharpCompilation edited = Replace(compilation, 0, Storage.Replace("// a comment", "// a different, longer comment\n    /* and another */", StringComparison.Ordinal));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The storage class's transform ran again (its file changed) and produced an equal model, so the
        // attribute step reports Unchanged rather than Cached.
        IncrementalStepRunReason[] reasons = second.TrackedSteps.Values.SelectMany(static steps => steps).SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToArray();
        Assert.Contains(IncrementalStepRunReason.Unchanged, reasons);
        AssertEverythingCached(second);
    }

    [Fact]
    public void Attribute_change_changes_the_output()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        string before = GeneratedText(driver.GetRunResult().Results.Single(), "Shop.AppStorage.g.cs");

        CSharpCompilation edited = Replace(compilation, 0, Storage.Replace("\"/app/cache\"", "\"/app/cache2\"", StringComparison.Ordinal));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        string after = GeneratedText(second, "Shop.AppStorage.g.cs");
        Assert.NotEqual(before, after);
        Assert.Contains("public const string Cache2 = \"/app/cache2\";", after, StringComparison.Ordinal);
        Assert.Contains(second.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs), static o => o.Reason == IncrementalStepRunReason.Modified);

        // The other class's output is reused.
        Assert.Equal(GeneratedText(driver.GetRunResult().Results.Single(), "Shop.OtherStorage.g.cs"), GeneratedText(second, "Shop.OtherStorage.g.cs"));
        Assert.Contains("/app/cache2", GeneratedText(second, "VolumeGen.Manifest.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_of_a_base_storage_class_in_another_file_updates_the_derived_class()
    {
        const string baseValid = """
            using VolumeGen;
            [PersistentVolume("/app/data")]
            public partial class BaseStorage { }
            """;
        const string derived = """
            using VolumeGen;
            [PersistentVolume("/srv/data")]
            public sealed partial class DerivedStorage : BaseStorage { }
            """;
        CSharpCompilation compilation = TestCompiler.Compile(new[] { baseValid, derived });
        GeneratorDriver driver = TestCompiler.CreateDriver().RunGenerators(compilation);
        string before = GeneratedText(driver.GetRunResult().Results.Single(), "DerivedStorage.g.cs");
        Assert.Contains("public const string Data2 = \"/srv/data\";", before, StringComparison.Ordinal);
        Assert.Contains("public static new global::VolumeGen.MountSet Mounts", before, StringComparison.Ordinal);

        // The base becomes invalid (no generated members): the derived class must neither hide nor dodge them.
        CSharpCompilation edited = Replace(compilation, 0, baseValid.Replace("\"/app/data\"", "\"app/data\"", StringComparison.Ordinal));
        driver = driver.RunGeneratorsAndUpdateCompilation(edited, out Compilation output, out _);
        string after = GeneratedText(driver.GetRunResult().Results.Single(), "DerivedStorage.g.cs");

        Assert.Contains("public const string Data = \"/srv/data\";", after, StringComparison.Ordinal);
        Assert.Contains("public static global::VolumeGen.MountSet Mounts", after, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void Models_hold_no_symbols_syntax_locations_or_compilations()
    {
        (GeneratorDriver driver, _) = FirstRun();
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Equal(TrackingNames.All.OrderBy(static n => n, StringComparer.Ordinal), result.TrackedSteps.Keys.Where(static k => k.StartsWith("VolumeGen.", StringComparison.Ordinal)).OrderBy(static n => n, StringComparer.Ordinal));
        int visited = 0;
        foreach (string name in TrackingNames.All)
        {
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
            {
                foreach ((object value, _) in step.Outputs)
                {
                    visited += AssertNoForbiddenObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }

        Assert.True(visited > 20, "the walk reached the models");
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        CSharpCompilation compilation = TestCompiler.Compile(new[] { Storage, Second, Unrelated });
        GeneratorDriver driver = TestCompiler.CreateDriver().RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.Null(first.Exception);
        Assert.Equal(3, first.GeneratedSources.Length);
        return (driver, compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text)
    {
        SyntaxTree old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, TestCompiler.ParseOptions(), path: old.FilePath));
    }

    private static string GeneratedText(GeneratorRunResult result, string hintName)
        => result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>
    /// Every step VolumeGen names (<see cref="TrackingNames.All"/>) reports only Cached or Unchanged outputs, and every
    /// source output is Cached. Roslyn's own ForAttributeWithMetadataName steps are left out on purpose: the ones keyed
    /// by syntax tree necessarily report the edited tree as Modified (its text changed), whatever the generator does;
    /// what they feed VolumeGen is covered by VolumeGen's first named step being Cached/Unchanged.
    /// </summary>
    private static void AssertEverythingCached(GeneratorRunResult result)
    {
        Assert.Null(result.Exception);
        foreach (string name in TrackingNames.All)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), name + " was not tracked");
            foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[name])
            {
                foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} output was {reason}");
                }
            }
        }

        IncrementalStepRunReason[] outputs = result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, static reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    // Walks the object graph of a pipeline value; returns the number of objects visited.
    private static int AssertNoForbiddenObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return 0;
        }

        Assert.False(value is ISymbol, $"{step} holds a symbol: {value}");
        Assert.False(value is SyntaxNode, $"{step} holds a syntax node");
        Assert.False(value is Location, $"{step} holds a location");
        Assert.False(value is SemanticModel, $"{step} holds a semantic model");
        Assert.False(value is Compilation, $"{step} holds a compilation");
        Assert.False(value is AttributeData, $"{step} holds attribute data");
        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return 0;
        }

        int count = 1;
        if (value is IEnumerable sequence)
        {
            foreach (object? item in sequence)
            {
                count += AssertNoForbiddenObjects(item, step, seen);
            }
        }

        for (Type? type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                count += AssertNoForbiddenObjects(field.GetValue(value), step, seen);
            }
        }

        return count;
    }
}
