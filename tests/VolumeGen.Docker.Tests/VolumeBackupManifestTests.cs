using System;
using VolumeGen.Docker;
using Xunit;

namespace VolumeGen.Docker.Tests;

/// <summary>volumegen-backup.json: round trip, and what a damaged or foreign manifest gets.</summary>
public sealed class VolumeBackupManifestTests
{
    private static readonly BackedUpVolume Profiles = new("profiles", "/app/data", "profiles.tar", 3_004_928, new string('a', 64), 3, 6_000_006, new string('b', 64));

    [Fact]
    public void A_manifest_reads_back_as_written()
    {
        var manifest = new VolumeBackupManifest(new DateTimeOffset(2026, 11, 30, 7, 49, 28, TimeSpan.Zero), new[] { Profiles });

        string json = manifest.ToJson();
        VolumeBackupManifest read = VolumeBackupManifest.Parse(json);

        Assert.Contains("\"volumeGenBackup\": 1", json);
        Assert.Contains("\"created\": \"2026-11-30T07:49:28Z\"", json);
        Assert.EndsWith("}\n", json);
        Assert.DoesNotContain("\r", json);
        Assert.Equal(manifest.Created, read.Created);
        Assert.Equal(Profiles, Assert.Single(read.Volumes));
    }

    [Theory]
    [InlineData("{ \"volumes\": [] }", "not a VolumeGen backup manifest")]
    [InlineData("{ \"volumeGenBackup\": 2, \"created\": \"2026-11-30T07:49:28Z\", \"volumes\": [] }", "version 2")]
    [InlineData("{ \"volumeGenBackup\": 1, \"created\": \"2026-11-30T07:49:28Z\", \"volumes\": [ { \"volume\": \"profiles\" } ] }", "damaged")]
    [InlineData("not json", "damaged")]
    [InlineData("{ \"volumeGenBackup\": 1, \"created\": \"2026-11-30T07:49:28Z\", \"volumes\": [ { \"volume\": \"profiles\", \"target\": \"/app/data\", \"archive\": \"../../etc/passwd\", \"archiveBytes\": 1, \"archiveSha256\": \"x\", \"files\": 1, \"bytes\": 1, \"contentSha256\": \"y\" } ] }", "<volume>.tar beside the manifest")]
    public void A_damaged_foreign_or_newer_manifest_is_a_format_error_saying_which(string json, string message)
    {
        FormatException exception = Assert.Throws<FormatException>(() => VolumeBackupManifest.Parse(json));

        Assert.Contains(message, exception.Message);
    }
}
