using System.Linq;

namespace VolumeGen.Tests;

public sealed class MountVerifierTests
{
    // Shaped like a real container's /proc/self/mountinfo (captured from docker run on overlay2).
    private const string ContainerMountInfo =
        "577 498 0:52 / / rw,relatime master:245 - overlay overlay rw,lowerdir=/l,upperdir=/u,workdir=/w\n"
        + "578 577 0:55 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw\n"
        + "590 577 254:0 /var/lib/docker/volumes/profiles/_data /app/data rw,relatime - ext4 /dev/vda rw\n"
        + "591 577 254:0 /srv/config /app/config ro,relatime - ext4 /dev/vda rw\n"
        + "592 577 254:0 /var/lib/docker/volumes/x/_data /app/with\\040space\\134and\\011tab rw,relatime - ext4 /dev/vda rw\n";

    [Fact]
    public void Parses_mount_points_options_and_octal_escapes()
    {
        var entries = MountInfo.Parse(ContainerMountInfo);

        Assert.Equal(new[] { "/", "/proc", "/app/data", "/app/config", "/app/with space\\and\ttab" }, entries.Select(static e => e.MountPoint));
        Assert.True(entries[3].IsReadOnly);
        Assert.False(entries[2].IsReadOnly);
        Assert.Equal("overlay", entries[0].FileSystemType);
    }

    [Fact]
    public void Unescape_decodes_utf8_byte_sequences()
    {
        Assert.Equal("/app/daten-ä", MountInfo.Unescape("/app/daten-\\303\\244"));
        Assert.Equal("/a\\b", MountInfo.Unescape("/a\\b"));
    }

    [Fact]
    public void Declared_mounts_that_are_mount_points_pass()
    {
        var mounts = new MountSet(
            Mount.NamedVolume("/app/data", "profiles"),
            Mount.Bind("./config", "/app/config", readOnly: true),
            Mount.AnonymousVolume("/app/with space\\and\ttab"));

        Assert.True(MountVerifier.Verify(mounts, ContainerMountInfo).IsOk);
    }

    [Fact]
    public void A_missing_named_volume_is_reported_with_the_path_and_the_docker_run_argument()
    {
        Mount uploads = Mount.NamedVolume("/app/uploads", "uploads");
        var verification = MountVerifier.Verify(new MountSet(Mount.NamedVolume("/app/data", "profiles"), uploads), ContainerMountInfo);

        MountVerificationProblem problem = Assert.Single(verification.Problems);
        Assert.True(verification.IsChecked);
        Assert.Equal(MountVerificationProblemKind.NotMounted, problem.Kind);
        Assert.Equal(ShellQuoting.Join(RunArguments.Format(new[] { uploads })), problem.RunArgument);
        Assert.Contains("/app/uploads", problem.Message);
        Assert.Contains(problem.RunArgument, problem.Message);
    }

    [Fact]
    public void An_anonymous_or_other_docker_volume_at_a_named_volume_path_is_reported()
    {
        const string anonymous = "36554c15e130c4c0d22db7288f888d88d1824267d293967b557ad9c1799ce316";
        string table = ContainerMountInfo.Replace("/var/lib/docker/volumes/profiles/_data", "/var/lib/docker/volumes/" + anonymous + "/_data", System.StringComparison.Ordinal);
        string renamed = ContainerMountInfo.Replace("/var/lib/docker/volumes/profiles/_data", "/var/lib/docker/volumes/profiles-old/_data", System.StringComparison.Ordinal);
        var mounts = new MountSet(Mount.NamedVolume("/app/data", "profiles"));

        MountVerificationProblem problem = Assert.Single(MountVerifier.Verify(mounts, table).Problems);
        Assert.Equal(MountVerificationProblemKind.AnonymousInsteadOfNamed, problem.Kind);
        Assert.Contains("source=profiles", problem.Message);
        Assert.Equal(MountVerificationProblemKind.WrongVolumeName, Assert.Single(MountVerifier.Verify(mounts, renamed).Problems).Kind);
        Assert.Equal("profiles", MountInfo.Parse(ContainerMountInfo)[2].DockerVolumeName);
        Assert.Null(MountInfo.Parse(ContainerMountInfo)[3].DockerVolumeName);
    }

    [Fact]
    public void A_writable_mount_declared_read_only_is_a_mismatch()
    {
        var verification = MountVerifier.Verify(new MountSet(Mount.NamedVolume("/app/data", "profiles", readOnly: true)), ContainerMountInfo);

        Assert.Equal(MountVerificationProblemKind.ReadOnlyMismatch, Assert.Single(verification.Problems).Kind);
    }

    [Fact]
    public void The_last_mount_on_a_path_is_the_one_the_process_sees()
    {
        string stacked = ContainerMountInfo + "600 590 0:60 / /app/data ro,relatime - tmpfs tmpfs ro\n";

        var verification = MountVerifier.Verify(new MountSet(Mount.NamedVolume("/app/data", "profiles")), stacked);

        Assert.Equal(MountVerificationProblemKind.ReadOnlyMismatch, Assert.Single(verification.Problems).Kind);
    }

    [Fact]
    public void Strict_start_up_throws_naming_every_missing_path()
    {
        var exception = Assert.Throws<MountVerificationException>(() =>
            MountVerifier.VerifyAtStartupFrom(new MountSet(Mount.NamedVolume("/app/uploads", "uploads")), ContainerMountInfo, log: null, strict: true));

        Assert.Contains("/app/uploads", exception.Message);
        Assert.Contains("type=volume,source=uploads,target=/app/uploads", exception.Message);
    }

    [Fact]
    public void Non_strict_start_up_logs_and_returns()
    {
        var logged = new System.Collections.Generic.List<string>();

        var verification = MountVerifier.VerifyAtStartupFrom(new MountSet(Mount.NamedVolume("/app/uploads", "uploads")), ContainerMountInfo, logged.Add, strict: false);

        Assert.False(verification.IsOk);
        Assert.Contains("/app/uploads", Assert.Single(logged));
    }
}
