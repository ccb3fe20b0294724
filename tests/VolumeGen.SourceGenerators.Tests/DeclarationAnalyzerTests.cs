using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Tests.Infrastructure;
using Xunit;
using Verify = VolumeGen.SourceGenerators.Tests.Infrastructure.AnalyzerVerifier<VolumeGen.SourceGenerators.Analyzers.DeclarationAnalyzer>;

namespace VolumeGen.SourceGenerators.Tests;

/// <summary>One test per declaration rule, each with the exact span (markup <c>{|#0:…|}</c>).</summary>
public sealed class DeclarationAnalyzerTests
{
    private static Task Single(string classBody, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor)
        => Verify.VerifyAsync("using VolumeGen;\n" + classBody, Verify.Diagnostic(descriptor).WithLocation(0));

    [Fact]
    public Task VG1001_relative_target()
        => Single("""[PersistentVolume({|#0:"app/data"|})] partial class S { }""", DiagnosticDescriptors.TargetNotAbsolute);

    [Fact]
    public Task VG1002_dot_dot_segment()
        => Single("""[AnonymousVolume({|#0:"/app/../srv"|})] partial class S { }""", DiagnosticDescriptors.DotDotSegment);

    [Fact]
    public Task VG1003_control_character_in_target()
        => Single("""[TmpfsMount({|#0:"/app/da\nta"|})] partial class S { }""", DiagnosticDescriptors.ControlCharacter);

    [Fact]
    public Task VG1003_control_character_in_bind_source()
        => Single("""[BindMount({|#0:"./con\tfig"|}, "/app/config")] partial class S { }""", DiagnosticDescriptors.ControlCharacter);

    [Fact]
    public Task VG1004_colon_in_target()
        => Single("""[PersistentVolume({|#0:"/app/a:b"|})] partial class S { }""", DiagnosticDescriptors.ColonInPath);

    [Fact]
    public Task VG1005_invalid_volume_name_on_the_Name_argument()
        => Single("""[PersistentVolume("/app/data", ReadOnly = true, Name = {|#0:"-bad name"|})] partial class S { }""", DiagnosticDescriptors.InvalidVolumeName);

    [Fact]
    public Task VG1006_duplicate_target_on_the_second_declaration()
        => Single("""
            [PersistentVolume("/app/data")]
            [AnonymousVolume({|#0:"/app/data/"|})]
            partial class S { }
            """, DiagnosticDescriptors.DuplicateTarget);

    [Fact]
    public Task VG1007_nested_target()
        => Single("""
            [PersistentVolume("/srv")]
            [TmpfsMount({|#0:"/srv/tmp"|})]
            partial class S { }
            """, DiagnosticDescriptors.NestedTarget);

    [Fact]
    public Task A_class_is_read_when_only_another_partial_declaration_has_the_attributes()
        => Single("""
            partial class S { }
            [PersistentVolume("/srv")]
            [TmpfsMount({|#0:"/srv/tmp"|})]
            partial class S { }
            partial class S { void M() { } }
            """, DiagnosticDescriptors.NestedTarget);

    [Fact]
    public Task VG1013_volume_over_the_default_working_directory()
        => Single("""[PersistentVolume({|#0:"/app"|})] partial class S { }""", DiagnosticDescriptors.VolumeOverAppFolder);

    [Fact]
    public Task VG1008_system_directory()
        => Single("""[PersistentVolume({|#0:"/etc"|})] partial class S { }""", DiagnosticDescriptors.SystemDirectoryTarget);

    [Fact]
    public async Task VG1009_relative_source_resolved_against_the_project_folder()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<DeclarationAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = "using VolumeGen;\n" + """[BindMount({|#0:"../../../../var/run/docker.sock"|}, "/var/run/docker.sock")] partial class S { }""",
        };
        test.TestState.AdditionalReferences.AddRange(TestCompiler.References);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.MSBuildProjectDirectory = /home/me/src/App\n"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.SensitiveBindSource).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public Task VG1009_sensitive_bind_source()
        => Single("""[BindMount({|#0:"/var/run/docker.sock"|}, "/var/run/docker.sock")] partial class S { }""", DiagnosticDescriptors.SensitiveBindSource);

    [Fact]
    public Task VG1010_tmpfs_size_zero_when_written()
        => Single("""[TmpfsMount("/app/tmp", SizeBytes = {|#0:0|})] partial class S { }""", DiagnosticDescriptors.InvalidTmpfsSize);

    [Fact]
    public Task VG1011_tmpfs_mode_too_large()
        => Single("""[TmpfsMount("/app/tmp", Mode = {|#0:0b1_000_000_000|})] partial class S { }""", DiagnosticDescriptors.InvalidTmpfsMode);

    [Fact]
    public Task VG1012_empty_bind_source_with_named_parameters_in_any_order()
        => Single("""[BindMount(target: "/app/config", source: {|#0:""|})] partial class S { }""", DiagnosticDescriptors.EmptyBindSource);

    [Fact]
    public Task VG1020_class_not_partial()
        => Single("""[PersistentVolume("/app/data")] public static class {|#0:S|} { }""", DiagnosticDescriptors.StorageClassNotPartial);

    [Fact]
    public Task VG1020_containing_type_not_partial()
        => Verify.VerifyAsync("""
            using VolumeGen;
            public class Outer
            {
                [PersistentVolume("/app/data")] public partial class {|#0:Inner|} { }
            }
            """, Verify.DiagnosticWithMessage(DiagnosticDescriptors.StorageClassNotPartial).WithLocation(0).WithArguments("Outer.Inner", "its containing type 'Outer'"));

    [Fact]
    public Task VG1021_null_target()
        => Single("""[PersistentVolume({|#0:null|})] partial class S { }""", DiagnosticDescriptors.ArgumentHasNoValue);

    [Fact]
    public Task VG1021_null_bind_source_from_a_constant()
        => Single("""
            static class C { public const string Nothing = null; }
            [BindMount({|#0:C.Nothing|}, "/app/x")] partial class S { }
            """, DiagnosticDescriptors.ArgumentHasNoValue);

    [Fact]
    public Task VG1022_generic_class()
        => Single("""[PersistentVolume("/app/data")] partial class {|#0:S|}<T> { }""", DiagnosticDescriptors.StorageClassShapeNotSupported);

    [Fact]
    public Task VG1022_nested_in_generic_class()
        => Single("""partial class Outer<T> { [PersistentVolume("/app/data")] partial class {|#0:S|} { } }""", DiagnosticDescriptors.StorageClassShapeNotSupported);

    [Fact]
    public Task VG1022_file_local_class()
        => Single("""[PersistentVolume("/app/data")] file partial class {|#0:S|} { }""", DiagnosticDescriptors.StorageClassShapeNotSupported);

    [Fact]
    public Task VG1023_member_named_like_a_generated_member()
        => Single("""[PersistentVolume("/app/data")] partial class S { public static string {|#0:DockerfileVolume|} => ""; }""", DiagnosticDescriptors.GeneratedMemberNameTaken);

    [Fact]
    public Task VG1023_a_user_Resolve_method_takes_the_generated_run_time_resolution_name()
        => Single("""[PersistentVolume("/app/data")] partial class S { public static string {|#0:Resolve|}(string path) => path; }""", DiagnosticDescriptors.GeneratedMemberNameTaken);

    [Fact]
    public Task Validator_message_is_the_diagnostic_message()
    {
        var problem = MountValidator.Validate(new[] { Mount.NamedVolume("app/data") })[0];
        return Verify.VerifyAsync(
            """using VolumeGen; [PersistentVolume({|#0:"app/data"|})] partial class S { }""",
            Verify.DiagnosticWithMessage(DiagnosticDescriptors.TargetNotAbsolute).WithLocation(0).WithArguments(problem.Message));
    }

    [Fact]
    public Task Duplicate_across_partial_parts_is_reported_in_the_second_file()
        => Verify.VerifyAsync(
            new[]
            {
                """using VolumeGen; [PersistentVolume("/app/data")] partial class S { }""",
                """using VolumeGen; [TmpfsMount({|#0:"/app/data"|})] partial class S { }""",
            },
            Verify.Diagnostic(DiagnosticDescriptors.DuplicateTarget).WithLocation(0));

    [Fact]
    public Task Valid_declarations_have_no_diagnostics()
        => Verify.VerifyAsync("""
            using VolumeGen;
            [assembly: EphemeralPath("/tmp")]
            namespace Shop
            {
                [PersistentVolume("/app/data", Name = "profiles")]
                [AnonymousVolume("/app/cache")]
                [BindMount("./config", "/app/config", ReadOnly = true, SelinuxLabel = SelinuxLabel.Private)]
                [TmpfsMount("/app/scratch", SizeBytes = 64 * 1024 * 1024, Mode = 0b111_101_101)]
                public static partial class AppStorage { }

                public partial class Outer { [PersistentVolume("/srv/x")] internal partial record Inner; }

                [EphemeralPath("/app/tmp")] public class OnlyEphemeral { }

                public class NoVolumeGen<T> { public static int Mounts => 1; }
            }
            """);

    [Fact]
    public Task Pragma_suppresses_a_declaration_warning()
        => Verify.VerifyAsync("""
            using VolumeGen;
            #pragma warning disable VG1004
            [PersistentVolume("/app/a:b")]
            #pragma warning restore VG1004
            partial class S { }
            """);

    [Fact]
    public async Task Generated_members_in_the_compilation_are_not_reported_as_taken_names()
    {
        GeneratorOutcome outcome = TestCompiler.Run("""
            using VolumeGen;
            namespace Shop;
            [PersistentVolume("/app/data")] public static partial class AppStorage { }
            [PersistentVolume("/app/other")] public partial class Taken { public static int Mounts => 1; }
            """);
        Assert.Contains("Shop.AppStorage.g.cs", outcome.Sources.Keys);

        System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> diagnostics = await outcome.Output
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new DeclarationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        // Only the user's own 'Mounts' in Taken is reported; AppStorage's generated Mounts is not.
        Microsoft.CodeAnalysis.Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticDescriptors.GeneratedMemberNameTakenId, diagnostic.Id);
        Assert.Contains("'Shop.Taken'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
