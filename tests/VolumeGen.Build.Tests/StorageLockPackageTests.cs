using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// The storage lock through real <c>dotnet build</c>s of a project that consumes the packed package. One project
/// walks through every case, several changes per build (each change is reported on its own line, so batching them
/// hides nothing): create, strand data in locked mode, as warnings, again on an unchanged build, accept, then a
/// harmless change.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class StorageLockPackageTests
{
    private const string Dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n# >>> VolumeGen\n# <<< VolumeGen\nENTRYPOINT [\"dotnet\", \"Locked.dll\"]\n";

    private const string Original = """
        using VolumeGen;

        namespace Locked;

        [PersistentVolume("/app/profiles", Name = "profiles")]
        [PersistentVolume("/app/uploads", Name = "uploads")]
        [PersistentVolume("/app/sessions", Name = "sessions")]
        [PersistentVolume("/app/reports", Name = "reports")]
        [PersistentVolume("/app/keys", Name = "keys")]
        [AnonymousVolume("/app/cache")]
        public static partial class AppStorage { }
        """;

    // profiles renamed, uploads removed, sessions made tmpfs, reports moved, keys unchanged, and a new volume (harmless).
    private const string Stranding = """
        using VolumeGen;

        namespace Locked;

        [PersistentVolume("/app/profiles", Name = "profile-data")]
        [TmpfsMount("/app/sessions")]
        [PersistentVolume("/srv/reports", Name = "reports")]
        [PersistentVolume("/app/keys", Name = "keys")]
        [PersistentVolume("/app/audit", Name = "audit")]
        [AnonymousVolume("/app/cache")]
        public static partial class AppStorage { }
        """;

    private readonly PackageFixture _fixture;

    public StorageLockPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Stranding_changes_warn_every_build_are_errors_in_locked_mode_and_are_recorded_once_accepted_harmless_ones_silently()
    {
        ConsumerProject project = _fixture.CreateProject("Locked", files: new Dictionary<string, string>
        {
            ["AppStorage.cs"] = Original,
            ["Program.cs"] = "System.Console.WriteLine(Locked.AppStorage.Mounts.Count);\n",
            ["Dockerfile"] = Dockerfile,
        });
        string lockPath = project.File("volumegen.lock.json");

        // 1. The first build creates the lock, silently.
        (int exit, string output) = project.Build();
        Assert.True(exit == 0, output);
        Assert.DoesNotMatch(@"VG304\d", output);
        string created = System.IO.File.ReadAllText(lockPath);
        // The named volumes for the stranding checks, and the whole declaration (the anonymous cache too) for class libraries.
        Assert.Equal(StorageLock.FromDeclarations(Mounts("profiles", "uploads", "sessions", "reports", "keys").Append(Mount.AnonymousVolume("/app/cache")), null, "Locked").ToJson(), created);
        string dockerfile = System.IO.File.ReadAllText(project.File("Dockerfile"));

        // 2. Locked mode (CI): each stranding change is an error, and nothing is written.
        System.IO.File.WriteAllText(project.File("AppStorage.cs"), Stranding);
        (exit, output) = project.Build("-p:VolumeGenLockedMode=true");
        Assert.NotEqual(0, exit);
        foreach (string id in new[] { "VG3040", "VG3041", "VG3042", "VG3043" })
        {
            Assert.True(Regex.IsMatch(output, $@"volumegen\.lock\.json\(\d+(,\d+)?\): error {id}: .*VolumeGenLockedMode is on"), output);
        }

        Assert.DoesNotContain("warning VG304", output);
        Assert.Equal(created, System.IO.File.ReadAllText(lockPath));
        Assert.Equal(dockerfile, System.IO.File.ReadAllText(project.File("Dockerfile")));

        // 3. A normal build: one warning per change, each naming the old and new declaration and the command; the
        //    other outputs are written, the lock keeps the old declarations.
        (exit, output) = project.Build();
        Assert.True(exit == 0, output);
        string renamed = Line(output, "warning VG3040");
        Assert.Contains("[PersistentVolume(\"/app/profiles\", Name = \"profiles\")]", renamed);
        Assert.Contains("[PersistentVolume(\"/app/profiles\", Name = \"profile-data\")]", renamed);
        Assert.Contains("volumegen migrate --from profiles --to profile-data", renamed);
        Assert.Contains("dotnet build -p:VolumeGenAcceptStorageChanges=true", renamed);
        Assert.Contains("volumegen lock " + project.File("bin/Debug/net10.0/Locked.dll"), renamed);
        string removed = Line(output, "warning VG3041");
        Assert.Contains("[PersistentVolume(\"/app/uploads\", Name = \"uploads\")]", removed);
        Assert.Contains("volumegen backup --volume uploads", removed);
        string tmpfs = Line(output, "warning VG3042");
        Assert.Contains("became a tmpfs mount", tmpfs);
        Assert.Contains("[TmpfsMount(\"/app/sessions\")]", tmpfs);
        Assert.Contains("volumegen backup --volume sessions", tmpfs);
        string moved = Line(output, "warning VG3043");
        Assert.Contains("moved from /app/reports to /srv/reports", moved);
        Assert.Contains("[PersistentVolume(\"/srv/reports\", Name = \"reports\")]", moved);
        Assert.DoesNotContain("VG3044", output);
        Assert.Equal(created, System.IO.File.ReadAllText(lockPath));
        Assert.Contains("VOLUME [\"/app/profiles\", \"/srv/reports\", \"/app/keys\", \"/app/audit\", \"/app/cache\"]", System.IO.File.ReadAllText(project.File("Dockerfile")));
        Assert.Contains("\"audit\"", System.IO.File.ReadAllText(project.File("obj/Debug/net10.0/volumegen/volumegen.lock.json")));

        // 4. Nothing changed, but nothing was accepted either: the incremental build must say it again.
        (exit, output) = project.Build();
        Assert.True(exit == 0, output);
        foreach (string id in new[] { "VG3040", "VG3041", "VG3042", "VG3043" })
        {
            Assert.Contains("warning " + id + ":", output);
        }

        Assert.Equal(created, System.IO.File.ReadAllText(lockPath));

        // 5. Accepted: the lock records the declarations (the new volume too), with no warning.
        (exit, output) = project.Build("-p:VolumeGenAcceptStorageChanges=true");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("warning VG304", output);
        Assert.Contains("VolumeGen accepted VG3040", output);
        string accepted = System.IO.File.ReadAllText(lockPath);
        Assert.Equal(
            StorageLock.FromDeclarations(
                new[]
                {
                    Mount.NamedVolume("/app/profiles", "profile-data"), Mount.Tmpfs("/app/sessions"), Mount.NamedVolume("/srv/reports", "reports"),
                    Mount.NamedVolume("/app/keys", "keys"), Mount.NamedVolume("/app/audit", "audit"), Mount.AnonymousVolume("/app/cache"),
                },
                null,
                "Locked").ToJson(),
            accepted);

        // 6. A harmless change (a new volume, a read-only flag): recorded silently, and locked mode accepts the result.
        System.IO.File.WriteAllText(project.File("AppStorage.cs"), Stranding
            .Replace("[PersistentVolume(\"/app/keys\", Name = \"keys\")]", "[PersistentVolume(\"/app/keys\", Name = \"keys\", ReadOnly = true)]\n[PersistentVolume(\"/app/exports\", Name = \"exports\")]"));
        (exit, output) = project.Build();
        Assert.True(exit == 0, output);
        Assert.DoesNotMatch(@"VG304\d", output);
        Assert.Contains("{ \"project\": \"Locked\", \"name\": \"exports\", \"target\": \"/app/exports\", \"kind\": \"volume\" }", System.IO.File.ReadAllText(lockPath));
        (exit, output) = project.Build("-p:VolumeGenLockedMode=true");
        Assert.True(exit == 0, output);
        Assert.DoesNotMatch(@"VG304\d", output);
    }

    private static IEnumerable<Mount> Mounts(params string[] names) => names.Select(static n => Mount.NamedVolume("/app/" + n, n));

    private static string Line(string output, string marker)
        => output.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"No '{marker}' in:\n{output}");
}
