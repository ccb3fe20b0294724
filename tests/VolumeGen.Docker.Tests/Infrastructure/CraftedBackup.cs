using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>A backup folder made of <see cref="CraftedArchive"/>s: their tar files and a manifest whose sizes, checksums and content digests match them.</summary>
internal static class CraftedBackup
{
    public static void Write(string folder, params CraftedArchive[] archives)
    {
        Directory.CreateDirectory(folder);
        var volumes = archives.Select(archive =>
        {
            string path = archive.WriteTo(folder);
            VolumeContent content = archive.Content();
            using FileStream stream = File.OpenRead(path);
            string sha = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
            return new BackedUpVolume(archive.Volume, archive.Target, archive.Volume + ".tar", new FileInfo(path).Length, sha, content.Files, content.Bytes, content.Sha256);
        }).ToArray();
        File.WriteAllText(Path.Combine(folder, VolumeBackupManifest.FileName), new VolumeBackupManifest(DateTimeOffset.UtcNow, volumes).ToJson());
    }
}
