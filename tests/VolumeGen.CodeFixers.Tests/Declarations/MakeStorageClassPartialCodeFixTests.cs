using System.Threading.Tasks;
using VolumeGen.CodeFixers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;
using Verify = VolumeGen.CodeFixers.Tests.Infrastructure.CodeFixVerifier<
    VolumeGen.SourceGenerators.Analyzers.DeclarationAnalyzer,
    VolumeGen.CodeFixers.Declarations.MakeStorageClassPartialCodeFix>;

namespace VolumeGen.CodeFixers.Tests.Declarations;

/// <summary>VG1020's fix adds 'partial' where it is missing; Fix All fixes every storage class at once.</summary>
public sealed class MakeStorageClassPartialCodeFixTests
{
    [Fact]
    public Task Adds_partial_after_the_other_modifiers()
        => Verify.VerifyAsync(
            """
            using VolumeGen;
            [PersistentVolume("/app/data")]
            public static class {|#0:AppStorage|} { }
            """,
            new[] { Verify.Diagnostic(DiagnosticDescriptors.StorageClassNotPartial).WithLocation(0) },
            """
            using VolumeGen;
            [PersistentVolume("/app/data")]
            public static partial class AppStorage { }
            """);

    [Fact]
    public Task Adds_partial_without_modifiers_keeping_indentation_and_comments()
        => Verify.VerifyAsync(
            """
            using VolumeGen;
            namespace Shop
            {
                /// <summary>Storage.</summary>
                [PersistentVolume("/app/data")]
                class {|#0:AppStorage|} { }
            }
            """,
            new[] { Verify.Diagnostic(DiagnosticDescriptors.StorageClassNotPartial).WithLocation(0) },
            """
            using VolumeGen;
            namespace Shop
            {
                /// <summary>Storage.</summary>
                [PersistentVolume("/app/data")]
                partial class AppStorage { }
            }
            """);

    [Fact]
    public Task Adds_partial_to_the_containing_types_too()
        => Verify.VerifyAsync(
            """
            using VolumeGen;
            public class Outer
            {
                internal class Middle
                {
                    [TmpfsMount("/app/tmp")]
                    public class {|#0:Inner|} { }
                }
            }
            """,
            new[] { Verify.Diagnostic(DiagnosticDescriptors.StorageClassNotPartial).WithLocation(0) },
            """
            using VolumeGen;
            public partial class Outer
            {
                internal partial class Middle
                {
                    [TmpfsMount("/app/tmp")]
                    public partial class Inner { }
                }
            }
            """);

    [Fact]
    public Task Fix_all_makes_every_storage_class_partial()
        => Verify.VerifyAsync(
            """
            using VolumeGen;
            [PersistentVolume("/app/data")]
            public static class {|#0:First|} { }

            [AnonymousVolume("/app/cache")]
            internal sealed class {|#1:Second|} { }

            [BindMount("./config", "/app/config")]
            class {|#2:Third|} { }
            """,
            new[]
            {
                Verify.Diagnostic(DiagnosticDescriptors.StorageClassNotPartial).WithLocation(0),
                Verify.Diagnostic(DiagnosticDescriptors.StorageClassNotPartial).WithLocation(1),
                Verify.Diagnostic(DiagnosticDescriptors.StorageClassNotPartial).WithLocation(2),
            },
            """
            using VolumeGen;
            [PersistentVolume("/app/data")]
            public static partial class First { }

            [AnonymousVolume("/app/cache")]
            internal sealed partial class Second { }

            [BindMount("./config", "/app/config")]
            partial class Third { }
            """);

    [Fact]
    public Task Adds_partial_in_every_file_that_declares_the_class()
        => MultiFileCodeFixVerifier<
            VolumeGen.SourceGenerators.Analyzers.DeclarationAnalyzer,
            VolumeGen.CodeFixers.Declarations.MakeStorageClassPartialCodeFix>.VerifyAsync(
            new[]
            {
                """
                using VolumeGen;
                [PersistentVolume("/app/data")]
                public partial class {|#0:Split|} { }
                """,
                """
                public class {|CS0260:Split|} { public int X; }
                """,
            },
            new[] { Verify.Diagnostic(DiagnosticDescriptors.StorageClassNotPartial).WithLocation(0) },
            new[]
            {
                """
                using VolumeGen;
                [PersistentVolume("/app/data")]
                public partial class Split { }
                """,
                """
                public partial class Split { public int X; }
                """,
            });

    [Fact]
    public Task Fix_all_with_two_storage_classes_in_one_non_partial_type()
        => Verify.VerifyAsync(
            """
            using VolumeGen;
            public class Outer
            {
                [PersistentVolume("/app/a")]
                public partial class {|#0:A|} { }

                [PersistentVolume("/app/b")]
                public class {|#1:B|} { }
            }
            """,
            new[]
            {
                Verify.Diagnostic(DiagnosticDescriptors.StorageClassNotPartial).WithLocation(0),
                Verify.Diagnostic(DiagnosticDescriptors.StorageClassNotPartial).WithLocation(1),
            },
            """
            using VolumeGen;
            public partial class Outer
            {
                [PersistentVolume("/app/a")]
                public partial class A { }

                [PersistentVolume("/app/b")]
                public partial class B { }
            }
            """);
}
