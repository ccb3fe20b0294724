using System;
using System.Collections.Generic;
using Docker.DotNet.Models;
using Xunit;

namespace VolumeGen.Docker.Tests;

/// <summary>The comparison logic over inspect data shaped like the engine's; the real-engine tests cover the rest.</summary>
public sealed class ContainerMountComparisonTests
{
    private const string AnonymousName = "3f2a9c1b7e6d5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a09";

    private static readonly MountSet Declared = new(
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.Bind("/srv/config", "/app/config", readOnly: true),
        Mount.Tmpfs("/app/scratch"));

    private static ContainerInspectResponse Container(IDictionary<string, string>? tmpfs, params MountPoint[] points)
        => new() { Name = "/probe", Mounts = points, HostConfig = new HostConfig { Tmpfs = tmpfs } };

    private static MountPoint Volume(string name, string destination, bool rw = true)
        => new() { Type = "volume", Name = name, Source = "/var/lib/docker/volumes/" + name + "/_data", Destination = destination, RW = rw };

    private static MountPoint Bind(string source, string destination, bool rw)
        => new() { Type = "bind", Source = source, Destination = destination, RW = rw };

    [Fact]
    public void A_container_with_the_declared_mounts_is_ok()
    {
        var report = ContainerMountVerification.Compare(Declared, Container(
            new Dictionary<string, string> { ["/app/scratch"] = "" },
            Volume("profiles", "/app/data"),
            Bind("/srv/config", "/app/config", rw: false)));

        Assert.True(report.IsOk, string.Join("\n", report.Checks));
        Assert.Equal("probe", report.Container);
    }

    [Fact]
    public void Missing_mounts_are_reported_per_path_with_the_argument_to_add()
    {
        var report = ContainerMountVerification.Compare(Declared, Container(null));

        Assert.False(report.IsOk);
        Assert.All(report.Checks, c => Assert.Equal(new[] { ContainerMountFinding.Missing }, c.Findings));
        Assert.Contains("/app/data", report.Checks[0].Details[0]);
        Assert.Contains(ShellQuoting.Join(RunArguments.Format(new[] { Declared[0] })), report.Checks[0].Details[0]);
    }

    [Fact]
    public void An_anonymous_volume_where_a_named_one_was_declared_is_called_out()
    {
        var report = ContainerMountVerification.Compare(new MountSet(Declared[0]), Container(null, Volume(AnonymousName, "/app/data")));

        Assert.Equal(new[] { ContainerMountFinding.AnonymousInsteadOfNamed }, report.Checks[0].Findings);
    }

    [Fact]
    public void Another_named_volume_is_a_wrong_name()
    {
        var report = ContainerMountVerification.Compare(new MountSet(Declared[0]), Container(null, Volume("profiles-old", "/app/data")));

        Assert.Equal(new[] { ContainerMountFinding.WrongVolumeName }, report.Checks[0].Findings);
        Assert.Contains("profiles-old", report.Checks[0].Details[0]);
    }

    [Fact]
    public void Read_only_and_bind_source_differences_are_both_reported()
    {
        var report = ContainerMountVerification.Compare(new MountSet(Declared[1]), Container(null, Bind("/tmp/elsewhere", "/app/config", rw: true)));

        Assert.Equal(new[] { ContainerMountFinding.BindSourceMismatch, ContainerMountFinding.ReadOnlyMismatch }, report.Checks[0].Findings);
    }

    [Fact]
    public void A_bind_mount_where_a_volume_was_declared_is_the_wrong_kind()
    {
        var report = ContainerMountVerification.Compare(new MountSet(Declared[0]), Container(null, Bind("/srv/data", "/app/data", rw: true)));

        Assert.Equal(new[] { ContainerMountFinding.WrongKind }, report.Checks[0].Findings);
    }

    [Fact]
    public void A_tmpfs_created_through_the_API_with_the_declared_size_and_mode_is_ok_and_another_size_or_mode_is_reported()
    {
        Mount scratch = Mount.Tmpfs("/app/scratch", 8 * 1024 * 1024, Convert.ToInt32("750", 8));
        var declared = new MountSet(scratch);
        MountPoint point = new() { Type = "tmpfs", Destination = "/app/scratch", RW = true };
        ContainerInspectResponse Requested(long? size, uint? mode)
            => new() { Name = "/probe", Mounts = new[] { point }, HostConfig = new HostConfig { Mounts = new[] { new global::Docker.DotNet.Models.Mount { Type = "tmpfs", Target = "/app/scratch", TmpfsOptions = new TmpfsOptions { SizeBytes = size, Mode = mode } } } } };

        var good = ContainerMountVerification.Compare(declared, Requested(8 * 1024 * 1024, Convert.ToUInt32("750", 8)));
        var bigger = ContainerMountVerification.Compare(declared, Requested(64 * 1024 * 1024, Convert.ToUInt32("750", 8)));
        var defaults = ContainerMountVerification.Compare(declared, Requested(null, null));

        Assert.True(good.IsOk, string.Join("\n", good.Checks));
        Assert.Equal(new[] { ContainerMountFinding.TmpfsOptionsMismatch }, bigger.Checks[0].Findings);
        Assert.Contains("8388608", bigger.Checks[0].Details[0]);
        Assert.Contains("67108864", bigger.Checks[0].Details[0]);
        Assert.Equal(new[] { ContainerMountFinding.TmpfsOptionsMismatch }, defaults.Checks[0].Findings);
        Assert.Contains("0750", defaults.Checks[0].Details[0]);
    }

    [Theory]
    [InlineData("size=8m,mode=750", true)]
    [InlineData("mode=0750,size=8192k", true)]
    [InlineData("size=8388608,mode=750,noexec", true)]
    [InlineData("size=16m,mode=750", false)]
    [InlineData("size=8m", false)]
    [InlineData("", false)]
    public void A_tmpfs_from_the_tmpfs_flag_is_checked_by_its_options(string options, bool ok)
    {
        var declared = new MountSet(Mount.Tmpfs("/app/scratch", 8 * 1024 * 1024, Convert.ToInt32("750", 8)));

        var report = ContainerMountVerification.Compare(declared, Container(new Dictionary<string, string> { ["/app/scratch"] = options }));

        Assert.Equal(ok, report.IsOk);
        Assert.Equal(ok ? System.Array.Empty<ContainerMountFinding>() : new[] { ContainerMountFinding.TmpfsOptionsMismatch }, report.Checks[0].Findings);
    }

    [Fact]
    public void A_tmpfs_declared_without_size_or_mode_accepts_any()
    {
        var report = ContainerMountVerification.Compare(new MountSet(Mount.Tmpfs("/app/scratch")), Container(new Dictionary<string, string> { ["/app/scratch"] = "size=1g,mode=1777" }));

        Assert.True(report.IsOk, string.Join("\n", report.Checks));
    }

    [Fact]
    public void Anonymous_volume_names_are_recognised()
    {
        Assert.True(ContainerMountVerification.IsAnonymousVolumeName(AnonymousName));
        Assert.False(ContainerMountVerification.IsAnonymousVolumeName("profiles"));
        Assert.False(ContainerMountVerification.IsAnonymousVolumeName(AnonymousName.ToUpperInvariant()));
    }
}
