using System;
using System.Linq;
using Xunit;

namespace VolumeGen.Tests;

/// <summary>
/// Issue 24: one rule for a tmpfs size and mode as text. A mode is written as four octal digits everywhere VolumeGen
/// writes one (Docker's tmpfs-mode= and --tmpfs mode=, compose's service-level tmpfs entry, the Kubernetes note, the CLI,
/// verification messages, backup manifest lines) and read as octal; a size is read with the kernel's and compose's units.
/// </summary>
public sealed class TmpfsOptionTextTests
{
    [Theory]
    [InlineData(448, "0700")]
    [InlineData(493, "0755")]
    [InlineData(1023, "1777")]
    [InlineData(8, "0010")]
    [InlineData(0, "0000")]
    public void A_mode_is_written_as_four_octal_digits(int mode, string text)
        => Assert.Equal(text, OctalMode.Format(mode));

    [Theory]
    [InlineData("700", 448)]
    [InlineData("0700", 448)]
    [InlineData("1777", 1023)]
    [InlineData(" 0 ", 0)]
    [InlineData("", null)]
    [InlineData("8", null)]
    [InlineData("0x1ff", null)]
    [InlineData("-700", null)]
    [InlineData("77777777777777", null)]
    public void A_mode_is_read_as_octal_digits(string text, int? mode)
        => Assert.Equal(mode, OctalMode.Parse(text));

    [Theory]
    [InlineData("1048576", 1048576L)]
    [InlineData("64k", 65536L)]
    [InlineData("64m", 67108864L)]
    [InlineData("64MB", 67108864L)]
    [InlineData("1g", 1073741824L)]
    [InlineData("2t", 2199023255552L)]
    [InlineData("512b", 512L)]
    [InlineData("50%", null)]
    [InlineData("", null)]
    [InlineData("m", null)]
    [InlineData("9999999999999999999g", null)]
    [InlineData("9000000000g", null)]
    public void A_size_is_bytes_or_a_number_with_a_1024_based_unit(string text, long? bytes)
        => Assert.Equal(bytes, TmpfsSize.Parse(text));

    [Fact]
    public void Every_output_writes_a_tmpfs_mode_in_the_same_form()
    {
        var mounts = new MountSet(Mount.Tmpfs("/app/t", sizeBytes: 1024, mode: 448));

        Assert.Contains("tmpfs-mode=0700", mounts.ToRunArguments()[1], StringComparison.Ordinal);
        Assert.EndsWith(":size=1024,mode=0700", mounts.ToRunArguments(MountStyle.Volume)[1], StringComparison.Ordinal);
        Assert.Contains("\"/app/t:size=1024,mode=0700\"", ComposeOverride.Format(mounts, "app"), StringComparison.Ordinal);
        Assert.Contains(KubernetesManifests.Format(mounts, "app").Split('\n'), line => line.StartsWith("# The tmpfs mode 0700 at", StringComparison.Ordinal));
        Assert.Equal(448, OctalMode.Parse(mounts.ToRunArguments()[1].Split(',').Single(f => f.StartsWith("tmpfs-mode=", StringComparison.Ordinal)).Substring("tmpfs-mode=".Length)));
    }
}
