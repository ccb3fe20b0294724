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
/// A restore writes only inside the volume each archive belongs to, whatever the archive holds, and <c>--force</c>
/// never removes what the backup does not have (issue 23, items 1 and 2; the random cases are in RestorePropertyTests).
/// </summary>
[Collection(EngineVolumesCollection.Name)]
public sealed class RestoreConfinementTests : IDisposable
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

    [SkippableTheory]
    [InlineData("/volumegen/{other}")]
    [InlineData("../{other}")]
    public async Task A_link_in_one_archive_never_carries_a_write_into_another_volume_of_the_backup(string linkTarget)
    {
        DockerEngine.SkipUnlessAvailable();
        string target = Volume("vg-confine-a");
        string other = Volume("vg-confine-b");
        string folder = Path.Combine(_temp.Path, "backup");
        // The other volume first: it is restored and verified before the archive that links into it.
        CraftedBackup.Write(
            folder,
            new CraftedArchive(other).Directory(".").File("keep.txt", "keep\n"),
            new CraftedArchive(target).Directory(".").Symlink("link", linkTarget.Replace("{other}", other, StringComparison.Ordinal)).File("link/x", "written through the link\n"));

        CliResult restore = await CliRunner.RunAsync("restore", folder, "--image", BaseImage);

        Assert.DoesNotContain("x", VolumeListing.Of(new[] { other })[other].Keys);
        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("link/x", restore.Error);
        Assert.Contains("nothing was restored", restore.Error);
        AssertNoHelperLeft(target);
        AssertNoHelperLeft(other);

        // The other volume's own archive is sound: restored alone, it holds exactly what it should.
        CliResult alone = await CliRunner.RunAsync("restore", folder, "--volume", other, "--image", BaseImage);
        Assert.True(alone.ExitCode == 0, alone.Error);
        Assert.Equal(new[] { ".", "keep.txt" }, VolumeListing.Of(new[] { other })[other].Keys.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_forced_restore_never_writes_through_a_link_the_volume_already_holds()
    {
        DockerEngine.SkipUnlessAvailable();
        string target = Volume("vg-confine-force");
        string other = Volume("vg-confine-victim");
        DockerEngine.Docker("volume", "create", other).EnsureSuccess();
        DockerEngine.Docker("volume", "create", target).EnsureSuccess();
        DockerEngine.Docker("run", "--rm", "--network", "none", "-v", other + ":/o", "-v", target + ":/t", BaseImage, "sh", "-c",
            $"echo keep > /o/keep.txt && ln -s /volumegen/{other} /t/uploads && ln -s ../{other} /t/cache").EnsureSuccess();
        var before = VolumeListing.Of(new[] { target, other });
        string folder = Path.Combine(_temp.Path, "backup");
        // The other volume as it is (so restoring it changes nothing), then files below the target's links, without
        // their folders' own entries (a tar may imply them).
        CraftedBackup.Write(
            folder,
            new CraftedArchive(other).Directory(".").File("keep.txt", "keep\n"),
            new CraftedArchive(target).Directory(".").File("uploads/photo.jpg", "through uploads\n").File("cache/x", "through cache\n"));

        CliResult restore = await CliRunner.RunAsync("restore", folder, "--force", "--image", BaseImage);

        Assert.Equal(before[other], VolumeListing.Of(new[] { other })[other]);
        Assert.Equal(before[target], VolumeListing.Of(new[] { target })[target]);
        Assert.Equal(2, restore.ExitCode);
        AssertNoHelperLeft(target);
    }

    [SkippableFact]
    public async Task Force_refuses_to_replace_a_folder_by_the_backups_file_and_changes_nothing_then_replaces_only_what_the_backup_has()
    {
        DockerEngine.SkipUnlessAvailable();
        string volume = Volume("vg-force-folder");
        DockerEngine.Docker("volume", "create", volume).EnsureSuccess();
        DockerEngine.Docker("run", "--rm", "--network", "none", "-v", volume + ":/d", BaseImage, "sh", "-c", "echo 'a list of uploads' > /d/uploads && echo notes > /d/notes.txt").EnsureSuccess();
        string folder = Path.Combine(_temp.Path, "backup");
        Assert.Equal(0, (await CliRunner.RunAsync("backup", "--volume", volume, "--output", folder, "--image", BaseImage)).ExitCode);
        // Later 'uploads' became a folder of photos the backup does not have.
        DockerEngine.Docker("run", "--rm", "--network", "none", "-v", volume + ":/d", BaseImage, "sh", "-c",
            "rm /d/uploads && mkdir /d/uploads && for i in 1 2 3 4 5; do head -c 1000 /dev/urandom > /d/uploads/photo$i.jpg; done && echo changed > /d/notes.txt").EnsureSuccess();
        IReadOnlyDictionary<string, string> withPhotos = VolumeListing.Of(new[] { volume })[volume];

        CliResult refused = await CliRunner.RunAsync("restore", folder, "--force", "--image", BaseImage);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("uploads", refused.Error);
        Assert.Contains("5 files", refused.Error);
        Assert.Contains("nothing was changed", refused.Error);
        Assert.Equal(withPhotos, VolumeListing.Of(new[] { volume })[volume]);

        // Moved aside, the photos stay, and --force replaces exactly the two paths the backup has and says so.
        DockerEngine.Docker("run", "--rm", "--network", "none", "-v", volume + ":/d", BaseImage, "mv", "/d/uploads", "/d/photos").EnsureSuccess();
        CliResult forced = await CliRunner.RunAsync("restore", folder, "--force", "--image", BaseImage);

        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Contains("replaced 1 path the backup also has", forced.Output);
        Assert.Contains("kept 6 paths the backup does not have", forced.Output);
        IReadOnlyDictionary<string, string> after = VolumeListing.Of(new[] { volume })[volume];
        Assert.All(withPhotos.Where(p => p.Key.StartsWith("uploads/", StringComparison.Ordinal)), p => Assert.Equal(p.Value, after["photos/" + p.Key.Substring("uploads/".Length)]));
        Assert.Equal("a list of uploads\n", DockerEngine.Docker("run", "--rm", "--network", "none", "-v", volume + ":/d:ro", BaseImage, "cat", "/d/uploads").EnsureSuccess().Output);
        Assert.Equal("notes\n", DockerEngine.Docker("run", "--rm", "--network", "none", "-v", volume + ":/d:ro", BaseImage, "cat", "/d/notes.txt").EnsureSuccess().Output);
    }

    private string Volume(string prefix)
    {
        string name = DockerEngine.UniqueName(prefix);
        _volumes.Add(name);
        return name;
    }

    private static void AssertNoHelperLeft(string volume)
        => Assert.Equal(string.Empty, DockerEngine.Docker("ps", "-aq", "--filter", "volume=" + volume, "--filter", "label=" + VolumeLabels.Helper).EnsureSuccess().Output.Trim());
}
