using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// <c>AppStorage.Resolve(path)</c> (generated) and <c>HostFolders.Resolve(mounts, path)</c> are the container path
/// to the analyzers: in the container they return it, so a write through them is judged like a write to the path.
/// </summary>
public sealed class RunTimeResolutionTests
{
    /// <summary>The member as the generator writes it into the storage class.</summary>
    private const string GeneratedResolve = """

        public static partial class AppStorage
        {
            [global::System.CodeDom.Compiler.GeneratedCode("VolumeGen", "0.1.0")]
            public static string Resolve(string containerPath, global::System.Func<string, string?>? settings = null)
                => global::VolumeGen.HostFolders.Resolve(global::VolumeGen.MountSet.Empty, containerPath, settings);
        }

        public static class Other
        {
            public static string Resolve(string containerPath) => containerPath + "-elsewhere";
        }
        """;

    [Theory]
    [InlineData("File.WriteAllText({|#0:AppStorage.Resolve(\"/srv/uploads/a.txt\")|}, \"x\");", "VG2001")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(AppStorage.Resolve(\"/srv/uploads\"), \"a.txt\")|}, \"x\");", "VG2001")]
    [InlineData("var folder = AppStorage.Resolve(\"/srv/uploads\", key => null); File.WriteAllText({|#0:Path.Combine(folder, \"a.txt\")|}, \"x\");", "VG2001")]
    [InlineData("File.WriteAllText({|#0:HostFolders.Resolve(MountSet.Empty, \"/srv/uploads/a.txt\")|}, \"x\");", "VG2001")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(AppStorage.Resolve(\"/app/cache\"), \"a\")|}, \"x\");", "VG2002")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(AppStorage.Resolve(\"/app/config\"), \"a\")|}, \"x\");", "VG2003")]
    [InlineData("File.WriteAllText({|#0:AppStorage.Resolve(containerPath: \"/app/scratch/a\")|}, \"x\");", "VG2004")]
    [InlineData("File.WriteAllText(Path.Combine(AppStorage.Resolve(\"/app/data\"), \"profiles.db\"), \"x\");", null)]
    [InlineData("File.WriteAllText(Path.Combine(AppStorage.Resolve(\"/app/logs\"), \"a.log\"), \"x\");", null)]
    // Another class's Resolve is not VolumeGen's: it is read as the small helper it is ('/srv/uploads/a.txt-elsewhere').
    [InlineData("File.WriteAllText({|#0:Other.Resolve(\"/srv/uploads/a.txt\")|}, \"x\");", "VG2001")]
    [InlineData("File.WriteAllText(Other.Resolve(\"/app/data/a.txt\"), \"x\");", null)]
    public async Task A_write_through_Resolve_is_judged_by_the_container_path(string statement, string? id)
    {
        DiagnosticResult[] expected = id is null ? [] : [new DiagnosticResult(id, Severity(id)).WithLocation(0)];

        await new UsageTest(Sources.WithAttributes(statement), expected).WithSource(Sources.Stubs).WithSource(Sources.Usings + GeneratedResolve).RunAsync();
    }

    [Fact]
    public async Task Other_Resolve_is_judged_by_its_own_value()
        => await new UsageTest(
            Sources.WithAttributes("File.WriteAllText({|#0:Other.Resolve(\"/srv/uploads/a.txt\")|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, "File.WriteAllText", "/srv/uploads/a.txt-elsewhere", "/srv/uploads/a.txt-elsewhere",
                "declare [PersistentVolume(\"/srv/uploads\")] on the storage class, or [assembly: EphemeralPath(\"/srv/uploads\")] if losing it is intended"))
            .WithSource(Sources.Stubs).WithSource(Sources.Usings + GeneratedResolve).RunAsync();

    /// <summary>
    /// A user-written <c>Resolve</c> on the storage class (which makes the declaration invalid: nothing is persisted) is
    /// read as the small helper it is — its own value <c>/app/data</c> — never as the container path it is given.
    /// </summary>
    [Fact]
    public async Task A_user_written_method_named_Resolve_on_the_storage_class_is_not_read_as_the_container_path()
        => await new UsageTest(
            Sources.Usings + Sources.StorageAttributes + "public static partial class AppStorage { public static string Resolve(string p) => \"/app/data\"; }\n\n"
                + Sources.Method("File.WriteAllText({|#0:AppStorage.Resolve(\"/srv/uploads/a.txt\")|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, "File.WriteAllText", "/app/data", "/app/data",
                "keep the app's data in one folder: move it into '/app/data' and declare [PersistentVolume(\"/app/data\")] on the storage class, or [assembly: EphemeralPath(\"/app/data\")] if losing it is intended"))
            .WithSource(Sources.Stubs)
            .RunAsync();

    private static Microsoft.CodeAnalysis.DiagnosticSeverity Severity(string id)
        => id is "VG2002" or "VG2004" ? Microsoft.CodeAnalysis.DiagnosticSeverity.Info : DiagnosticDescriptors.WriteOutsidePersistedPath.DefaultSeverity;
}
