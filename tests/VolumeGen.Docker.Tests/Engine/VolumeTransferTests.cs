using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>
/// <c>volumegen migrate</c>, <c>backup</c> and <c>restore</c> (and their API) against a real engine. In the ProfileService
/// collection, so they run one after the other with its tests: those compare the engine's whole volume list, and
/// these create and remove volumes.
/// </summary>
[Collection(ProfileServiceCollection.Name)]
public sealed class VolumeTransferTests : IDisposable
{
    private const string BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0";
    private readonly List<string> _containers = new();
    private readonly List<string> _volumes = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        if (DockerEngine.Unavailable is null)
        {
            _containers.ForEach(c => DockerEngine.RemoveContainers(c));
            _volumes.ForEach(v => DockerEngine.RemoveVolume(v, force: true));
        }

        _temp.Dispose();
    }

    [SkippableFact]
    public async Task Backup_remove_restore_gives_byte_identical_files_with_owners_modes_and_links()
    {
        DockerEngine.SkipUnlessAvailable();
        string volume = Filled("vg-backup");
        string before = Listing(volume);
        string folder = Path.Combine(_temp.Path, "backup");

        CliResult backup = await CliRunner.RunAsync("backup", "--volume", volume, "--output", folder, "--image", BaseImage);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("backed up  " + volume, backup.Output);
        AssertNoHelperLeft(volume);

        using (JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, VolumeBackupManifest.FileName))))
        {
            JsonElement entry = Assert.Single(manifest.RootElement.GetProperty("volumes").EnumerateArray());
            Assert.Equal(volume, entry.GetProperty("volume").GetString());
            Assert.Equal(4, entry.GetProperty("files").GetInt32());
            Assert.Equal(2_000_000 + 12 + 0 + 2_000_000, entry.GetProperty("bytes").GetInt64());
            string archive = Path.Combine(folder, volume + ".tar");
            Assert.Equal(new FileInfo(archive).Length, entry.GetProperty("archiveBytes").GetInt64());
            Assert.Equal(Sha256(archive), entry.GetProperty("archiveSha256").GetString());
            Assert.False(string.IsNullOrEmpty(manifest.RootElement.GetProperty("created").GetString()));
        }

        DockerEngine.RemoveVolume(volume).EnsureSuccess();
        CliResult restore = await CliRunner.RunAsync("restore", folder, "--image", BaseImage);

        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("restored  " + volume, restore.Output);
        Assert.Equal(before, Listing(volume));
        using DockerClient client = DockerEngine.CreateClient();
        Assert.Equal("true", (await client.Volumes.InspectAsync(volume)).Labels[VolumeLabels.Managed]);
        AssertNoHelperLeft(volume);
    }

    [SkippableFact]
    public async Task Restore_onto_a_volume_that_holds_data_is_refused_and_changes_nothing_unless_forced()
    {
        DockerEngine.SkipUnlessAvailable();
        string volume = Filled("vg-restore-full");
        string folder = Path.Combine(_temp.Path, "backup");
        Assert.Equal(0, (await CliRunner.RunAsync("backup", "--volume", volume, "--output", folder, "--image", BaseImage)).ExitCode);
        DockerEngine.Docker("run", "--rm", "--network", "none", "-v", volume + ":/d", BaseImage, "sh", "-c", "echo changed > /d/notes.txt && echo new > /d/extra.txt").EnsureSuccess();
        string changed = Listing(volume);

        CliResult refused = await CliRunner.RunAsync("restore", folder, "--image", BaseImage);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"The volume '{volume}' already holds data", refused.Error);
        Assert.Contains("--force", refused.Error);
        Assert.Equal(changed, Listing(volume));

        CliResult forced = await CliRunner.RunAsync("restore", folder, "--force", "--image", BaseImage);

        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Contains("over the existing data (--force)", forced.Output);
        Assert.Equal("hello notes\n", DockerEngine.Docker("run", "--rm", "--network", "none", "-v", volume + ":/d:ro", BaseImage, "cat", "/d/notes.txt").EnsureSuccess().Output);
        Assert.Equal("new\n", DockerEngine.Docker("run", "--rm", "--network", "none", "-v", volume + ":/d:ro", BaseImage, "cat", "/d/extra.txt").EnsureSuccess().Output);
    }

    [SkippableFact]
    public async Task A_damaged_archive_or_a_folder_without_a_backup_is_refused_before_anything_is_written()
    {
        DockerEngine.SkipUnlessAvailable();
        string volume = Filled("vg-damaged");
        string folder = Path.Combine(_temp.Path, "backup");
        Assert.Equal(0, (await CliRunner.RunAsync("backup", "--volume", volume, "--output", folder, "--image", BaseImage)).ExitCode);
        string archive = Path.Combine(folder, volume + ".tar");
        byte[] bytes = File.ReadAllBytes(archive);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(archive, bytes);
        DockerEngine.RemoveVolume(volume).EnsureSuccess();

        CliResult damaged = await CliRunner.RunAsync("restore", folder, "--image", BaseImage);
        CliResult again = await CliRunner.RunAsync("backup", "--volume", "vg-any-volume", "--output", folder, "--image", BaseImage);
        CliResult none = await CliRunner.RunAsync("restore", _temp.Path, "--image", BaseImage);

        Assert.Equal(2, damaged.ExitCode);
        Assert.Contains("SHA-256", damaged.Error);
        Assert.Contains("nothing was restored", damaged.Error);
        Assert.DoesNotContain(volume, DockerEngine.VolumeNames());
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("never overwrites another", again.Error);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no " + VolumeBackupManifest.FileName, none.Error);
    }

    [SkippableFact]
    public async Task Migrate_copies_into_a_new_labelled_volume_keeps_the_old_one_and_a_second_run_has_nothing_to_do()
    {
        DockerEngine.SkipUnlessAvailable();
        string from = Filled("vg-migrate-old");
        string to = Volume("vg-migrate-new");
        string before = Listing(from);

        CliResult dryRun = await CliRunner.RunAsync("migrate", "--from", from, "--to", to, "--image", BaseImage, "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        Assert.Contains($"migrate  {from} -> {to}", dryRun.Output);
        Assert.Contains($"{to}: would be created", dryRun.Output);
        Assert.Contains("helper image: " + BaseImage, dryRun.Output);
        Assert.Contains("Dry run: nothing was changed.", dryRun.Output);
        Assert.DoesNotContain(to, DockerEngine.VolumeNames());

        CliResult first = await CliRunner.RunAsync("migrate", "--from", from, "--to", to, "--image", BaseImage);
        CliResult second = await CliRunner.RunAsync("migrate", "--from", from, "--to", to, "--image", BaseImage);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("copied   4 files", first.Output);
        Assert.Contains("verified", first.Output);
        Assert.Equal(before, Listing(to));
        Assert.Equal(before, Listing(from));
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains($"already migrated: '{to}' holds exactly the data of '{from}'", second.Output);
        using DockerClient client = DockerEngine.CreateClient();
        IDictionary<string, string> labels = (await client.Volumes.InspectAsync(to)).Labels;
        Assert.Equal("true", labels[VolumeLabels.Managed]);
        Assert.Equal(from, labels[VolumeLabels.MigratedFrom]);
        Assert.Equal("/app/data", labels[VolumeLabels.Target]);
        AssertNoHelperLeft(from);
        AssertNoHelperLeft(to);
    }

    [SkippableFact]
    public async Task Migrate_reads_the_rename_from_the_storage_lock_and_refuses_a_new_volume_that_holds_other_data()
    {
        DockerEngine.SkipUnlessAvailable();
        string from = Filled("vg-locked-old");
        string to = Volume("vg-locked-new");
        string project = Path.Combine(_temp.Path, "App");
        string assembly = ManifestAssembly.Write(Path.Combine(project, "bin", "Release", "net10.0"), "App", ManifestAssembly.Manifest("App.Storage", Mount.NamedVolume("/app/data", to)));
        File.WriteAllText(Path.Combine(project, StorageLock.DefaultFileName), StorageLock.FromMounts(new[] { Mount.NamedVolume("/app/data", from) }).ToJson());

        CliResult plan = await CliRunner.RunAsync("migrate", assembly, "--dry-run", "--image", BaseImage);
        Assert.True(plan.ExitCode == 0, plan.Error);
        Assert.Contains($"migrate  {from} -> {to}  (/app/data)", plan.Output);

        DockerEngine.Docker("volume", "create", to).EnsureSuccess();
        DockerEngine.Docker("run", "--rm", "--network", "none", "-v", to + ":/d", BaseImage, "sh", "-c", "echo started-fresh > /d/other.txt").EnsureSuccess();
        CliResult refused = await CliRunner.RunAsync("migrate", assembly, "--image", BaseImage);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"The volume '{to}' already holds data", refused.Error);

        DockerEngine.RemoveVolume(to).EnsureSuccess();
        CliResult migrated = await CliRunner.RunAsync("migrate", assembly, "--image", BaseImage);
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        Assert.Contains("copied   4 files", migrated.Output);
        Assert.Contains("VolumeGenAcceptStorageChanges=true", migrated.Output);
        Assert.Equal(Listing(from), Listing(to));
    }

    [SkippableFact]
    public async Task A_running_container_using_the_volume_makes_migrate_and_backup_refuse_and_nothing_is_created()
    {
        DockerEngine.SkipUnlessAvailable();
        string from = Filled("vg-busy");
        string to = Volume("vg-busy-new");
        string app = DockerEngine.UniqueName("vg-busy-app");
        _containers.Add(app);
        DockerEngine.Docker("run", "-d", "--name", app, "--network", "none", "-v", from + ":/app/data", BaseImage, "sleep", "600").EnsureSuccess();
        string folder = Path.Combine(_temp.Path, "busy-backup");

        CliResult migrate = await CliRunner.RunAsync("migrate", "--from", from, "--to", to);
        CliResult backup = await CliRunner.RunAsync("backup", "--volume", from, "--output", folder);

        Assert.Equal(2, migrate.ExitCode);
        Assert.Contains($"The volume '{from}' is in use by {app} (running", migrate.Error);
        Assert.Contains("docker stop " + app, migrate.Error);
        Assert.DoesNotContain(to, DockerEngine.VolumeNames());
        Assert.Equal(2, backup.ExitCode);
        Assert.Contains($"is in use by {app}", backup.Error);
        Assert.False(File.Exists(Path.Combine(folder, VolumeBackupManifest.FileName)));

        // Stopped, the container is what the helper image is taken from: no --image needed.
        DockerEngine.Docker("stop", "-t", "0", app).EnsureSuccess();
        CliResult afterStop = await CliRunner.RunAsync("migrate", "--from", from, "--to", to);
        Assert.True(afterStop.ExitCode == 0, afterStop.Error);
        Assert.Equal(Listing(from), Listing(to));
    }

    [SkippableFact]
    public async Task Without_an_image_on_the_engine_migrate_names_the_option_and_changes_nothing()
    {
        DockerEngine.SkipUnlessAvailable();
        string from = Filled("vg-no-image");
        string to = Volume("vg-no-image-new");

        CliResult derived = await CliRunner.RunAsync("migrate", "--from", from, "--to", to);
        CliResult missing = await CliRunner.RunAsync("migrate", "--from", from, "--to", to, "--image", "volumegen-test/never-built:" + Guid.NewGuid().ToString("N"));
        CliResult noVolume = await CliRunner.RunAsync("migrate", "--from", from + "-gone", "--to", to, "--image", BaseImage);

        Assert.Equal(2, derived.ExitCode);
        Assert.Contains("--image", derived.Error);
        Assert.Contains("never started", derived.Error);
        Assert.Contains("without a shell", derived.Error);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("is not on the Docker engine", missing.Error);
        Assert.Equal(2, noVolume.ExitCode);
        Assert.Contains($"There is no volume '{from}-gone'", noVolume.Error);
        Assert.DoesNotContain(to, DockerEngine.VolumeNames());
    }

    [SkippableFact]
    public async Task The_API_backs_up_the_declared_volumes_with_their_targets_and_reports_progress_in_bytes()
    {
        DockerEngine.SkipUnlessAvailable();
        string volume = Filled("vg-api");
        string folder = Path.Combine(_temp.Path, "api-backup");
        var reports = new List<VolumeTransferProgress>();
        var options = new VolumeTransferOptions { HelperImage = BaseImage, Progress = new SynchronousProgress(reports) };
        using DockerClient client = DockerEngine.CreateClient();

        VolumeBackupManifest manifest = await client.BackupAsync(new MountSet(Mount.NamedVolume("/srv/data", volume), Mount.AnonymousVolume("/tmp/cache")), folder, options);
        DockerEngine.RemoveVolume(volume).EnsureSuccess();
        IReadOnlyList<VolumeRestoreResult> restored = await client.RestoreAsync(folder, options: options);

        BackedUpVolume entry = Assert.Single(manifest.Volumes);
        Assert.Equal("/srv/data", entry.Target);
        Assert.Equal(entry.ContentSha256, Assert.Single(restored).Content.Sha256);
        Assert.True(Assert.Single(restored).Created);
        Assert.Contains(reports, r => r.Step == "backing up" && r.Volume == volume && r.Bytes >= 2_000_000);
        Assert.Contains(reports, r => r.Step == "restoring" && r.Bytes == 2_000_012);
        Assert.Equal("/srv/data", (await client.Volumes.InspectAsync(volume)).Labels[VolumeLabels.Target]);
    }

    private string Volume(string prefix)
    {
        string name = DockerEngine.UniqueName(prefix);
        _volumes.Add(name);
        return name;
    }

    /// <summary>A volume labelled for /app/data with a nested folder, an owned 0640 file, random bytes, an empty file, a hard link and a symbolic link.</summary>
    private string Filled(string prefix)
    {
        string name = Volume(prefix);
        DockerEngine.Docker("volume", "create", "--label", VolumeLabels.Target + "=/app/data", name).EnsureSuccess();
        DockerEngine.Docker(
            "run", "--rm", "--network", "none", "-v", name + ":/d", BaseImage, "sh", "-c",
            "mkdir -p /d/avatars/deep && head -c 2000000 /dev/urandom > /d/avatars/deep/a.bin && printf 'hello notes\\n' > /d/notes.txt "
            + "&& : > /d/empty && chown 1654:1654 /d/notes.txt /d/avatars && chmod 0640 /d/notes.txt && chmod 0750 /d/avatars "
            + "&& ln /d/avatars/deep/a.bin /d/hard.bin && ln -s notes.txt /d/link").EnsureSuccess();
        return name;
    }

    /// <summary>Every path with type, mode, owner and size, and every file's sha256, as the volume holds them.</summary>
    private static string Listing(string volume)
        => DockerEngine.Docker(
            "run", "--rm", "--network", "none", "-v", volume + ":/d:ro", BaseImage, "sh", "-c",
            "cd /d && find . -printf '%y %m %U:%G %s %p %l\\n' | sort && find . -type f -exec sha256sum {} + | sort").EnsureSuccess().Output;

    private static void AssertNoHelperLeft(string volume)
        => Assert.Equal(string.Empty, DockerEngine.Docker("ps", "-aq", "--filter", "volume=" + volume, "--filter", "label=" + VolumeLabels.Helper).EnsureSuccess().Output.Trim());

    private static string Sha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream)).ToLowerInvariant();
    }

    private sealed class SynchronousProgress : IProgress<VolumeTransferProgress>
    {
        private readonly List<VolumeTransferProgress> _reports;

        public SynchronousProgress(List<VolumeTransferProgress> reports) => _reports = reports;

        public void Report(VolumeTransferProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }
}
