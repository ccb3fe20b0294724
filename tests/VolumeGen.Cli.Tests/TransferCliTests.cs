using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Cli.Tests;

/// <summary>volumegen lock, migrate, backup and restore: usage, the storage lock and an unreachable engine (no engine needed).</summary>
public sealed class TransferCliTests : IDisposable
{
    private const string Unreachable = "unix:///nonexistent/volumegen-test.sock";
    private readonly TempFolder _temp = new();
    private readonly string _project;
    private readonly string _assembly;

    public TransferCliTests()
    {
        _project = Path.Combine(_temp.Path, "App");
        _assembly = ManifestAssembly.Write(Path.Combine(_project, "bin", "Release", "net10.0"), "App", ManifestAssembly.Manifest(
            "App.Storage", Mount.NamedVolume("/app/data", "profile-data"), Mount.NamedVolume("/app/logs", "logs"), Mount.AnonymousVolume("/app/cache")));
        File.WriteAllText(Path.Combine(_project, "App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
    }

    private string LockPath => Path.Combine(_project, StorageLock.DefaultFileName);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("lock")]
    [InlineData("migrate")]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task Every_new_command_has_help_that_exits_0_and_is_listed_by_the_root_help(string command)
    {
        CliResult help = await CliRunner.RunAsync(command, "--help");
        CliResult root = await CliRunner.RunAsync("--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("volumegen " + command, help.Output);
        Assert.Contains(command, root.Output);
    }

    [Fact]
    public async Task Lock_exits_1_naming_the_rename_and_the_migrate_command_and_accept_records_the_declarations()
    {
        File.WriteAllText(LockPath, StorageLock.FromMounts(new[] { Mount.NamedVolume("/app/data", "profiles"), Mount.NamedVolume("/app/logs", "logs") }).ToJson());

        CliResult check = await CliRunner.RunAsync("lock", _assembly);
        CliResult accept = await CliRunner.RunAsync("lock", _assembly, "--accept");
        CliResult after = await CliRunner.RunAsync("lock", _assembly);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("VG3040: The named volume at /app/data was renamed", check.Output);
        Assert.Contains("volumegen migrate --from profiles --to profile-data", check.Output);
        Assert.Equal(0, accept.ExitCode);
        Assert.Contains("accepted VG3040", accept.Output);
        // The named volumes as accepted, and the whole declaration (the anonymous cache too) for the class libraries of the image.
        Assert.Equal(StorageLock.FromDeclarations(new[] { Mount.NamedVolume("/app/data", "profile-data"), Mount.NamedVolume("/app/logs", "logs"), Mount.AnonymousVolume("/app/cache") }, null, "App").ToJson(), File.ReadAllText(LockPath));
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("is up to date", after.Output);
    }

    [Fact]
    public async Task Lock_accept_creates_the_lock_beside_the_project_and_a_damaged_lock_exits_2_untouched()
    {
        CliResult none = await CliRunner.RunAsync("lock", _assembly);
        CliResult created = await CliRunner.RunAsync("lock", _assembly, "--accept");

        Assert.Equal(2, none.ExitCode);
        Assert.Contains("No storage lock", none.Error);
        Assert.Equal(0, created.ExitCode);
        Assert.True(File.Exists(LockPath), created.Output);

        File.WriteAllText(LockPath, "{ \"something\": 1 }");
        CliResult damaged = await CliRunner.RunAsync("lock", _assembly, "--accept");
        Assert.Equal(2, damaged.ExitCode);
        Assert.Contains("cannot be used", damaged.Error);
        Assert.Equal("{ \"something\": 1 }", File.ReadAllText(LockPath));
    }

    [Fact]
    public async Task Migrate_with_a_lock_that_records_no_rename_has_nothing_to_do_without_asking_the_engine()
    {
        File.WriteAllText(LockPath, StorageLock.FromMounts(new[] { Mount.NamedVolume("/app/data", "profile-data"), Mount.NamedVolume("/app/old", "uploads") }).ToJson());

        CliResult result = await CliRunner.RunAsync("migrate", _assembly, "--host", Unreachable);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not a rename, nothing to copy: VG3041", result.Output);
        Assert.Contains("Nothing to migrate", result.Output);
    }

    [Theory]
    [InlineData(new[] { "migrate" }, "Name the rename to migrate")]
    [InlineData(new[] { "migrate", "--from", "profiles" }, "--from and --to go together")]
    [InlineData(new[] { "migrate", "--from", "profiles", "--to", "profiles" }, "both name 'profiles'")]
    [InlineData(new[] { "migrate", "--from", "bad name", "--to", "profiles" }, "--from \"bad name\" is not a valid volume name")]
    [InlineData(new[] { "migrate", "--from", "profiles", "--to", "x" }, "--to \"x\" is not a valid volume name")]
    [InlineData(new[] { "backup" }, "Name what to back up")]
    [InlineData(new[] { "backup", "--volume", "bad name" }, "--volume \"bad name\" is not a valid volume name")]
    [InlineData(new[] { "restore", "/nonexistent/volumegen-backup" }, "does not exist")]
    public async Task Usage_errors_exit_2_with_a_message_and_no_output(string[] arguments, string message)
    {
        CliResult result = await CliRunner.RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Theory]
    [InlineData("ASSEMBLY", "--class", "Storage")]
    [InlineData("--from", "profiles", "--to", "profile-data", "--class", "Storage")]
    public async Task Migrate_refuses_a_class_it_would_ignore_before_asking_the_engine(params string[] arguments)
    {
        File.WriteAllText(LockPath, StorageLock.FromMounts(new[] { Mount.NamedVolume("/app/data", "profiles"), Mount.NamedVolume("/app/logs", "logs") }).ToJson());
        string[] full = Array.ConvertAll(arguments, a => a == "ASSEMBLY" ? _assembly : a);

        CliResult result = await CliRunner.RunAsync(new[] { "migrate" }.Concat(full).Concat(new[] { "--host", Unreachable }).ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--class goes with --from, --to and the assembly", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    // Issue 24: one message for a volume name Docker refuses — the CLI's commands and VolumeGen.Docker's API give the same words.
    [Theory]
    [InlineData("--from", "migrate", "--from", "bad name", "--to", "profiles")]
    [InlineData("--volume", "backup", "--volume", "bad name")]
    public async Task A_bad_volume_name_gets_the_one_volume_name_message(string option, params string[] arguments)
    {
        CliResult result = await CliRunner.RunAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(MountValidator.VolumeNameProblem("bad name", option)!, result.Error);
    }

    [Fact]
    public async Task Migrate_without_a_lock_names_the_options()
    {
        CliResult result = await CliRunner.RunAsync("migrate", _assembly);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No storage lock", result.Error);
        Assert.Contains("--from and --to", result.Error);
    }

    [Theory]
    [InlineData("migrate", "--from", "profiles", "--to", "profile-data")]
    [InlineData("backup", "--volume", "profiles")]
    [InlineData("restore", "BACKUP")]
    public async Task An_unreachable_engine_exits_2_naming_its_address(params string[] arguments)
    {
        string backup = Path.Combine(_temp.Path, "backup");
        Directory.CreateDirectory(backup);
        string[] full = Array.ConvertAll(arguments, a => a == "BACKUP" ? backup : a);
        Array.Resize(ref full, full.Length + 2);
        full[^2] = "--host";
        full[^1] = Unreachable;
        if (arguments[0] == "backup")
        {
            full = [.. full, "--output", Path.Combine(_temp.Path, "out")];
        }

        CliResult result = await CliRunner.RunAsync(full);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/volumegen-test.sock does not answer", result.Error);
    }
}
