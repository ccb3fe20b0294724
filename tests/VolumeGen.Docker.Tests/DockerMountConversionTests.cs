using System;
using System.Linq;
using Xunit;

namespace VolumeGen.Docker.Tests;

public sealed class DockerMountConversionTests
{
    [Fact]
    public void Each_kind_becomes_the_engine_mount_with_its_options()
    {
        var mounts = new MountSet(
            Mount.NamedVolume("/app/data", "profiles", noCopy: true),
            Mount.AnonymousVolume("/app/cache"),
            Mount.Bind("./config", "/app/config", readOnly: true),
            Mount.Tmpfs("/app/scratch", 64 * 1024 * 1024, Convert.ToInt32("700", 8)));

        var engine = mounts.ToDockerMounts("/srv/project");

        Assert.Equal(new[] { "volume", "volume", "bind", "tmpfs" }, engine.Select(static m => m.Type));
        Assert.Equal(mounts.Select(static m => m.Target), engine.Select(static m => m.Target));

        Assert.Equal("profiles", engine[0].Source);
        Assert.True(engine[0].VolumeOptions!.NoCopy);
        Assert.Equal("true", engine[0].VolumeOptions!.Labels![VolumeLabels.Managed]);
        Assert.False(engine[0].ReadOnly);

        Assert.Null(engine[1].Source);

        Assert.Equal(RunArguments.ResolveBindSource("./config", "/srv/project"), engine[2].Source);
        Assert.Equal("/srv/project/config", engine[2].Source);
        Assert.True(engine[2].ReadOnly);

        Assert.Equal(64L * 1024 * 1024, engine[3].TmpfsOptions!.SizeBytes);
        Assert.Equal(Convert.ToUInt32("700", 8), engine[3].TmpfsOptions!.Mode);
    }

    [Fact]
    public void SELinux_labelled_binds_go_to_Binds_because_Mounts_cannot_express_them()
    {
        Mount labelled = Mount.Bind("/srv/html", "/usr/share/html", readOnly: true, SelinuxLabel.Shared);
        var mounts = new MountSet(Mount.NamedVolume("/app/data", "profiles"), labelled);

        var error = Assert.Throws<ArgumentException>(() => mounts.ToDockerMounts());
        Assert.Contains("/usr/share/html", error.Message);

        var config = mounts.ToHostConfig();
        Assert.Equal("/app/data", Assert.Single(config.Mounts!).Target);
        Assert.Equal(RunArguments.Format(new[] { labelled }, MountStyle.Volume)[1], Assert.Single(config.Binds!));
        Assert.EndsWith(":ro,z", config.Binds![0], StringComparison.Ordinal);
    }
}
