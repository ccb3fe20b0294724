using System;
using System.Linq;
using DotNet.Testcontainers.Builders;
using Xunit;

namespace VolumeGen.Testcontainers.Tests;

public sealed class TestcontainersVolumesTests
{
    private static readonly MountSet Declared = new(
        Mount.NamedVolume("/app/data", "profiles", readOnly: false, noCopy: true),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Tmpfs("/tmp", 1024 * 1024, 511));

    [Fact]
    public void A_suffix_renames_only_the_named_volumes_and_keeps_everything_else()
    {
        MountSet renamed = Declared.WithVolumeNameSuffix("run42");

        Assert.Equal("profiles-run42", renamed[0].VolumeName);
        Assert.Equal(Mount.NamedVolume("/app/data", "profiles-run42", readOnly: false, noCopy: true), renamed[0]);
        Assert.Equal(Declared.Skip(1), renamed.Skip(1));
    }

    [Theory]
    [InlineData("run/42")]
    [InlineData("run 42")]
    public void A_suffix_that_makes_an_invalid_volume_name_is_refused_by_name(string suffix)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Declared.WithVolumeNameSuffix(suffix));

        Assert.Contains("'" + suffix + "'", error.Message);
    }

    [Fact]
    public void Mounts_that_break_a_declaration_rule_are_refused_before_any_container_is_created()
    {
        var broken = new MountSet(Mount.NamedVolume("/app/data", "profiles"), Mount.AnonymousVolume("/app/data"));

        ArgumentException error = Assert.Throws<ArgumentException>(() => new ContainerBuilder("volumegen-test/none:1").WithVolumeGenMounts(broken));

        Assert.Contains("/app/data", error.Message);
    }
}
