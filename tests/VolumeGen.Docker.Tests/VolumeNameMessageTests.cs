using System;
using System.Threading.Tasks;
using Docker.DotNet;
using Xunit;

namespace VolumeGen.Docker.Tests;

/// <summary>
/// Issue 24: VolumeGen.Docker refuses a volume name Docker would refuse with the one message the CLI gives too
/// (<see cref="MountValidator.VolumeNameProblem"/>), before it contacts any engine.
/// </summary>
public sealed class VolumeNameMessageTests
{
    private static DockerClient Nowhere() => DockerEndpoint.CreateClient("unix:///nonexistent/volumegen-test.sock");

    [Theory]
    [InlineData("bad name", "profiles", "bad name", "from")]
    [InlineData("profiles", "x", "x", "to")]
    public async Task Migrate_refuses_a_bad_name_with_the_one_message(string from, string to, string bad, string parameter)
    {
        using DockerClient client = Nowhere();

        ArgumentException refused = await Assert.ThrowsAsync<ArgumentException>(() => client.MigrateVolumeAsync(from, to));

        Assert.StartsWith(MountValidator.VolumeNameProblem(bad)!, refused.Message, StringComparison.Ordinal);
        Assert.Equal(parameter, refused.ParamName);
    }

    [Fact]
    public async Task Backup_refuses_a_bad_name_with_the_one_message()
    {
        using DockerClient client = Nowhere();

        ArgumentException refused = await Assert.ThrowsAsync<ArgumentException>(() => client.BackupAsync(new[] { "profiles", "x" }, "/nonexistent/backup"));

        Assert.StartsWith(MountValidator.VolumeNameProblem("x")!, refused.Message, StringComparison.Ordinal);
        Assert.Equal("volumes", refused.ParamName);
    }
}
