using System;
using System.Collections.Generic;

namespace VolumeGen.Tests;

public class ModelTests
{
    public static IEnumerable<object[]> DifferentMounts() => new[]
    {
        new object[] { Mount.NamedVolume("/app/data", "a1"), Mount.NamedVolume("/app/data", "a2") },
        new object[] { Mount.NamedVolume("/app/data", "a1"), Mount.NamedVolume("/app/data2", "a1") },
        new object[] { Mount.NamedVolume("/app/data", "a1"), Mount.NamedVolume("/app/data", "a1", readOnly: true) },
        new object[] { Mount.NamedVolume("/app/data", "a1"), Mount.NamedVolume("/app/data", "a1", noCopy: true) },
        new object[] { Mount.NamedVolume("/app/data", "app-data"), Mount.AnonymousVolume("/app/data") },
        new object[] { Mount.Bind("./c", "/app/c"), Mount.Bind("./c", "/app/c", selinuxLabel: SelinuxLabel.Shared) },
        new object[] { Mount.Bind("./c", "/app/c"), Mount.Bind("./C", "/app/c") },
        new object[] { Mount.Tmpfs("/t", 1), Mount.Tmpfs("/t", 2) },
        new object[] { Mount.Tmpfs("/t", mode: 1), Mount.Tmpfs("/t") },
        new object[] { Mount.Tmpfs("/t"), Mount.AnonymousVolume("/t") },
    };

    [Fact]
    public void Mounts_with_the_same_values_are_equal()
    {
        Mount a = Mount.Tmpfs("/app/t/", 10, 493);
        Mount b = Mount.Tmpfs("/app//t", 10, 493);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
    }

    [Theory]
    [MemberData(nameof(DifferentMounts))]
    public void Mounts_that_differ_in_any_value_are_not_equal(Mount a, Mount b)
    {
        Assert.NotEqual(a, b);
        Assert.True(a != b);
        Assert.False(a.Equals((object)b));
    }

    [Fact]
    public void Null_comparisons()
    {
        Mount a = Mount.AnonymousVolume("/x");
        Assert.False(a.Equals(null));
        Assert.False(a == null);
        Assert.True((Mount?)null == null);
    }

    [Fact]
    public void Named_volume_without_a_name_derives_one()
    {
        Mount mount = Mount.NamedVolume("/app/data");
        Assert.Equal("app-data", mount.VolumeName);
        Assert.Equal("app-data", mount.Source);
        Assert.True(mount.IsPersistent);
    }

    [Fact]
    public void Kinds_and_persistence()
    {
        Assert.True(Mount.Bind("./c", "/c").IsPersistent);
        Assert.False(Mount.AnonymousVolume("/c").IsPersistent);
        Assert.False(Mount.Tmpfs("/c").IsPersistent);
        Assert.Null(Mount.Bind("./c", "/c").VolumeName);
        Assert.Equal("./c", Mount.Bind("./c", "/c").Source);
    }

    [Fact]
    public void Factories_refuse_null()
    {
        Assert.Throws<ArgumentNullException>(() => Mount.NamedVolume(null!));
        Assert.Throws<ArgumentNullException>(() => Mount.AnonymousVolume(null!));
        Assert.Throws<ArgumentNullException>(() => Mount.Bind(null!, "/x"));
        Assert.Throws<ArgumentNullException>(() => Mount.Bind("./x", null!));
        Assert.Throws<ArgumentNullException>(() => Mount.Tmpfs(null!));
    }

    [Fact]
    public void Sets_are_equal_by_value_and_order()
    {
        var a = new MountSet(Mount.AnonymousVolume("/a"), Mount.Tmpfs("/b"));
        var b = new MountSet(new List<Mount> { Mount.AnonymousVolume("/a/"), Mount.Tmpfs("/b") });
        var reversed = new MountSet(Mount.Tmpfs("/b"), Mount.AnonymousVolume("/a"));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, reversed);
        Assert.NotEqual(a, new MountSet(Mount.AnonymousVolume("/a")));
        Assert.Equal(MountSet.Empty, new MountSet());
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Set_keeps_declaration_order_and_lists_named_volumes()
    {
        var set = new MountSet(Mount.NamedVolume("/b", "bb"), Mount.AnonymousVolume("/a"), Mount.NamedVolume("/c", "cc"));
        Assert.Equal(3, set.Count);
        Assert.Equal("/a", set[1].Target);
        Assert.Equal(new[] { "bb", "cc" }, System.Linq.Enumerable.Select(set.NamedVolumes, m => m.VolumeName));
    }

    [Fact]
    public void Set_refuses_null_mounts()
    {
        Assert.Throws<ArgumentException>(() => new MountSet(Mount.AnonymousVolume("/a"), null!));
        Assert.Throws<ArgumentNullException>(() => new MountSet((IEnumerable<Mount>)null!));
    }

    [Fact]
    public void A_set_copies_its_input()
    {
        var list = new List<Mount> { Mount.AnonymousVolume("/a") };
        var set = new MountSet(list);
        list.Add(Mount.AnonymousVolume("/b"));
        Assert.Single(set);
    }

    [Theory]
    [InlineData(MountKind.NamedVolume, "named volume 'profiles' at /app/data (read-only)")]
    [InlineData(MountKind.Bind, "bind mount of './c' at /app/c")]
    public void ToString_is_readable(MountKind kind, string expected)
    {
        Mount mount = kind == MountKind.NamedVolume ? Mount.NamedVolume("/app/data", "profiles", readOnly: true) : Mount.Bind("./c", "/app/c");
        Assert.Equal(expected, mount.ToString());
    }
}
