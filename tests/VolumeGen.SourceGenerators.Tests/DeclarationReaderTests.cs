using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using VolumeGen.SourceGenerators.Declarations;
using VolumeGen.SourceGenerators.Model;
using VolumeGen.SourceGenerators.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.SourceGenerators.Tests;

/// <summary>The Declarations API the analyzers and the generator share, and the manifest it produces.</summary>
public sealed class DeclarationReaderTests
{
    private const string AppStorage = """
        using VolumeGen;
        namespace Shop;
        [PersistentVolume("/app/data", Name = "profiles")]
        [AnonymousVolume("/app/cache")]
        [BindMount("./config", "/app/config", ReadOnly = true)]
        [TmpfsMount("/app/scratch", SizeBytes = 64 * 1024 * 1024, Mode = 0b111_101_101)]
        [EphemeralPath("/app/tmp/")]
        public static partial class AppStorage { }
        """;

    private static readonly MountSet ExpectedAppStorage = new(
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Tmpfs("/app/scratch", 64 * 1024 * 1024, 493));

    [Fact]
    public void Reader_reads_every_attribute_kind_with_its_options()
    {
        Compilation compilation = TestCompiler.Compile(new[] { AppStorage });
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Shop.AppStorage")!;

        StorageClassDeclaration? declaration = StorageClassReader.Read(type, VolumeGenAttributes.Create(compilation), CancellationToken.None);

        Assert.NotNull(declaration);
        Assert.Equal("Shop.AppStorage", declaration!.FullName);
        Assert.Equal("Shop", declaration.Namespace);
        Assert.Equal(StorageClassShape.Supported, declaration.Shape);
        Assert.Equal(ExpectedAppStorage, declaration.ToMountSet());
        Assert.Equal(new[] { "/app/tmp" }, declaration.EphemeralPaths);
        Assert.True(declaration.CanGenerate);
    }

    [Fact]
    public void Reader_evaluates_constant_expressions_and_nameof()
    {
        const string source = """
            using VolumeGen;
            static class Paths { public const string Root = "/srv"; }
            [PersistentVolume(Paths.Root + "/" + nameof(Uploads), Name = nameof(Uploads) + "-v1")]
            [TmpfsMount(Paths.Root + "/tmp", SizeBytes = 1L << 20)]
            partial class Uploads { }
            """;
        Compilation compilation = TestCompiler.Compile(new[] { source });

        StorageClassDeclaration declaration = StorageClassReader.Read(compilation.GetTypeByMetadataName("Uploads")!, VolumeGenAttributes.Create(compilation), CancellationToken.None)!;

        Assert.Equal(new MountSet(Mount.NamedVolume("/srv/Uploads", "Uploads-v1"), Mount.Tmpfs("/srv/tmp", 1L << 20)), declaration.ToMountSet());
        Assert.Null(declaration.Namespace);
    }

    [Fact]
    public void Reader_marks_null_arguments_unusable_and_the_class_not_generatable()
    {
        const string source = """
            using VolumeGen;
            [BindMount(null!, "/app/config")]
            partial class Broken { }
            """;
        Compilation compilation = TestCompiler.Compile(new[] { source });
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Broken")!;

        StorageClassDeclaration declaration = StorageClassReader.Read(type, VolumeGenAttributes.Create(compilation), CancellationToken.None)!;
        DeclaredMount mount = Assert.Single(StorageClassReader.ReadMounts(type, VolumeGenAttributes.Create(compilation), CancellationToken.None));

        Assert.Equal(new[] { MountArgument.Source }, declaration.Mounts[0].UnusableArguments);
        Assert.Null(declaration.ToMountSet());
        Assert.False(declaration.CanGenerate);
        Assert.Equal(declaration.Mounts[0], mount.Declaration);
        Assert.Equal("BindMountAttribute", mount.Attribute.AttributeClass!.Name);
    }

    [Fact]
    public void Reader_reports_shapes_it_cannot_extend()
    {
        const string source = """
            using VolumeGen;
            [PersistentVolume("/a")] class NotPartial { }
            [PersistentVolume("/b")] partial class Generic<T> { }
            class Outer { [PersistentVolume("/c")] public partial class InNonPartial { } }
            partial class Outer2<T> { [PersistentVolume("/d")] public partial class InGeneric { } }
            [PersistentVolume("/e")] partial class Taken { public static int Mounts => 1; }
            """;
        Compilation compilation = TestCompiler.Compile(new[] { source });
        var attributes = VolumeGenAttributes.Create(compilation);
        StorageClassShape ShapeOf(string name) => StorageClassReader.Read(compilation.GetTypeByMetadataName(name)!, attributes, CancellationToken.None)!.Shape;

        Assert.Equal(StorageClassShape.NotPartial, ShapeOf("NotPartial"));
        Assert.Equal(StorageClassShape.Generic, ShapeOf("Generic`1"));
        Assert.Equal(StorageClassShape.NotPartial, ShapeOf("Outer+InNonPartial"));
        Assert.Equal(StorageClassShape.Generic, ShapeOf("Outer2`1+InGeneric"));
        Assert.Equal(StorageClassShape.MemberNameTaken, ShapeOf("Taken"));
    }

    [Fact]
    public void Generator_writes_the_manifest_the_reader_finds_in_the_compilation()
    {
        GeneratorOutcome outcome = TestCompiler.Run(AppStorage, """[assembly: VolumeGen.EphemeralPath("/var/tmp")]""");

        Assert.Empty(outcome.OutputProblems);
        string? json = ManifestAttribute.FindJson(outcome.Output.Assembly);
        Assert.NotNull(json);
        VolumeManifest manifest = VolumeManifest.Parse(json!);
        ManifestClass entry = Assert.Single(manifest.Classes);
        Assert.Equal("Shop.AppStorage", entry.Name);
        Assert.Equal(ExpectedAppStorage, entry.Mounts);
        Assert.Equal(new[] { "/app/tmp", "/var/tmp" }, manifest.EphemeralPaths);

        // Without the generator's output the reader rebuilds the same manifest from the declarations.
        Assert.Null(ManifestAttribute.FindJson(outcome.Input.Assembly));
        Assert.Equal(manifest, ManifestBuilder.ForCompilation(outcome.Input, CancellationToken.None));
        Assert.Equal(manifest, ManifestBuilder.ForCompilation(outcome.Output, CancellationToken.None));
    }

    [Fact]
    public async System.Threading.Tasks.Task Manifest_records_invalid_classes_with_the_analyzers_ids_and_messages()
    {
        const string Source = """
            using VolumeGen;
            [PersistentVolume("relative/path")] partial class Invalid { }
            [PersistentVolume("/app/ok")] partial class Valid { }
            [PersistentVolume("/app/np")] class NotPartial { }
            [PersistentVolume("/app/a")][AnonymousVolume("/app/a")][BindMount("/var/run/docker.sock", "/app/s")] partial class Duplicate { }
            """;
        GeneratorOutcome outcome = TestCompiler.Run(Source);

        VolumeManifest manifest = VolumeManifest.Parse(ManifestAttribute.FindJson(outcome.Output.Assembly)!);

        // Nothing vanishes: the invalid classes are there, with what was declared and why they are not generated.
        Assert.Equal(new[] { "Duplicate", "Invalid", "NotPartial", "Valid" }, manifest.Classes.Select(static c => c.Name));
        Assert.False(manifest.IsValid);
        Assert.Equal(new[] { "Duplicate", "Invalid", "NotPartial" }, manifest.InvalidClasses.Select(static c => c.Name));
        Assert.Equal(new[] { "/app/np" }, manifest.Classes.Single(static c => c.Name == "NotPartial").Mounts.Select(static m => m.Target));
        Assert.True(manifest.Classes.Single(static c => c.Name == "Valid").IsValid);
        Assert.Equal(new[] { "Valid.g.cs", "VolumeGen.Manifest.g.cs" }, outcome.Sources.Keys.OrderBy(static k => k, System.StringComparer.Ordinal));
        Assert.Empty(outcome.GeneratedCodeProblems);

        // The manifest's problems are exactly the analyzer's errors (IDs and words); warnings (VG1009) are not recorded.
        System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> reported = await outcome.Input
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new VolumeGen.SourceGenerators.Analyzers.DeclarationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        string[] analyzerErrors = reported.Where(static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(static d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(static m => m, System.StringComparer.Ordinal).ToArray();
        string[] recorded = manifest.Classes.SelectMany(static c => c.Problems).Select(static p => p.ToString()).OrderBy(static m => m, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(3, recorded.Length);
        Assert.Equal(analyzerErrors, recorded);
        Assert.Contains(reported, static d => d.Id == "VG1009");
        Assert.Equal(manifest, ManifestBuilder.ForCompilation(outcome.Input, CancellationToken.None));
    }

    [Fact]
    public void No_declarations_no_manifest()
    {
        GeneratorOutcome outcome = TestCompiler.Run("class Plain { }");

        Assert.Empty(outcome.Sources);
        Assert.Null(ManifestAttribute.FindJson(outcome.Output.Assembly));
    }
}
