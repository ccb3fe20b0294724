using System;
using System.IO;
using System.Linq;
using System.Text;

namespace VolumeGen.Tests;

/// <summary>A lock file as one project reads and rewrites it: its own entries only, and the entries of format 1 it may claim.</summary>
public sealed class StorageLockFileTests : IDisposable
{
    private const string Legacy = "{\n  \"volumeGenLock\": 1,\n  \"volumes\": [\n    { \"name\": \"orders-data\", \"target\": \"/app/data\", \"kind\": \"volume\" },\n    { \"name\": \"shared\", \"target\": \"/app/shared\", \"kind\": \"volume\" }\n  ]\n}\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "volumegen-lockfile-" + Guid.NewGuid().ToString("N").Substring(0, 12));

    public StorageLockFileTests() => Directory.CreateDirectory(_folder);

    private string LockPath => Path.Combine(_folder, StorageLock.DefaultFileName);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Projects(params string[] names)
    {
        foreach (string name in names)
        {
            File.WriteAllText(Path.Combine(_folder, name + ".csproj"), "<Project />");
        }
    }

    [Fact]
    public void A_project_reads_and_replaces_only_its_own_entries()
    {
        Projects("Orders", "Billing");
        File.WriteAllText(LockPath, new StorageLock(new[] { new LockedVolume("orders-data", "/app/data", "Orders"), new LockedVolume("billing-data", "/app/data", "Billing") }).ToJson());
        Mount[] billing = { Mount.NamedVolume("/app/data", "billing-v2") };

        StorageLockFile file = StorageLockFile.Read(LockPath, "Billing", billing);
        StorageLock accepted = file.Accept(billing);

        Assert.Equal(new[] { "billing-data" }, file.Locked!.Volumes.Select(static v => v.Name));
        Assert.Equal(StorageChangeKind.Renamed, Assert.Single(StorageLockComparison.Compare(file.Locked, billing)).Kind);
        Assert.Equal(new[] { "Billing billing-v2", "Orders orders-data" }, accepted.Volumes.Select(static v => v.Project + " " + v.Name));
        Assert.True(file.NeedsWrite(accepted));
        Assert.Null(StorageLockFile.Read(LockPath, "Shipping", billing).Locked);
    }

    [Fact]
    public void A_format_1_lock_beside_its_only_project_is_that_projects_and_is_rewritten_as_format_2_with_its_conventions()
    {
        Projects("Orders");
        File.WriteAllBytes(LockPath, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Legacy.Replace("\n", "\r\n"))).ToArray());
        Mount[] orders = { Mount.NamedVolume("/app/data", "orders-data"), Mount.NamedVolume("/app/shared", "shared") };

        StorageLockFile file = StorageLockFile.Read(LockPath, "Orders", orders);
        StorageLock accepted = file.Accept(orders);
        string written = Encoding.UTF8.GetString(file.Encode(accepted));

        Assert.Equal(2, file.Locked!.Volumes.Count);
        Assert.Empty(StorageLockComparison.Compare(file.Locked, orders));
        Assert.True(file.NeedsWrite(accepted));
        Assert.All(accepted.Volumes, static v => Assert.Equal("Orders", v.Project));
        Assert.StartsWith("\uFEFF{\r\n  \"volumeGenLock\": 2,", written);
        File.WriteAllBytes(LockPath, file.Encode(accepted));
        StorageLockFile again = StorageLockFile.Read(LockPath, "Orders", orders);
        Assert.False(again.NeedsWrite(again.Accept(orders)));
    }

    [Fact]
    public void Beside_several_projects_a_format_1_entry_belongs_only_to_a_project_that_declares_its_name()
    {
        Projects("Orders", "Billing");
        File.WriteAllText(LockPath, Legacy);
        Mount[] billing = { Mount.NamedVolume("/app/data", "billing-data"), Mount.NamedVolume("/app/shared", "shared") };

        StorageLockFile file = StorageLockFile.Read(LockPath, "Billing", billing);
        StorageLock accepted = file.Accept(billing);

        // 'orders-data' at /app/data is not Billing's: no rename to 'billing-data' is reported, and its entry stays as it was.
        Assert.Equal(new[] { "shared" }, file.Locked!.Volumes.Select(static v => v.Name));
        Assert.Empty(StorageLockComparison.Compare(file.Locked, billing));
        Assert.Contains(new LockedVolume("orders-data", "/app/data"), accepted.Volumes);
        Assert.Contains(new LockedVolume("shared", "/app/shared", "Billing"), accepted.Volumes);
        Assert.DoesNotContain(new LockedVolume("shared", "/app/shared"), accepted.Volumes);
    }

    [Fact]
    public void A_format_1_lock_in_a_folder_without_project_files_is_the_reading_projects()
    {
        File.WriteAllText(LockPath, Legacy);
        Mount[] renamed = { Mount.NamedVolume("/app/data", "orders-v2"), Mount.NamedVolume("/app/shared", "shared") };

        StorageLockFile file = StorageLockFile.Read(LockPath, "Orders", renamed);

        Assert.Equal(StorageChangeKind.Renamed, Assert.Single(StorageLockComparison.Compare(file.Locked!, renamed)).Kind);
    }

    [Fact]
    public void A_missing_file_is_an_empty_lock_and_a_damaged_one_is_refused()
    {
        StorageLockFile missing = StorageLockFile.Read(LockPath, "Orders", Array.Empty<Mount>());
        File.WriteAllText(LockPath, "{ \"volumeGenLock\": 2, \"volumes\": [], \"volumes\": [] }");

        Assert.False(missing.Exists);
        Assert.Null(missing.Locked);
        Assert.Contains("\"volumes\" appears twice", Assert.Throws<FormatException>(() => StorageLockFile.Read(LockPath, "Orders", Array.Empty<Mount>())).Message);
    }
}
