using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>VG2002 (anonymous volume), VG2003 (read-only mount), VG2004 (tmpfs) from C# declarations and compose files.</summary>
public sealed class MountKindRuleTests
{
    [Theory]
    [InlineData("File.WriteAllText({|#0:\"/app/cache/a.json\"|}, \"x\");")]
    [InlineData("Directory.CreateDirectory({|#0:\"/app/cache/thumbs\"|});")]
    [InlineData("File.WriteAllText({|#0:Path.Combine(AppContext.BaseDirectory, \"cache\", \"a.json\")|}, \"x\");")]
    public async Task Write_into_an_anonymous_volume_is_reported_as_info(string statement)
        => await new UsageTest(Sources.WithAttributes(statement), Expect.Diagnostic(DiagnosticDescriptors.WriteIntoAnonymousVolume, 0)).WithSource(Sources.Stubs).RunAsync();

    [Fact]
    public async Task Anonymous_volume_message_names_the_volume_and_the_fix()
        => await new UsageTest(
            Sources.WithAttributes("File.WriteAllText({|#0:\"cache/a.json\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteIntoAnonymousVolume, "File.WriteAllText", "cache/a.json", "/app/cache/a.json", "/app/cache"))
            .WithSource(Sources.Stubs).RunAsync();

    [Theory]
    [InlineData("File.WriteAllText({|#0:\"/app/config/appsettings.json\"|}, \"x\");")]
    [InlineData("using var w = new StreamWriter({|#0:\"config/x.txt\"|});")]
    [InlineData("File.Copy(\"/app/data/a\", {|#0:\"/app/config/a\"|});")]
    public async Task Write_into_a_read_only_mount_is_reported(string statement)
        => await new UsageTest(Sources.WithAttributes(statement), Expect.Diagnostic(DiagnosticDescriptors.WriteIntoReadOnlyMount, 0)).WithSource(Sources.Stubs).RunAsync();

    [Fact]
    public async Task Read_only_message_describes_the_mount()
        => await new UsageTest(
            Sources.WithAttributes("File.WriteAllText({|#0:\"/app/config/a.json\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteIntoReadOnlyMount, "File.WriteAllText", "/app/config/a.json", "/app/config/a.json", "bind mount of './config' at /app/config (declared on AppStorage)"))
            .WithSource(Sources.Stubs).RunAsync();

    [Theory]
    [InlineData("File.WriteAllText({|#0:\"/app/scratch/a.tmp\"|}, \"x\");")]
    [InlineData("using var s = new FileStream({|#0:\"/app/scratch/a.tmp\"|}, FileMode.Create);")]
    public async Task Write_into_tmpfs_is_reported_as_info(string statement)
        => await new UsageTest(Sources.WithAttributes(statement), Expect.Diagnostic(DiagnosticDescriptors.WriteIntoTmpfs, 0)).WithSource(Sources.Stubs).RunAsync();

    [Fact]
    public async Task Compose_read_only_short_syntax_is_a_read_only_mount()
        => await new UsageTest(
            Sources.Plain("File.WriteAllText({|#0:\"/srv/settings/a.json\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteIntoReadOnlyMount, 0))
            .WithSource(Sources.Stubs)
            .WithFile("docker-compose.yml", "services:\n  web:\n    image: web\n    volumes:\n      - ./settings:/srv/settings:ro\n")
            .RunAsync();

    [Fact]
    public async Task Compose_long_syntax_read_only_is_a_read_only_mount()
        => await new UsageTest(
            Sources.Plain("File.WriteAllText({|#0:\"/srv/settings/a.json\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteIntoReadOnlyMount, 0))
            .WithSource(Sources.Stubs)
            .WithFile("compose.yaml", "services:\n  web:\n    image: web\n    volumes:\n      - type: volume\n        source: settings\n        target: /srv/settings\n        read_only: true\nvolumes:\n  settings: {}\n")
            .RunAsync();

    [Fact]
    public async Task Compose_volume_without_source_is_anonymous()
        => await new UsageTest(
            Sources.Plain("File.WriteAllText({|#0:\"/srv/cache/a\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteIntoAnonymousVolume, 0))
            .WithSource(Sources.Stubs)
            .WithFile("compose.yaml", "services:\n  web:\n    build: .\n    volumes:\n      - /srv/cache\n")
            .RunAsync();

    [Fact]
    public async Task Compose_tmpfs_is_tmpfs()
        => await new UsageTest(
            Sources.Plain("File.WriteAllText({|#0:\"/srv/run/a.pid\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteIntoTmpfs, 0))
            .WithSource(Sources.Stubs)
            .WithFile("compose.yaml", "services:\n  web:\n    build: .\n    tmpfs:\n      - /srv/run:size=64m\n")
            .RunAsync();

    [Fact]
    public async Task Compose_long_syntax_tmpfs_is_tmpfs()
        => await new UsageTest(
            Sources.Plain("File.WriteAllText({|#0:\"/srv/run/a.pid\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteIntoTmpfs, 0))
            .WithSource(Sources.Stubs)
            .WithFile("compose.yaml", "services:\n  web:\n    build:\n      context: .\n    volumes:\n      - type: tmpfs\n        target: /srv/run\n")
            .RunAsync();

    [Fact]
    public async Task A_volume_declared_deeper_than_the_anonymous_one_wins()
        => await new UsageTest(
            Sources.WithAttributes("File.WriteAllText(\"/app/cache/keep/a.json\", \"x\"); File.WriteAllText({|#0:\"/app/cache/b.json\"|}, \"x\");"),
            Expect.Diagnostic(DiagnosticDescriptors.WriteIntoAnonymousVolume, 0))
            .WithSource(Sources.Stubs)
            .WithEditorConfig("volumegen.persisted_paths = /app/cache/keep")
            .RunAsync();
}
