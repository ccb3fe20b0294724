using System;
using System.Collections.Generic;
using System.Linq;

namespace VolumeGen.Tests;

public class StorageLockTests
{
    private static readonly StorageLock Locked = StorageLock.FromMounts(new[]
    {
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.NamedVolume("/app/uploads", "uploads"),
    });

    [Fact]
    public void Records_only_named_volumes_sorted_by_name_one_line_each_with_lf_and_a_final_newline()
    {
        var storageLock = StorageLock.FromMounts(
            new[]
            {
                Mount.NamedVolume("/b", "zeta"),
                Mount.Tmpfs("/t"),
                Mount.Bind("./c", "/c"),
                Mount.NamedVolume("/a/", "alpha", readOnly: true),
                Mount.NamedVolume("/a", "alpha"),
            },
            "Shop.Api");

        string json = storageLock.ToJson();

        string[] lines = json.Split('\n');
        Assert.Equal(
            new[]
            {
                "{", "  \"volumeGenLock\": 2,", lines[2], "  \"volumes\": [",
                "    { \"project\": \"Shop.Api\", \"name\": \"alpha\", \"target\": \"/a\", \"kind\": \"volume\" },",
                "    { \"project\": \"Shop.Api\", \"name\": \"zeta\", \"target\": \"/b\", \"kind\": \"volume\" }",
                "  ]", "}", string.Empty,
            },
            lines);
        Assert.StartsWith("  \"about\": \"The named volumes each project keeps its data in", lines[2]);
        Assert.DoesNotContain("\r", json);
        Assert.Equal(storageLock, StorageLock.Parse(json));
        Assert.StartsWith("{\n  \"volumeGenLock\": 2,\n", StorageLock.Empty.ToJson());
        Assert.EndsWith("\"volumes\": []\n}\n", StorageLock.Empty.ToJson());
        Assert.Equal(StorageLock.Empty, StorageLock.Parse(StorageLock.Empty.ToJson()));
    }

    [Fact]
    public void Records_each_projects_declared_mounts_and_ephemeral_paths_one_line_each_under_its_project()
    {
        StorageLock web = StorageLock.FromDeclarations(
            new[]
            {
                Mount.NamedVolume("/b", "zeta"),
                Mount.Tmpfs("/t", 1024),
                Mount.Bind("./c", "/c", readOnly: true),
                Mount.NamedVolume("/a/", "alpha", readOnly: true),
                Mount.NamedVolume("/a", "alpha"),
                Mount.AnonymousVolume("/cache"),
            },
            new[] { "/app/tmp/", "/app/logs", "/app/tmp" },
            "Web");
        var storageLock = new StorageLock(
            web.Volumes.Append(new LockedVolume("jobs", "/jobs", "Worker")),
            web.Declarations.Append(new ProjectDeclarations("Worker", new[] { Mount.NamedVolume("/jobs", "jobs") }, null)));

        string[] lines = storageLock.ToJson().Split('\n');

        Assert.Equal(
            new[]
            {
                "{", "  \"volumeGenLock\": 2,", lines[2], "  \"volumes\": [",
                "    { \"project\": \"Web\", \"name\": \"alpha\", \"target\": \"/a\", \"kind\": \"volume\" },",
                "    { \"project\": \"Web\", \"name\": \"zeta\", \"target\": \"/b\", \"kind\": \"volume\" },",
                "    { \"project\": \"Worker\", \"name\": \"jobs\", \"target\": \"/jobs\", \"kind\": \"volume\" }",
                "  ],",
                "  \"mounts\": [",
                "    {\"project\":\"Web\",\"kind\":\"volume\",\"target\":\"/a\",\"name\":\"alpha\",\"readOnly\":true},",
                "    {\"project\":\"Web\",\"kind\":\"volume\",\"target\":\"/a\",\"name\":\"alpha\"},",
                "    {\"project\":\"Web\",\"kind\":\"volume\",\"target\":\"/b\",\"name\":\"zeta\"},",
                "    {\"project\":\"Web\",\"kind\":\"bind\",\"target\":\"/c\",\"source\":\"./c\",\"readOnly\":true},",
                "    {\"project\":\"Web\",\"kind\":\"anonymous\",\"target\":\"/cache\"},",
                "    {\"project\":\"Web\",\"kind\":\"tmpfs\",\"target\":\"/t\",\"sizeBytes\":1024},",
                "    {\"project\":\"Worker\",\"kind\":\"volume\",\"target\":\"/jobs\",\"name\":\"jobs\"}",
                "  ],",
                "  \"ephemeralPaths\": [",
                "    {\"project\":\"Web\",\"path\":\"/app/logs\"},",
                "    {\"project\":\"Web\",\"path\":\"/app/tmp\"}",
                "  ]",
                "}", string.Empty,
            },
            lines);
        StorageLock read = StorageLock.Parse(storageLock.ToJson());
        Assert.Equal(storageLock, read);
        Assert.Equal(6, read.DeclarationsOf("Web")!.Mounts.Count);
        Assert.Equal(new[] { "/app/logs", "/app/tmp" }, read.DeclarationsOf("Web")!.EphemeralPaths);
        Assert.Equal(new[] { Mount.NamedVolume("/jobs", "jobs") }, read.DeclarationsOf("Worker")!.Mounts);
        Assert.Empty(read.DeclarationsOf("Worker")!.EphemeralPaths);
        Assert.Null(read.DeclarationsOf("Billing"));
    }

    [Fact]
    public void The_same_declarations_in_another_order_give_the_same_text()
    {
        Mount[] mounts = { Mount.NamedVolume("/app/data", "data"), Mount.Bind("./config", "/app/config"), Mount.Tmpfs("/app/scratch") };
        Assert.Equal(StorageLock.FromDeclarations(mounts, new[] { "/b", "/a" }, "Web").ToJson(), StorageLock.FromDeclarations(mounts.Reverse(), new[] { "/a", "/b" }, "Web").ToJson());
    }

    [Fact]
    public void A_lock_without_declarations_records_none_of_any_project_and_differs_from_one_that_does()
    {
        const string format1 = "{\n  \"volumeGenLock\": 1,\n  \"about\": \"…\",\n  \"volumes\": [\n    { \"name\": \"profiles\", \"target\": \"/app/data\", \"kind\": \"volume\" }\n  ]\n}\n";
        const string volumesOnly = "{\"volumeGenLock\": 2, \"volumes\": [{\"project\": \"Web\", \"name\": \"profiles\", \"target\": \"/app/data\"}]}";

        foreach (string text in new[] { format1, volumesOnly })
        {
            StorageLock read = StorageLock.Parse(text);

            Assert.Empty(read.Declarations);
            Assert.Null(read.DeclarationsOf("Web"));
            Assert.NotEqual(StorageLock.FromDeclarations(new[] { Mount.NamedVolume("/app/data", "profiles") }, null, "Web"), read);
            Assert.DoesNotContain("\"mounts\"", read.ToJson());
        }
    }

    [Fact]
    public void A_project_that_declares_nothing_is_not_recorded_and_one_project_twice_is_refused()
    {
        Assert.Empty(StorageLock.FromDeclarations(Array.Empty<Mount>(), Array.Empty<string>(), "Web").Declarations);
        Assert.Throws<ArgumentException>(() => new StorageLock(
            Array.Empty<LockedVolume>(),
            new[] { new ProjectDeclarations("Web", new[] { Mount.AnonymousVolume("/a") }, null), new ProjectDeclarations("Web", new[] { Mount.AnonymousVolume("/b") }, null) }));
    }

    [Theory]
    [MemberData(nameof(HostileValues.PathData), MemberType = typeof(HostileValues))]
    public void Round_trips_hostile_strings(string value)
    {
        var storageLock = new StorageLock(new[] { new LockedVolume(value, "/" + value) });
        Assert.Equal(storageLock, StorageLock.Parse(storageLock.ToJson()));
    }

    [Fact]
    public void Entries_of_several_projects_sort_by_project_and_a_format_1_lock_reads_as_entries_without_one()
    {
        var two = new StorageLock(new[] { new LockedVolume("b-data", "/app/data", "Billing"), new LockedVolume("a-data", "/app/data", "Orders"), new LockedVolume("old", "/app/old") });
        var legacy = StorageLock.Parse("{\"volumeGenLock\": 1, \"volumes\": [{\"name\": \"profiles\", \"target\": \"/app/data\", \"kind\": \"volume\"}]}");

        Assert.Equal(new string?[] { null, "Billing", "Orders" }, two.Volumes.Select(static v => v.Project));
        Assert.Equal(two, StorageLock.Parse(two.ToJson()));
        Assert.Equal(2, StorageLock.Parse(two.ToJson()).Version);
        Assert.Equal(1, legacy.Version);
        Assert.Null(Assert.Single(legacy.Volumes).Project);
        Assert.True(legacy.SameVolumes(StorageLock.FromMounts(new[] { Mount.NamedVolume("/app/data", "profiles") }, "App")));
        Assert.NotEqual(legacy, StorageLock.FromMounts(new[] { Mount.NamedVolume("/app/data", "profiles") }, "App"));
    }

    [Fact]
    public void Reads_crlf_a_bom_and_other_whitespace_and_ignores_unknown_properties()
    {
        string text = "\uFEFF{\r\n\"volumes\":[{\"target\":\"/app/data\",\"name\":\"profiles\",\"extra\":1}],\r\n\"volumeGenLock\":1,\"future\":{}}\r\n";
        Assert.Equal(new LockedVolume("profiles", "/app/data"), StorageLock.Parse(text).Volumes.Single());
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"version\": 1}", "not a VolumeGen lock")]
    [InlineData("{\"volumeGenLock\": 3}", "newer than this VolumeGen")]
    [InlineData("{\"volumeGenLock\": 2, \"volumes\": [{\"project\": 7, \"name\": \"a\", \"target\": \"/a\"}]}", "not a project name")]
    [InlineData("{\"volumeGenLock\": \"1\"}", "not a version number")]
    [InlineData("{\"volumeGenLock\": 1, \"volumes\": {}}", "not an array")]
    [InlineData("{\"volumeGenLock\": 1, \"volumes\": [{\"name\": \"a\"}]}", "no \"name\" or \"target\"")]
    [InlineData("{\"volumeGenLock\": 1, \"volumes\": [{\"name\": \"a\", \"target\": \"/a\", \"kind\": \"bind\"}]}", "kind bind")]
    [InlineData("{\n<<<<<<< HEAD\n  \"volumeGenLock\": 1\n=======\n>>>>>>> other\n}", "merge conflict markers")]
    [InlineData("{\"volumeGenLock\": 1, \"volumes\": [{\"name\": \"a\", \"target\": \"/a\"}], \"volumes\": []}", "\"volumes\" appears twice")]
    [InlineData("{\"volumeGenLock\": 1, \"volumes\": [{\"name\": \"a\", \"name\": \"b\", \"target\": \"/a\"}]}", "\"name\" appears twice")]
    [InlineData("{\"volumeGenLock\": 2, \"mounts\": {}}", "\"mounts\" is not an array")]
    [InlineData("{\"volumeGenLock\": 2, \"mounts\": [{\"project\": \"Web\", \"kind\": \"nfs\", \"target\": \"/a\"}]}", "unknown \"kind\"")]
    [InlineData("{\"volumeGenLock\": 2, \"mounts\": [{\"kind\": \"anonymous\", \"target\": \"/a\"}]}", "\"mounts\" entry has no \"project\"")]
    [InlineData("{\"volumeGenLock\": 2, \"ephemeralPaths\": [\"/tmp\"]}", "\"ephemeralPaths\" entry is not an object")]
    [InlineData("{\"volumeGenLock\": 2, \"ephemeralPaths\": [{\"project\": \"Web\"}]}", "no \"path\"")]
    public void Refuses_what_is_not_a_lock_this_version_reads_saying_why(string text, string reason)
    {
        Assert.False(StorageLock.TryParse(text, out StorageLock? parsed, out string? error));
        Assert.Null(parsed);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Unchanged_declarations_and_harmless_changes_strand_nothing()
    {
        Assert.Empty(StorageLockComparison.Compare(Locked, new[] { Mount.NamedVolume("/app/data", "profiles"), Mount.NamedVolume("/app/uploads", "uploads") }));

        // New volumes, read-only, more mount points of a volume, other kinds elsewhere, the anonymous cache gone.
        Assert.Empty(StorageLockComparison.Compare(Locked, new[]
        {
            Mount.NamedVolume("/app/data", "profiles", readOnly: true, noCopy: true),
            Mount.NamedVolume("/srv/profiles-again", "profiles"),
            Mount.NamedVolume("/app/uploads", "uploads"),
            Mount.NamedVolume("/app/new", "brand-new"),
            Mount.Tmpfs("/app/cache"),
        }));

        // A volume locked at two paths that keeps one of them strands nothing: the files are still mounted there.
        var twoPaths = StorageLock.FromMounts(new[] { Mount.NamedVolume("/a", "shared"), Mount.NamedVolume("/b", "shared") });
        Assert.Empty(StorageLockComparison.Compare(twoPaths, new[] { Mount.NamedVolume("/b", "shared") }));
    }

    [Fact]
    public void Same_target_with_a_name_the_lock_does_not_know_is_a_rename_with_the_migrate_command()
    {
        StorageChange change = Assert.Single(StorageLockComparison.Compare(Locked, new[] { Mount.NamedVolume("/app/data", "profile-data"), Mount.NamedVolume("/app/uploads", "uploads") }));

        Assert.Equal(StorageChangeKind.Renamed, change.Kind);
        Assert.Equal("VG3040", change.Id);
        Assert.Equal(new LockedVolume("profiles", "/app/data"), change.Locked);
        Assert.Equal("profile-data", change.NewName);
        Assert.Equal("volumegen migrate --from profiles --to profile-data", change.Command);
        string text = change.Describe();
        Assert.Contains("[PersistentVolume(\"/app/data\", Name = \"profiles\")]", text);
        Assert.Contains("[PersistentVolume(\"/app/data\", Name = \"profile-data\")]", text);
        Assert.Contains("volumegen migrate --from profiles --to profile-data", text);
    }

    [Fact]
    public void A_name_gone_with_nothing_at_its_target_is_a_removal_with_the_backup_command()
    {
        StorageChange change = Assert.Single(StorageLockComparison.Compare(Locked, new[] { Mount.NamedVolume("/app/data", "profiles") }));

        Assert.Equal(StorageChangeKind.Removed, change.Kind);
        Assert.Equal("VG3041", change.Id);
        Assert.Null(change.Declared);
        Assert.Equal("volumegen backup --volume uploads", change.Command);
        Assert.Contains("[PersistentVolume(\"/app/uploads\", Name = \"uploads\")]", change.Describe());
        Assert.Contains("declares nothing at /app/uploads", change.Describe());
    }

    [Fact]
    public void Every_declaration_gone_removes_every_locked_volume()
    {
        IReadOnlyList<StorageChange> changes = StorageLockComparison.Compare(Locked, Array.Empty<Mount>());
        Assert.Equal(new[] { "profiles", "uploads" }, changes.Select(static c => c.Locked.Name));
        Assert.All(changes, static c => Assert.Equal(StorageChangeKind.Removed, c.Kind));
    }

    [Fact]
    public void A_target_taken_by_another_locked_volume_is_a_removal_not_a_rename()
    {
        // 'uploads' moved onto /app/data and 'profiles' vanished: copying 'profiles' into 'uploads' would mix two data sets.
        IReadOnlyList<StorageChange> changes = StorageLockComparison.Compare(Locked, new[] { Mount.NamedVolume("/app/data", "uploads") });

        Assert.Equal(2, changes.Count);
        StorageChange profiles = changes.Single(static c => c.Locked.Name == "profiles");
        Assert.Equal(StorageChangeKind.Removed, profiles.Kind);
        Assert.Equal("uploads", profiles.Declared!.VolumeName);
        Assert.Contains("no rename VolumeGen could copy", profiles.Describe());
        Assert.Equal(StorageChangeKind.Moved, changes.Single(static c => c.Locked.Name == "uploads").Kind);
    }

    [Theory]
    [InlineData("anonymous", "an anonymous volume", "[AnonymousVolume(\"/app/data\")]", "docker run --rm")]
    [InlineData("tmpfs", "a tmpfs mount", "[TmpfsMount(\"/app/data\")]", "lost when the container stops")]
    [InlineData("bind", "a bind mount of './data'", "[BindMount(\"./data\", \"/app/data\")]", "host folder")]
    public void A_named_volume_made_anonymous_tmpfs_or_a_bind_mount_is_a_kind_change(string kind, string words, string declaration, string consequence)
    {
        Mount now = kind switch
        {
            "anonymous" => Mount.AnonymousVolume("/app/data"),
            "tmpfs" => Mount.Tmpfs("/app/data"),
            _ => Mount.Bind("./data", "/app/data"),
        };

        StorageChange change = Assert.Single(StorageLockComparison.Compare(Locked, new[] { now, Mount.NamedVolume("/app/uploads", "uploads") }));

        Assert.Equal(StorageChangeKind.KindChanged, change.Kind);
        Assert.Equal("VG3042", change.Id);
        Assert.Equal("volumegen backup --volume profiles", change.Command);
        Assert.Contains("became " + words, change.Describe());
        Assert.Contains(declaration, change.Describe());
        Assert.Contains(consequence, change.Describe());
        Assert.Contains("[PersistentVolume(\"/app/data\", Name = \"profiles\")]", change.Describe());
    }

    [Fact]
    public void A_volume_mounted_only_at_new_paths_moved_and_needs_no_copy()
    {
        StorageChange change = Assert.Single(StorageLockComparison.Compare(Locked, new[] { Mount.NamedVolume("/srv/data", "profiles"), Mount.NamedVolume("/app/uploads", "uploads") }));

        Assert.Equal(StorageChangeKind.Moved, change.Kind);
        Assert.Equal("VG3043", change.Id);
        Assert.Null(change.Command);
        Assert.Equal("/srv/data", change.Declared!.Target);
        Assert.Contains("moved from /app/data to /srv/data", change.Describe());
        Assert.Contains("nothing to migrate", change.Describe());
    }

    [Fact]
    public void A_swap_of_two_locked_names_is_two_moves_not_renames()
    {
        IReadOnlyList<StorageChange> changes = StorageLockComparison.Compare(Locked, new[] { Mount.NamedVolume("/app/data", "uploads"), Mount.NamedVolume("/app/uploads", "profiles") });
        Assert.Equal(new[] { StorageChangeKind.Moved, StorageChangeKind.Moved }, changes.Select(static c => c.Kind));
    }

    [Fact]
    public void Several_changes_in_one_build_are_each_reported_in_the_lock_order()
    {
        var locked = StorageLock.FromMounts(new[]
        {
            Mount.NamedVolume("/a", "a-old"), Mount.NamedVolume("/b", "b-gone"), Mount.NamedVolume("/c", "c-tmpfs"), Mount.NamedVolume("/d", "d-moved"), Mount.NamedVolume("/e", "e-same"),
        });
        IReadOnlyList<StorageChange> changes = StorageLockComparison.Compare(locked, new[]
        {
            Mount.NamedVolume("/a", "a-new"), Mount.Tmpfs("/c"), Mount.NamedVolume("/d2", "d-moved"), Mount.NamedVolume("/e", "e-same"), Mount.NamedVolume("/f", "f-added"),
        });

        Assert.Equal(
            new[] { "VG3040 a-old", "VG3041 b-gone", "VG3042 c-tmpfs", "VG3043 d-moved" },
            changes.Select(static c => c.Id + " " + c.Locked.Name));
    }
}
