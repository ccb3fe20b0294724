using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>
/// A backup whose disk fills up after the archive, while the manifest is written (the all-or-nothing write every
/// VolumeGen output goes through): nothing that could pass for a backup is left (issue 23, item 3).
/// </summary>
[Collection(EngineVolumesCollection.Name)]
public sealed class BackupFullDiskTests : IDisposable
{
    private const string BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0";
    private readonly List<string> _volumes = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        if (DockerEngine.Unavailable is null)
        {
            _volumes.ForEach(v => DockerEngine.RemoveVolume(v, force: true));
        }

        _temp.Dispose();
    }

    [SkippableFact]
    public async Task A_disk_that_fills_up_at_the_manifest_leaves_no_file_of_the_backup()
    {
        DockerEngine.SkipUnlessAvailable();
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "a small tmpfs stands in for a full disk, which needs root on Linux");
        string volume = DockerEngine.UniqueName("vg-full-backup");
        _volumes.Add(volume);
        DockerEngine.Docker("volume", "create", volume).EnsureSuccess();
        string disk = Path.Combine(_temp.Path, "disk");
        Directory.CreateDirectory(disk);
        Skip.If(DockerEngine.Run("mount", new[] { "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk }, workingDirectory: null).ExitCode != 0, "cannot mount a tmpfs here");
        try
        {
            // Full, then one page free: the empty volume's archive (1.5 KiB) fits, the manifest after it does not.
            string filler = Path.Combine(disk, "filler");
            using (var stream = new FileStream(filler, FileMode.Create, FileAccess.Write))
            {
                try
                {
                    while (true)
                    {
                        stream.Write(new byte[4096]);
                        stream.Flush();
                    }
                }
                catch (IOException)
                {
                }
            }

            using (var stream = new FileStream(filler, FileMode.Open, FileAccess.Write))
            {
                stream.SetLength((stream.Length / 4096 - 1) * 4096);
            }

            string folder = Path.Combine(disk, "backup");
            CliResult backup = await CliRunner.RunAsync("backup", "--volume", volume, "--output", folder, "--image", BaseImage);

            Assert.Equal(2, backup.ExitCode);
            Assert.Contains("backing up " + volume, backup.Error);
            Assert.Contains("is full", backup.Error);
            Assert.Contains(VolumeBackupManifest.FileName, backup.Error); // the system's message names the file it could not write
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            DockerEngine.Run("umount", new[] { disk }, workingDirectory: null);
        }
    }
}
