using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Docker.DotNet;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>
/// Random backups (seeded, so every case can be run again alone) restored onto new and onto existing volumes: files,
/// folders, symbolic links pointing anywhere (other volumes, the host, the root, nowhere), hard links, names with
/// <c>..</c>, and hostile archives (entries below a link, <c>..</c> segments, entries of another volume, absolute
/// names, duplicates, implied folders, hard links out of the volume). Whatever the archive holds and whatever the
/// volume held: no byte outside the volumes being restored changes, every path of a restored volume is the backup's or
/// what it was, a path the backup does not have stays (docs/migrations.md, "other files stay"), a refusal changes
/// nothing, and a clean backup is restored exactly (issue 23, items 1 and 2).
/// </summary>
[Collection(EngineVolumesCollection.Name)]
public sealed class RestorePropertyTests : IDisposable
{
    private const string BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0";
    private static readonly string[] Names = { "a", "b", "data", "x y", "..a", "a..", "...", ".hidden", "ü-ß", "volumegen", "link", "uploads", "..", "-", "z.." };
    private readonly ITestOutputHelper _output;
    private readonly List<string> _volumes = new();
    private readonly TempFolder _temp = new();

    public RestorePropertyTests(ITestOutputHelper output) => _output = output;

    /// <summary>How many cases run: VOLUMEGEN_RESTORE_CASES, default 40. The first seed: VOLUMEGEN_RESTORE_SEED, default 1.</summary>
    private static (int First, int Count) Seeds
        => (int.TryParse(Environment.GetEnvironmentVariable("VOLUMEGEN_RESTORE_SEED"), out int first) ? first : 1,
            int.TryParse(Environment.GetEnvironmentVariable("VOLUMEGEN_RESTORE_CASES"), out int count) ? count : 40);

    private enum Hostility
    {
        None,
        EntryBelowALink,
        DuplicateThenLink,
        DotDotSegment,
        EntryOfAnotherVolume,
        AbsoluteName,
        ImpliedFolders,
        HardLinkOutOfTheVolume,
        HardLinkToALink,
    }

    public void Dispose()
    {
        if (DockerEngine.Unavailable is null)
        {
            _volumes.ForEach(v => DockerEngine.RemoveVolume(v, force: true));
        }

        _temp.Dispose();
    }

    [SkippableFact]
    public async Task Random_backups_write_only_inside_their_own_volumes_and_keep_what_the_docs_say_stays()
    {
        DockerEngine.SkipUnlessAvailable();
        string sentinel = Volume("vg-prop-sentinel");
        DockerEngine.Docker("volume", "create", sentinel).EnsureSuccess();
        DockerEngine.Docker("run", "--rm", "--network", "none", "-v", sentinel + ":/s", BaseImage, "sh", "-c", "mkdir /s/d && echo keep > /s/d/keep.txt && ln -s /etc /s/etc").EnsureSuccess();
        IReadOnlyDictionary<string, string> sentinelBefore = VolumeListing.Of(new[] { sentinel })[sentinel];
        string host = Path.Combine(_temp.Path, "host-sentinel");
        Directory.CreateDirectory(host);
        File.WriteAllText(Path.Combine(host, "keep.txt"), "keep\n");
        string hostBefore = HostListing(host);

        (int first, int count) = Seeds;
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int seed = first; seed < first + count; seed++)
        {
            try
            {
                string outcome = await RunCaseAsync(seed, sentinel, host);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            catch (Exception exception) when (exception is XunitException or VolumeTransferException or DockerApiException or InvalidOperationException)
            {
                failures.Add($"seed {seed}: {exception.GetType().Name}: {exception.Message}");
            }

            Assert.Equal(sentinelBefore, VolumeListing.Of(new[] { sentinel })[sentinel]);
            Assert.Equal(hostBefore, HostListing(host));
        }

        string summary = $"{count} random restore cases (seeds {first}..{first + count - 1}): {count - failures.Count} held, {failures.Count} failed; outcomes: {string.Join(", ", outcomes.OrderBy(static o => o.Key, StringComparer.Ordinal).Select(static o => $"{o.Key} {o.Value}"))}";
        _output.WriteLine(summary);
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures));
    }

    /// <summary>One case; returns what happened (for the summary); throws when a promise is broken.</summary>
    private async Task<string> RunCaseAsync(int seed, string sentinel, string host)
    {
        var random = new Random(seed);
        string[] volumes = { Volume($"vg-prop{seed}-a"), Volume($"vg-prop{seed}-b") };
        string[] everyone = volumes.Append(sentinel).ToArray();
        bool existing = random.Next(2) == 0;
        bool onlyFirst = random.Next(4) == 0;
        Hostility hostility = random.Next(100) < 35 ? (Hostility)(1 + random.Next(Enum.GetValues<Hostility>().Length - 1)) : Hostility.None;
        int hostile = random.Next(volumes.Length);

        var archives = volumes.Select((v, i) => RandomArchive(random, v, everyone.Where(o => o != v).ToArray(), host)).ToArray();
        if (hostility != Hostility.None)
        {
            AddHostility(random, archives[hostile], hostility, Pick(random, everyone.Where(o => o != volumes[hostile]).ToArray()), host);
        }

        string folder = Path.Combine(_temp.Path, "backup-" + seed);
        CraftedBackup.Write(folder, archives);
        if (existing)
        {
            FillExisting(random, volumes, archives, everyone, host);
        }

        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> before = VolumeListing.Of(volumes);
        string[] selected = onlyFirst ? new[] { volumes[0] } : volumes;
        bool conflict = existing && selected.Any(v => Conflicts(before[v], archives[Array.IndexOf(volumes, v)]).Any());
        bool hostileRestored = hostility != Hostility.None && selected.Contains(volumes[hostile]);

        VolumeTransferException? refused = null;
        using (DockerClient client = DockerEngine.CreateClient())
        {
            try
            {
                await client.RestoreAsync(folder, onlyFirst ? selected : null, force: existing, new VolumeTransferOptions { HelperImage = BaseImage });
            }
            catch (VolumeTransferException exception) when (exception.Problem is VolumeTransferProblem.BackupUnusable or VolumeTransferProblem.WouldRemoveData)
            {
                refused = exception;
            }
        }

        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> after = VolumeListing.Of(volumes);
        string what = $"(existing {existing}, only the first {onlyFirst}, hostility {hostility} in {hostile}, conflict {conflict})";
        foreach (string volume in everyone)
        {
            Assert.Equal(string.Empty, DockerEngine.Docker("ps", "-aq", "--filter", "volume=" + volume, "--filter", "label=" + VolumeLabels.Helper).EnsureSuccess().Output.Trim());
        }

        foreach (string volume in volumes.Except(selected))
        {
            Assert.True(Same(before[volume], after[volume]), $"{volume} was not restored but changed {what}: {Diff(before[volume], after[volume])}");
        }

        if (refused is not null)
        {
            foreach (string volume in selected)
            {
                Assert.True(Same(before[volume], after[volume]), $"the restore was refused ({refused.Message}) but {volume} changed {what}: {Diff(before[volume], after[volume])}");
            }

            Assert.True(hostileRestored || conflict, $"a clean backup was refused {what}: {refused.Message}");
            return hostileRestored ? "hostile archive refused" : "folder conflict refused";
        }

        Assert.False(hostileRestored, $"a hostile archive ({hostility}) was restored {what}");
        Assert.False(conflict, $"a restore that replaces a folder by a file (or the reverse) went ahead {what}");
        foreach (string volume in selected)
        {
            var expected = new Dictionary<string, string>(before[volume], StringComparer.Ordinal);
            foreach (VolumeEntry entry in archives[Array.IndexOf(volumes, volume)].Content().Entries)
            {
                expected[entry.Path] = VolumeListing.Line(entry);
            }

            Assert.True(Same(expected, after[volume]), $"{volume} after the restore is not the backup over what it held {what}: {Diff(expected, after[volume])}");
        }

        return existing ? "restored over existing data" : "restored into new volumes";
    }

    private static CraftedArchive RandomArchive(Random random, string volume, string[] others, string host)
    {
        var archive = new CraftedArchive(volume);
        var folders = new List<string> { "." };
        var files = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { "." };
        archive.Directory(".", Pick(random, 0x1ED, 0x1C0, 0x1E8, 0x3FF, 0x5ED), Pick(random, 0, 1654), Pick(random, 0, 1654));
        int count = 2 + random.Next(13);
        for (int i = 0; i < count; i++)
        {
            string parent = folders[random.Next(folders.Count)];
            string name = Names[random.Next(Names.Length)];
            if (name == "..")
            {
                name = "..." + i;
            }

            string path = parent == "." ? name : parent + "/" + name;
            if (!taken.Add(path))
            {
                continue;
            }

            int uid = Pick(random, 0, 0, 1654, 1000, 65534);
            int gid = Pick(random, 0, 0, 1654, 1000, 65534);
            switch (random.Next(10))
            {
                case 0 or 1 or 2:
                    archive.Directory(path, Pick(random, 0x1ED, 0x1C0, 0x1E8, 0x1FD, 0x3FF, 0x5ED), uid, gid);
                    folders.Add(path);
                    break;
                case 3 or 4 or 5:
                    archive.File(path, RandomBytes(random, Pick(random, 0, 1, 17, 512, 4096, 5000, random.Next(2) == 0 ? 70_000 : 3)), Pick(random, 0x1A4, 0x180, 0x1A0, 0x1ED, 0x124, 0x9ED), uid, gid);
                    files.Add(path);
                    break;
                case 6 or 7 or 8:
                    string other = others[random.Next(others.Length)];
                    archive.Symlink(path, Pick(random, "a", "../" + other, "../../../../etc", "/volumegen/" + other, "/volumegen/" + other + "/d/keep.txt", "/etc", "/", host, host + "/keep.txt", "nowhere/x", "/volumegen/" + volume + "/a", string.Concat(Enumerable.Repeat("../", 1 + random.Next(6)))), uid, gid);
                    break;
                default:
                    if (files.Count > 0)
                    {
                        archive.HardLink(path, files[random.Next(files.Count)]);
                    }

                    break;
            }
        }

        return archive;
    }

    private static void AddHostility(Random random, CraftedArchive archive, Hostility hostility, string other, string host)
    {
        string v = archive.Volume;
        switch (hostility)
        {
            case Hostility.EntryBelowALink:
                archive.Symlink("escape", Pick(random, "/volumegen/" + other, "../" + other, "/volumegen/" + other + "/d", host, "/"));
                archive.File("escape/pwned", "written through a link\n");
                archive.Directory("escape/deeper").File("escape/deeper/pwned", "written through a link\n");
                break;
            case Hostility.DuplicateThenLink:
                archive.Directory("dup").Symlink("dup", "/volumegen/" + other).File("dup/pwned", "written through a link\n");
                break;
            case Hostility.DotDotSegment:
                archive.Raw($"{v}/a/../../{other}/pwned", TarEntryType.RegularFile, text: "dot dot\n");
                break;
            case Hostility.EntryOfAnotherVolume:
                archive.Raw($"{other}/pwned", TarEntryType.RegularFile, text: "another volume's entry\n");
                break;
            case Hostility.AbsoluteName:
                archive.Raw($"/volumegen/{other}/pwned", TarEntryType.RegularFile, text: "absolute\n");
                break;
            case Hostility.ImpliedFolders:
                archive.File("implied/deeper/pwned", "implied folders\n");
                break;
            case Hostility.HardLinkOutOfTheVolume:
                archive.Raw($"{v}/hard", TarEntryType.HardLink, linkName: $"{other}/d/keep.txt");
                break;
            case Hostility.HardLinkToALink:
                archive.Symlink("soft", "/volumegen/" + other + "/d/keep.txt").HardLink("hard", "soft").File("hard", "through a hard link to a link\n");
                break;
        }
    }

    /// <summary>
    /// Fills the volumes with what an app might have left: some of the backup's paths with the same kind, some with
    /// another kind (a folder where the backup has a file, a link where it has a folder), links into the other volumes,
    /// the host and the root, hard links, and paths the backup does not have.
    /// </summary>
    private static void FillExisting(Random random, string[] volumes, CraftedArchive[] archives, string[] everyone, string host)
    {
        var arguments = new List<string> { "run", "--rm", "--network", "none" };
        var script = new StringBuilder("set -e; ");
        for (int i = 0; i < volumes.Length; i++)
        {
            arguments.AddRange(new[] { "-v", volumes[i] + ":/v/" + i });
            string root = "/v/" + i;
            var backup = archives[i].Content().Entries.Where(static e => e.Path != ".").ToArray();
            var made = new List<string>();
            foreach (VolumeEntry entry in backup.Where(e => random.Next(3) == 0))
            {
                string parent = Path.GetDirectoryName(entry.Path)!.Replace('\\', '/');
                if (parent.Length > 0 && !made.Contains(parent))
                {
                    script.Append($"mkdir -p {Quote(root + "/" + parent)} 2>/dev/null || true; ");
                }

                string at = Quote(root + "/" + entry.Path);
                bool sameKind = random.Next(5) != 0;
                bool folder = entry.Type == VolumeEntryType.Directory ? sameKind : !sameKind;
                if (folder)
                {
                    script.Append($"mkdir -p {at} 2>/dev/null && echo old > {Quote(root + "/" + entry.Path + "/old-" + random.Next(100) + ".txt")} || true; ");
                }
                else if (random.Next(3) == 0)
                {
                    script.Append($"[ -e {at} ] || ln -s /volumegen/{everyone[random.Next(everyone.Length)]} {at} 2>/dev/null || true; ");
                }
                else
                {
                    script.Append($"[ -e {at} ] || printf 'existing %s' {random.Next()} > {at} 2>/dev/null || true; ");
                }

                made.Add(entry.Path);
            }

            script.Append($"mkdir -p {root}/kept/sub && echo kept > {root}/kept/sub/file && ln -s /volumegen/{everyone[random.Next(everyone.Length)]} {root}/kept/link && ln -s {Quote(host)} {root}/kept/host && ln {root}/kept/sub/file {root}/kept/hard && chown 1654:1654 {root}/kept/sub/file && chmod 0600 {root}/kept/sub/file; ");
        }

        arguments.AddRange(new[] { BaseImage, "sh", "-c", script.ToString() });
        DockerEngine.Docker(arguments.ToArray()).EnsureSuccess();
    }

    /// <summary>The backup's paths that are a folder in the volume and not in the backup, or the reverse.</summary>
    private static IEnumerable<string> Conflicts(IReadOnlyDictionary<string, string> volume, CraftedArchive archive)
        => archive.Content().Entries
            .Where(e => e.Path != "." && volume.TryGetValue(e.Path, out string? line) && line.StartsWith("d ", StringComparison.Ordinal) != (e.Type == VolumeEntryType.Directory))
            .Select(static e => e.Path);

    private string Volume(string prefix)
    {
        string name = DockerEngine.UniqueName(prefix);
        _volumes.Add(name);
        return name;
    }

    private static bool Same(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
        => left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out string? other) && other == p.Value);

    private static string Diff(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
        => string.Join("; ", expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Take(8)
            .Select(k => $"{k}: expected [{expected.GetValueOrDefault(k) ?? "nothing"}], found [{actual.GetValueOrDefault(k) ?? "nothing"}]"));

    private static string HostListing(string folder)
        => string.Join("\n", Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => p + " " + (File.Exists(p) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p))) : "dir")));

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
