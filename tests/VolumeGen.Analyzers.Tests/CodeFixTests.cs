using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.CodeFixers.Usage;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>The usage code fixes, applied one by one and with Fix All (document, project and solution scope).</summary>
public sealed class CodeFixTests
{
    private const string Writes = """
        class C
        {
            void M()
            {
                File.WriteAllText({|#0:"/srv/uploads/a.txt"|}, "x");
                File.WriteAllText({|#1:"/srv/exports/b.csv"|}, "x");
                File.WriteAllText({|#2:"/srv/uploads/c.txt"|}, "x");
            }
        }
        """;

    private const string FixedWrites = """
        class C
        {
            void M()
            {
                File.WriteAllText("/srv/uploads/a.txt", "x");
                File.WriteAllText("/srv/exports/b.csv", "x");
                File.WriteAllText("/srv/uploads/c.txt", "x");
            }
        }
        """;

    private static DiagnosticResult[] ThreeWrites =>
    [
        Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0),
        Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 1),
        Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 2),
    ];

    [Fact]
    public async Task Declares_the_folder_on_the_storage_class()
    {
        var test = Test<DeclarePersistentVolumeCodeFix>(
            "using System.IO;\nusing VolumeGen;\n\n[PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage { }\n\nclass C\n{\n    void M() => File.WriteAllText({|#0:\"/srv/uploads/a.txt\"|}, \"x\");\n}\n",
            "using System.IO;\nusing VolumeGen;\n\n[PersistentVolume(\"/app/data\")]\n[PersistentVolume(\"/srv/uploads\")]\npublic static partial class AppStorage { }\n\nclass C\n{\n    void M() => File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");\n}\n",
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_All_declares_every_folder_once()
    {
        var test = Test<DeclarePersistentVolumeCodeFix>(
            "using System.IO;\nusing VolumeGen;\n\n[PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage { }\n\n" + Writes,
            "using System.IO;\nusing VolumeGen;\n\n[PersistentVolume(\"/app/data\")]\n[PersistentVolume(\"/srv/uploads\")]\n[PersistentVolume(\"/srv/exports\")]\npublic static partial class AppStorage { }\n\n" + FixedWrites,
            ThreeWrites);
        test.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.EquivalenceKeyPrefix + "AppStorage";
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Offers_each_storage_class_when_there_are_several()
    {
        const string storage = "using System.IO;\nusing VolumeGen;\n\n[PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage { }\n\n[AnonymousVolume(\"/app/cache\")]\npublic static partial class CacheStorage { }\n\n";
        const string fixedStorage = "using System.IO;\nusing VolumeGen;\n\n[PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage { }\n\n[AnonymousVolume(\"/app/cache\")]\n[PersistentVolume(\"/srv/uploads\")]\n[PersistentVolume(\"/srv/exports\")]\npublic static partial class CacheStorage { }\n\n";
        var test = Test<DeclarePersistentVolumeCodeFix>(storage + Writes, fixedStorage + FixedWrites, ThreeWrites);
        test.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.EquivalenceKeyPrefix + "CacheStorage";
        test.CodeActionIndex = 1;
        await test.RunAsync(CancellationToken.None);
    }

    private const string NewClassComment = "// Container folders whose data must outlive the container: VolumeGen declares them as named volumes.\n";

    [Fact]
    public async Task Creates_ContainerStorage_in_the_file_of_the_write_when_the_project_has_no_storage_class()
    {
        var test = Test<DeclarePersistentVolumeCodeFix>(
            "using System.IO;\n\nclass C\n{\n    void M() => File.WriteAllText({|#0:\"/srv/uploads/a.txt\"|}, \"x\");\n}\n",
            "using System.IO;\n\nclass C\n{\n    void M() => File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");\n}\n\n" + NewClassComment + "[VolumeGen.PersistentVolume(\"/srv/uploads\")]\npublic static partial class ContainerStorage\n{\n}\n",
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_first_action_persists_and_mark_ephemeral_comes_second()
    {
        const string source = "using System.IO;\n\nclass C\n{\n    void M() => File.WriteAllText({|#0:\"/srv/uploads/a.txt\"|}, \"x\");\n}\n";
        var test = Test<DeclarePersistentVolumeCodeFix>(source, source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty) + "\n" + NewClassComment + "[VolumeGen.PersistentVolume(\"/srv/uploads\")]\npublic static partial class ContainerStorage\n{\n}\n",
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        test.CodeActionIndex = 0;
        test.CodeActionVerifier = static (action, verifier) => verifier.Equal(DeclarePersistentVolumeCodeFix.NewClassKey, action.EquivalenceKey);
        await test.RunAsync(CancellationToken.None);

        var ephemeral = Test<DeclarePersistentVolumeCodeFix>(source, "using System.IO;\n\n[assembly: VolumeGen.EphemeralPath(\"/srv/uploads\")]\n\nclass C\n{\n    void M() => File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");\n}\n",
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        ephemeral.CodeActionIndex = 1;
        ephemeral.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.MarkEphemeralKey;
        await ephemeral.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_All_creates_one_ContainerStorage_with_one_volume_per_data_root()
    {
        const string writes = """
            class C
            {
                void M()
                {
                    File.WriteAllText({|#0:"/srv/app/app.db"|}, "x");
                    File.WriteAllText({|#1:"/srv/app/uploads/2024/a.png"|}, "x");
                    File.WriteAllText({|#2:"/srv/exports/b.csv"|}, "x");
                    File.WriteAllText({|#3:"/srv/app/uploads/2024/thumbs/a.png"|}, "x");
                }
            }
            """;
        string fixedWrites = writes.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("{|#3:", string.Empty).Replace("|}", string.Empty);
        var test = Test<DeclarePersistentVolumeCodeFix>("using System.IO;\n\n" + writes, "using System.IO;\n\n" + fixedWrites,
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 1),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 2),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 3));
        // One fix at a time declares the first folder only; the others then offer "on ContainerStorage".
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add("using System.IO;\n\n" + writes.Replace("{|#0:\"/srv/app/app.db\"|}", "\"/srv/app/app.db\"") + "\n\n" + NewClassComment + "[VolumeGen.PersistentVolume(\"/srv/app\")]\npublic static partial class ContainerStorage\n{\n}\n");
        test.FixedState.ExpectedDiagnostics.Add(Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 2));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.NumberOfIncrementalIterations = 1;
        test.BatchFixedState.Sources.Add("using System.IO;\n\n" + fixedWrites + "\n\n" + NewClassComment + "[VolumeGen.PersistentVolume(\"/srv/app\")]\n[VolumeGen.PersistentVolume(\"/srv/exports\")]\npublic static partial class ContainerStorage\n{\n}\n");
        test.BatchFixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.NewClassKey;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Declares_the_Data_Protection_key_folder()
    {
        var test = Test<DeclarePersistentVolumeCodeFix>(
            "using VolumeGen;\nusing Microsoft.Extensions.DependencyInjection;\n\n[PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage { }\n\nclass C\n{\n    void M(IServiceCollection services) => services.{|#0:AddDataProtection()|};\n}\n",
            "using VolumeGen;\nusing Microsoft.Extensions.DependencyInjection;\n\n[PersistentVolume(\"/app/data\")]\n[PersistentVolume(\"/home/app/.aspnet/DataProtection-Keys\")]\npublic static partial class AppStorage { }\n\nclass C\n{\n    void M(IServiceCollection services) => services.AddDataProtection();\n}\n",
            Expect.Diagnostic(DiagnosticDescriptors.DataProtectionKeysNotPersisted, 0));
        test.TestState.Sources.Add(Sources.Stubs);
        test.FixedState.Sources.Add(Sources.Stubs);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Marks_the_folder_ephemeral_when_asked_for_by_its_key()
    {
        var test = Test<DeclarePersistentVolumeCodeFix>(
            "using System.IO;\nusing VolumeGen;\n\nclass C\n{\n    void M() => File.WriteAllText({|#0:\"/srv/uploads/a.txt\"|}, \"x\");\n}\n",
            "using System.IO;\nusing VolumeGen;\n\n[assembly: EphemeralPath(\"/srv/uploads\")]\n\nclass C\n{\n    void M() => File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");\n}\n",
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        test.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.MarkEphemeralKey;
        test.CodeActionIndex = 1;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_All_marks_every_folder_ephemeral_once()
    {
        var test = Test<DeclarePersistentVolumeCodeFix>(
            "using System.IO;\nusing VolumeGen;\n\n" + Writes,
            "using System.IO;\nusing VolumeGen;\n\n[assembly: EphemeralPath(\"/srv/uploads\")]\n[assembly: EphemeralPath(\"/srv/exports\")]\n\n" + FixedWrites,
            ThreeWrites);
        test.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.MarkEphemeralKey;
        test.CodeActionIndex = 1;
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// Issue 22: an app that already keeps its data in one folder (here <c>AppData</c>, written with literal, nested and
    /// partly known paths) gets that folder persisted — one volume, no data moved into a new <c>/app/data</c> — by one
    /// fix and by Fix All alike.
    /// </summary>
    [Fact]
    public async Task The_fix_persists_the_apps_own_data_folder()
    {
        const string writes = """
            using System.IO;

            class C
            {
                void M(string name)
                {
                    File.WriteAllText({|#0:"AppData/app.db"|}, "x");
                    File.AppendAllText({|#1:"AppData/logs/a.log"|}, "x");
                    File.WriteAllText({|#2:Path.Combine("AppData/exports", name)|}, "x");
                }
            }
            """;
        string fixedWrites = writes.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("|}", string.Empty)
            + "\n\n" + NewClassComment + "[VolumeGen.PersistentVolume(\"/app/AppData\")]\npublic static partial class ContainerStorage\n{\n}\n";
        var test = Test<DeclarePersistentVolumeCodeFix>(writes, fixedWrites,
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 1),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 2));
        test.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.NewClassKey;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_fix_moves_a_configured_value_only_when_it_is_outside_the_apps_own_folder()
    {
        const string program = """
            using System.IO;
            using Microsoft.Extensions.Configuration;

            class C
            {
                void M(IConfiguration configuration)
                {
                    File.WriteAllText({|#0:Path.Combine(configuration["Paths:Exports"]!, "a.csv")|}, "x");
                    File.AppendAllText({|#2:"App_Data/logs/a.log"|}, "x");
                    File.WriteAllText({|#3:"App_Data/state.json"|}, "x");
                }
            }
            """;
        const string settings = "{ \"Paths\": { \"Exports\": {|#1:\"App_Data/exports\"|} } }";
        string fixedProgram = program.Replace("{|#0:", string.Empty).Replace("{|#2:", string.Empty).Replace("{|#3:", string.Empty).Replace("|}", string.Empty)
            + "\n\n" + NewClassComment + "[VolumeGen.PersistentVolume(\"/app/App_Data\")]\npublic static partial class ContainerStorage\n{\n}\n";
        var test = Test<DeclarePersistentVolumeCodeFix>(program, fixedProgram,
            new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithMessage(null),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 2),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 3));
        test.TestState.AdditionalReferences.AddRange(TestReferences.AspNetCore);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.AspNetCore);
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", settings));
        // The value is already in the folder: the JSON stays as it is.
        test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", settings.Replace("{|#1:", string.Empty).Replace("|}", string.Empty)));
        test.CodeActionEquivalenceKey = DeclarePersistentVolumeCodeFix.NewClassKey;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task No_fix_is_offered_for_a_file_in_the_working_directory()
    {
        const string source = "using System.IO;\nusing VolumeGen;\n\n[PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage { }\n\nclass C\n{\n    void M() => File.WriteAllText({|#0:\"settings.json\"|}, \"x\");\n}\n";
        var test = Test<DeclarePersistentVolumeCodeFix>(source, source, Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        test.FixedState.ExpectedDiagnostics.Add(Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0));
        await test.RunAsync(CancellationToken.None);
    }

    private static CSharpCodeFixTest<ContainerWriteAnalyzer, TFix, DefaultVerifier> Test<TFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<ContainerWriteAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }
}
