using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// The same code gets the same verdicts whether the mounts come from the generator's manifest (after a build)
/// or only from the attributes (IDE Balanced mode, before the generator has run).
/// </summary>
public sealed class ManifestAndAttributesTests
{
    /// <summary>The manifest the generator writes for <see cref="Sources.StorageAttributes"/>, built with the shared manifest writer.</summary>
    private static readonly string ManifestJson = new VolumeManifest(new[]
    {
        new ManifestClass("AppStorage", new MountSet(
            Mount.NamedVolume("/app/data", "profiles"),
            Mount.AnonymousVolume("/app/cache"),
            Mount.Bind("./config", "/app/config", readOnly: true),
            Mount.Bind("./logs", "/app/logs"),
            Mount.Tmpfs("/app/scratch"))),
    }).ToJson();

    [Theory]
    [InlineData("File.WriteAllText({|#0:\"/srv/a.txt\"|}, \"x\");", "VG2001")]
    [InlineData("File.WriteAllText({|#0:\"/app/cache/a\"|}, \"x\");", "VG2002")]
    [InlineData("File.WriteAllText({|#0:\"/app/config/a\"|}, \"x\");", "VG2003")]
    [InlineData("File.WriteAllText({|#0:\"/app/scratch/a\"|}, \"x\");", "VG2004")]
    [InlineData("File.WriteAllText({|#0:\"uploads/a.txt\"|}, \"x\");", "VG2001")]
    [InlineData("services.{|#0:AddDataProtection()|};", "VG2005")]
    [InlineData("File.WriteAllText(\"/app/data/a.txt\", \"x\");", null)]
    [InlineData("File.WriteAllText(\"data/profiles/a.txt\", \"x\");", null)]
    [InlineData("File.WriteAllText(\"/app/logs/a.log\", \"x\");", null)]
    [InlineData("Directory.CreateDirectory(\"/app/config\");", null)]
    [InlineData("File.WriteAllText(\"/tmp/a\", \"x\");", null)]
    public async Task Verdict_is_the_same_from_the_manifest_and_from_the_attributes(string statement, string? id)
    {
        DiagnosticResult[] expected = id is null ? [] : [new DiagnosticResult(id, Severity(id)).WithLocation(0)];
        await new UsageTest(Sources.WithAttributes(statement), expected).WithSource(Sources.Stubs).RunAsync();
        await new UsageTest(Sources.WithManifest(statement, ManifestJson), expected).WithSource(Sources.Stubs).RunAsync();
    }

    [Fact]
    public async Task Manifest_ephemeral_paths_are_honoured()
    {
        string json = new VolumeManifest(new[] { new ManifestClass("AppStorage", new MountSet(Mount.NamedVolume("/app/data"))) }, new[] { "/srv/spool" }).ToJson();
        await new UsageTest(Sources.WithManifest("File.WriteAllText(\"/srv/spool/a\", \"x\"); File.WriteAllText({|#0:\"/srv/other/a\"|}, \"x\");", json),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0)).WithSource(Sources.Stubs).RunAsync();
    }

    [Fact]
    public async Task An_unreadable_manifest_is_ignored_and_the_attributes_still_count()
        => await new UsageTest(
            Sources.WithAttributes("File.WriteAllText(\"/app/data/a\", \"x\"); File.WriteAllText({|#0:\"/srv/a\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0))
            .WithSource(Sources.Stubs)
            .WithSource("[assembly: System.Reflection.AssemblyMetadata(\"VolumeGen.Manifest\", \"{not json\")]\n")
            .RunAsync();

    [Fact]
    public async Task An_invalid_declaration_the_generator_would_skip_persists_nothing()
        => await new UsageTest(
            Sources.Usings + "[PersistentVolume(\"/srv/a\")]\n[PersistentVolume(\"/srv/a\")]\npublic static partial class Broken { }\n" + Sources.Method("File.WriteAllText({|#0:\"/srv/a/x\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0)).WithSource(Sources.Stubs).RunAsync();

    private static Microsoft.CodeAnalysis.DiagnosticSeverity Severity(string id) => id switch
    {
        "VG2002" or "VG2004" => Microsoft.CodeAnalysis.DiagnosticSeverity.Info,
        _ => Microsoft.CodeAnalysis.DiagnosticSeverity.Warning,
    };
}
