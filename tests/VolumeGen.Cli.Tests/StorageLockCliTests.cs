using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Cli.Tests;

/// <summary>
/// <c>volumegen lock</c> and <c>migrate</c> on the storage lock as real repositories hold it: two projects in one folder,
/// a project below another's folder, a CRLF checkout, a read-only or damaged lock, a full disk (issue 23).
/// </summary>
public sealed class StorageLockCliTests : IDisposable
{
    private const string Unreachable = "unix:///nonexistent/volumegen-test.sock";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A project folder with its project file and a built assembly declaring <paramref name="mounts"/> below bin/.</summary>
    private string Project(string folder, string name, params Mount[] mounts)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        return ManifestAssembly.Write(Path.Combine(folder, "bin", "Release", "net10.0"), name, ManifestAssembly.Manifest(name + ".Storage", mounts));
    }

    /// <summary>A lock as VolumeGen 1 wrote it (format 1: no project on the entries), LF.</summary>
    private static string LegacyLock(params (string Name, string Target)[] volumes)
        => "{\n  \"volumeGenLock\": 1,\n  \"about\": \"The named volumes this project keeps its data in, as last accepted.\",\n  \"volumes\": ["
           + string.Join(",", volumes.Select(v => $"\n    {{ \"name\": \"{v.Name}\", \"target\": \"{v.Target}\", \"kind\": \"volume\" }}"))
           + (volumes.Length == 0 ? "]\n" : "\n  ]\n") + "}\n";

    [Fact]
    public async Task Two_projects_in_one_folder_keep_their_own_entries_and_never_see_the_others_volume_as_renamed()
    {
        string folder = Path.Combine(_temp.Path, "src");
        string a = Project(folder, "Orders", Mount.NamedVolume("/app/data", "orders-data"));
        string b = Project(folder, "Billing", Mount.NamedVolume("/app/data", "billing-data"));
        string lockPath = Path.Combine(folder, StorageLock.DefaultFileName);

        CliResult acceptA = await CliRunner.RunAsync("lock", a, "--accept");
        Assert.True(acceptA.ExitCode == 0, acceptA.Error);
        string afterA = File.ReadAllText(lockPath);

        CliResult checkB = await CliRunner.RunAsync("lock", b);
        CliResult migrateB = await CliRunner.RunAsync("migrate", b, "--host", Unreachable);

        Assert.DoesNotContain("VG3040", checkB.Output);
        Assert.DoesNotContain("orders-data", checkB.Output + checkB.Error);
        Assert.True(migrateB.ExitCode == 0, migrateB.Output + migrateB.Error);
        Assert.DoesNotContain("--from orders-data", migrateB.Output + migrateB.Error);
        Assert.Contains("Nothing to migrate", migrateB.Output);
        Assert.Equal(afterA, File.ReadAllText(lockPath));

        CliResult acceptB = await CliRunner.RunAsync("lock", b, "--accept");
        CliResult checkA = await CliRunner.RunAsync("lock", a);
        CliResult checkBAgain = await CliRunner.RunAsync("lock", b);

        Assert.True(acceptB.ExitCode == 0, acceptB.Error);
        Assert.DoesNotContain("accepted", acceptB.Output);
        Assert.True(checkA.ExitCode == 0, checkA.Output + checkA.Error);
        Assert.Contains("is up to date", checkA.Output);
        Assert.True(checkBAgain.ExitCode == 0, checkBAgain.Output + checkBAgain.Error);
        string both = File.ReadAllText(lockPath);
        Assert.Contains("\"orders-data\"", both);
        Assert.Contains("\"billing-data\"", both);
    }

    [Fact]
    public async Task A_project_below_another_projects_folder_never_reads_or_empties_the_parents_lock()
    {
        string parent = Path.Combine(_temp.Path, "Shop");
        Project(parent, "Shop", Mount.NamedVolume("/app/data", "shop-data"));
        string parentLock = Path.Combine(parent, StorageLock.DefaultFileName);
        string text = LegacyLock(("shop-data", "/app/data"));
        File.WriteAllText(parentLock, text);
        string child = Project(Path.Combine(parent, "tools", "Importer"), "Importer", Mount.NamedVolume("/app/import", "import-data"));

        CliResult check = await CliRunner.RunAsync("lock", child);
        CliResult accept = await CliRunner.RunAsync("lock", child, "--accept");

        Assert.DoesNotContain("shop-data", check.Output + check.Error);
        Assert.DoesNotContain("VG3041", check.Output);
        Assert.True(accept.ExitCode == 0, accept.Error);
        Assert.Equal(text, File.ReadAllText(parentLock));
        string childLock = Path.Combine(parent, "tools", "Importer", StorageLock.DefaultFileName);
        Assert.True(File.Exists(childLock), accept.Output);
        Assert.Contains("\"import-data\"", File.ReadAllText(childLock));
        Assert.DoesNotContain("shop-data", File.ReadAllText(childLock));
    }

    [Fact]
    public async Task Accept_keeps_the_crlf_line_endings_of_a_crlf_lock()
    {
        string folder = Path.Combine(_temp.Path, "App");
        string assembly = Project(folder, "App", Mount.NamedVolume("/app/data", "profiles"), Mount.NamedVolume("/app/keys", "keys"));
        string lockPath = Path.Combine(folder, StorageLock.DefaultFileName);
        File.WriteAllText(lockPath, LegacyLock(("profiles", "/app/data")).Replace("\n", "\r\n"));

        CliResult accept = await CliRunner.RunAsync("lock", assembly, "--accept");

        Assert.True(accept.ExitCode == 0, accept.Error);
        string written = File.ReadAllText(lockPath);
        Assert.Contains("\"keys\"", written);
        Assert.Equal(written.Split('\n').Length - 1, written.Split("\r\n").Length - 1);
    }

    [Fact]
    public async Task Accept_refuses_a_read_only_lock_as_the_build_does_even_as_root()
    {
        string folder = Path.Combine(_temp.Path, "App");
        string assembly = Project(folder, "App", Mount.NamedVolume("/app/data", "profile-data"));
        string lockPath = Path.Combine(folder, StorageLock.DefaultFileName);
        string text = LegacyLock(("profiles", "/app/data"));
        File.WriteAllText(lockPath, text);
        File.SetAttributes(lockPath, FileAttributes.ReadOnly);
        try
        {
            CliResult accept = await CliRunner.RunAsync("lock", assembly, "--accept");

            Assert.Equal(2, accept.ExitCode);
            Assert.Contains("read-only", accept.Error);
            Assert.Equal(text, File.ReadAllText(lockPath));
        }
        finally
        {
            File.SetAttributes(lockPath, FileAttributes.Normal);
        }
    }

    [Fact]
    public async Task A_lock_with_two_volumes_keys_is_refused_not_read_as_the_last_one()
    {
        string folder = Path.Combine(_temp.Path, "App");
        string assembly = Project(folder, "App", Mount.NamedVolume("/app/data", "profile-data"));
        string lockPath = Path.Combine(folder, StorageLock.DefaultFileName);
        string text = "{\n  \"volumeGenLock\": 1,\n  \"volumes\": [\n    { \"name\": \"profiles\", \"target\": \"/app/data\", \"kind\": \"volume\" }\n  ],\n  \"volumes\": []\n}\n";
        File.WriteAllText(lockPath, text);

        CliResult check = await CliRunner.RunAsync("lock", assembly);
        CliResult accept = await CliRunner.RunAsync("lock", assembly, "--accept");

        Assert.Equal(2, check.ExitCode);
        Assert.Contains("cannot be used", check.Error);
        Assert.Contains("\"volumes\"", check.Error);
        Assert.Equal(2, accept.ExitCode);
        Assert.Equal(text, File.ReadAllText(lockPath));
    }

    [SkippableFact]
    public async Task Accept_on_a_full_disk_leaves_the_old_lock_whole_and_no_temporary_file()
    {
        using Tmpfs disk = Tmpfs.MountOrSkip(Path.Combine(_temp.Path, "disk"));
        (string Name, string Target)[] locked = Enumerable.Range(0, 40).Select(i => ($"volume-{i:D3}-with-a-long-enough-name", $"/app/data/{i:D3}")).ToArray();
        Mount[] declared = locked.Select(v => Mount.NamedVolume(v.Target, v.Name))
            .Concat(Enumerable.Range(40, 30).Select(i => Mount.NamedVolume($"/app/data/{i:D3}", $"volume-{i:D3}-with-a-long-enough-name"))).ToArray();
        string assembly = Project(Path.Combine(_temp.Path, "App"), "App", declared);
        string lockPath = Path.Combine(disk.Path, StorageLock.DefaultFileName);
        string text = LegacyLock(locked);
        File.WriteAllText(lockPath, text);
        Assert.InRange(text.Length, 3000, 4096);
        disk.Fill();

        CliResult accept = await CliRunner.RunAsync("lock", assembly, "--lock-file", lockPath, "--accept");

        Assert.Equal(2, accept.ExitCode);
        Assert.Contains("Cannot write the storage lock", accept.Error);
        Assert.Equal(text, File.ReadAllText(lockPath));
        Assert.Equal(new[] { "filler", StorageLock.DefaultFileName }, Directory.GetFileSystemEntries(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData("compose")]
    [InlineData("k8s")]
    public async Task Output_files_are_written_whole_or_not_at_all_and_only_over_a_file_VolumeGen_wrote(string command)
    {
        using Tmpfs disk = Tmpfs.MountOrSkip(Path.Combine(_temp.Path, "disk"));
        string assembly = Project(Path.Combine(_temp.Path, "App"), "App", Enumerable.Range(0, 60).Select(i => Mount.NamedVolume($"/app/data/{i:D3}", $"volume-{i:D3}")).ToArray());
        string output = Path.Combine(disk.Path, command + ".volumegen.yaml");
        string foreign = Path.Combine(disk.Path, "hand-written.yaml");
        File.WriteAllText(foreign, "services: {}\n");

        CliResult first = await CliRunner.RunAsync(command, assembly, "--class", "App.Storage", "--output", output);
        CliResult refused = await CliRunner.RunAsync(command, assembly, "--output", foreign);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(string.Empty, first.Output);
        Assert.StartsWith(GeneratedFileHeader.Prefix, File.ReadAllText(output));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("VolumeGen did not write", refused.Error);
        Assert.Equal("services: {}\n", File.ReadAllText(foreign));

        string before = File.ReadAllText(output);
        string bigger = Project(Path.Combine(_temp.Path, "Bigger"), "Bigger", Enumerable.Range(0, 120).Select(i => Mount.NamedVolume($"/app/data/{i:D3}", $"volume-{i:D3}")).ToArray());
        disk.Fill();
        CliResult full = await CliRunner.RunAsync(command, bigger, "--output", output);

        Assert.Equal(2, full.ExitCode);
        Assert.Equal(before, File.ReadAllText(output));
        Assert.Equal(new[] { Path.GetFileName(output), "filler", "hand-written.yaml" }.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>A 64 KiB tmpfs (root on Linux only): a disk that fills up on demand. Unmounted on dispose.</summary>
    private sealed class Tmpfs : IDisposable
    {
        private Tmpfs(string path) => Path = path;

        public string Path { get; }

        public static Tmpfs MountOrSkip(string path)
        {
            Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "a small tmpfs stands in for a full disk, which needs root on Linux");
            Directory.CreateDirectory(path);
            (int exit, string error) = Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", path);
            Skip.If(exit != 0, "cannot mount a tmpfs here: " + error);
            return new Tmpfs(path);
        }

        /// <summary>Writes a filler file until the disk refuses another byte.</summary>
        public void Fill()
        {
            using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
            byte[] block = new byte[512];
            try
            {
                while (true)
                {
                    filler.Write(block, 0, block.Length);
                }
            }
            catch (IOException)
            {
                // Full.
            }
        }

        public void Dispose() => Run("umount", Path);

        private static (int ExitCode, string Error) Run(string file, params string[] arguments)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            string error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
    }
}
