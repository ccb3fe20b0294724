using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>The task's storage lock step in-process (docs/migrations.md); the package tests build the same cases for real.</summary>
public sealed class StorageLockTaskTests : IDisposable
{
    private const string Dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n# >>> VolumeGen\n# <<< VolumeGen\n";

    private static readonly Mount[] Original =
    {
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.NamedVolume("/app/uploads", "uploads"),
        Mount.AnonymousVolume("/app/cache"),
    };

    private readonly TempFolder _folder = new();

    public StorageLockTaskTests() => File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);

    public void Dispose() => _folder.Dispose();

    private string LockPath => _folder.File("volumegen.lock.json");

    private string ObjCopy => _folder.File("obj/volumegen/volumegen.lock.json");

    private (WriteVolumeArtifacts Task, RecordingBuildEngine Engine) Task(params Mount[] mounts) => Task(ManifestAssembly.Of("Demo.AppStorage", mounts));

    private (WriteVolumeArtifacts Task, RecordingBuildEngine Engine) Task(VolumeManifest? manifest)
    {
        var engine = new RecordingBuildEngine();
        var task = new WriteVolumeArtifacts
        {
            BuildEngine = engine,
            AssemblyPath = ManifestAssembly.Write(_folder.Path, manifest),
            OutputAssemblyPath = _folder.File("bin/App.dll"),
            IntermediateDirectory = _folder.File("obj/volumegen/"),
            ProjectName = "Demo",
            Dockerfile = _folder.File("Dockerfile"),
            LockFile = LockPath,
        };
        return (task, engine);
    }

    private void Lock(params Mount[] mounts)
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(mounts);
        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(static e => e.Message)));
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void The_first_build_creates_the_lock_silently_and_an_unchanged_build_leaves_it()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Original);

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Equal(StorageLock.FromDeclarations(Original, null, "Demo").ToJson(), File.ReadAllText(LockPath));
        Assert.Equal(File.ReadAllText(LockPath), File.ReadAllText(ObjCopy));
        Assert.Contains(task.WrittenFiles, item => item.ItemSpec == LockPath);
        Assert.False(task.StorageChangesPending);

        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(LockPath, stamp);
        (task, engine) = Task(Original);
        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
        Assert.Empty(task.WrittenFiles);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(LockPath));
    }

    [Fact]
    public void A_project_that_declares_nothing_gets_no_lock()
    {
        (WriteVolumeArtifacts task, _) = Task(manifest: null);
        Assert.True(task.Execute());
        Assert.False(File.Exists(LockPath));
        Assert.False(File.Exists(ObjCopy));
    }

    [Fact]
    public void A_project_without_named_volumes_gets_a_lock_recording_its_other_mounts_and_ephemeral_paths_for_its_class_libraries()
    {
        var manifest = new VolumeManifest(new[] { new ManifestClass("Demo.AppStorage", new MountSet(Mount.AnonymousVolume("/app/cache"), Mount.Tmpfs("/app/tmp"))) }, new[] { "/app/logs" });
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(manifest);

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        StorageLock written = StorageLock.Parse(File.ReadAllText(LockPath));
        Assert.Empty(written.Volumes);
        Assert.Equal(new[] { Mount.AnonymousVolume("/app/cache"), Mount.Tmpfs("/app/tmp") }, written.DeclarationsOf("Demo")!.Mounts);
        Assert.Equal(new[] { "/app/logs" }, written.DeclarationsOf("Demo")!.EphemeralPaths);

        // Unchanged, it is current, in locked mode too; a changed declaration is out of date there (the libraries read it).
        (WriteVolumeArtifacts same, RecordingBuildEngine sameEngine) = Task(manifest);
        same.LockedMode = true;
        Assert.True(same.Execute(), string.Join("\n", sameEngine.Errors.Select(static e => e.Message)));
        var changed = new VolumeManifest(new[] { new ManifestClass("Demo.AppStorage", new MountSet(Mount.AnonymousVolume("/app/cache"), Mount.Tmpfs("/app/tmp"))) }, new[] { "/app/logs", "/app/previews" });
        (WriteVolumeArtifacts strict, RecordingBuildEngine strictEngine) = Task(changed);
        strict.LockedMode = true;
        Assert.False(strict.Execute());
        Assert.Equal("VG3044", Assert.Single(strictEngine.Errors).Code);
        Assert.Contains("ephemeral /app/previews", strictEngine.Errors[0].Message);
    }

    [Fact]
    public void Another_declaration_than_the_lock_records_is_recorded_silently_but_is_out_of_date_in_locked_mode()
    {
        Lock(Original);
        byte[] locked = File.ReadAllBytes(LockPath);
        Mount[] bound = Original.Append(Mount.Bind("./config", "/app/config", readOnly: true)).ToArray();

        (WriteVolumeArtifacts strict, RecordingBuildEngine strictEngine) = Task(bound);
        strict.LockedMode = true;
        Assert.False(strict.Execute());
        Assert.Equal("VG3044", Assert.Single(strictEngine.Errors).Code);
        Assert.Contains("another declared mount or ephemeral path changed", strictEngine.Errors[0].Message);
        Assert.Equal(locked, File.ReadAllBytes(LockPath));

        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(bound);
        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
        Assert.Equal(StorageLock.FromDeclarations(bound, null, "Demo").ToJson(), File.ReadAllText(LockPath));
    }

    [Fact]
    public void A_lock_written_before_declarations_were_recorded_is_completed_silently_and_is_not_out_of_date_in_locked_mode()
    {
        // As a lock of format 1 (lock format 2's rule): the project's volumes are current, so CI passes; the next build
        // without locked mode records the declarations, and until then a class library built into the image reports VG2009.
        string old = new StorageLock(new[] { new LockedVolume("profiles", "/app/data", "Demo"), new LockedVolume("uploads", "/app/uploads", "Demo") }).ToJson();
        File.WriteAllText(LockPath, old);
        (WriteVolumeArtifacts strict, RecordingBuildEngine strictEngine) = Task(Original);
        strict.LockedMode = true;

        Assert.True(strict.Execute(), string.Join("\n", strictEngine.Errors.Select(static e => e.Message)));
        Assert.Equal(old, File.ReadAllText(LockPath));

        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Original);
        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
        Assert.Equal(StorageLock.FromDeclarations(Original, null, "Demo").ToJson(), File.ReadAllText(LockPath));
    }

    [Fact]
    public void A_rename_warns_at_the_lock_line_with_both_declarations_and_the_commands_keeps_the_lock_and_still_writes_the_outputs()
    {
        Lock(Original);
        byte[] locked = File.ReadAllBytes(LockPath);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Mount.NamedVolume("/app/data", "profile-data"), Original[1], Original[2]);

        Assert.True(task.Execute());

        BuildWarningEventArgs warning = Assert.Single(engine.Warnings);
        Assert.Equal("VG3040", warning.Code);
        Assert.Equal(LockPath, warning.File);
        Assert.Equal(5, warning.LineNumber);
        Assert.Equal(BuildDiagnostics.GetHelpUri("VG3040"), warning.HelpLink);
        Assert.Contains("[PersistentVolume(\"/app/data\", Name = \"profiles\")]", warning.Message);
        Assert.Contains("[PersistentVolume(\"/app/data\", Name = \"profile-data\")]", warning.Message);
        Assert.Contains("volumegen migrate --from profiles --to profile-data", warning.Message);
        Assert.Contains("dotnet build -p:VolumeGenAcceptStorageChanges=true", warning.Message);
        Assert.Contains($"volumegen lock {_folder.File("bin/App.dll")} --lock-file {LockPath} --project Demo --accept", warning.Message);
        Assert.True(task.StorageChangesPending);
        Assert.Equal(locked, File.ReadAllBytes(LockPath));
        Assert.Contains("\"profile-data\"", File.ReadAllText(ObjCopy));
        Assert.Contains("VOLUME [\"/app/data\", \"/app/uploads\", \"/app/cache\"]", File.ReadAllText(_folder.File("Dockerfile")));

        // The lock keeps the old declaration, so the next build says it again.
        (task, engine) = Task(Mount.NamedVolume("/app/data", "profile-data"), Original[1], Original[2]);
        Assert.True(task.Execute());
        Assert.Equal("VG3040", Assert.Single(engine.Warnings).Code);
    }

    [Fact]
    public void Locked_mode_makes_every_stranding_change_an_error_and_nothing_is_written()
    {
        Lock(Original);
        byte[] locked = File.ReadAllBytes(LockPath);
        byte[] dockerfile = File.ReadAllBytes(_folder.File("Dockerfile"));
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Mount.NamedVolume("/app/data", "profile-data"), Mount.Tmpfs("/app/uploads"), Mount.AnonymousVolume("/app/cache"));
        task.LockedMode = true;

        Assert.False(task.Execute());

        Assert.Equal(new[] { "VG3040", "VG3042" }, engine.Errors.Select(static e => e.Code));
        Assert.All(engine.Errors, static e => Assert.Contains("VolumeGenLockedMode is on", e.Message));
        Assert.Empty(engine.Warnings);
        Assert.Empty(task.WrittenFiles);
        Assert.Equal(locked, File.ReadAllBytes(LockPath));
        Assert.Equal(dockerfile, File.ReadAllBytes(_folder.File("Dockerfile")));
    }

    [Fact]
    public void Accepting_records_the_change_with_a_message_and_no_warning()
    {
        Lock(Original);
        Mount[] renamed = { Mount.NamedVolume("/app/data", "profile-data"), Original[1], Original[2] };
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(renamed);
        task.AcceptStorageChanges = true;

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.False(task.StorageChangesPending);
        Assert.Equal(StorageLock.FromDeclarations(renamed, null, "Demo").ToJson(), File.ReadAllText(LockPath));
        Assert.Contains(engine.Messages, static m => m.Importance == MessageImportance.High && m.Message!.Contains("VolumeGen accepted VG3040", StringComparison.Ordinal));

        (task, engine) = Task(renamed);
        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void A_new_volume_is_recorded_silently_but_is_an_error_in_locked_mode_until_the_lock_is_committed()
    {
        Lock(Original);
        Mount[] added = Original.Append(Mount.NamedVolume("/app/keys", "keys", readOnly: true)).ToArray();
        byte[] locked = File.ReadAllBytes(LockPath);

        (WriteVolumeArtifacts strict, RecordingBuildEngine strictEngine) = Task(added);
        strict.LockedMode = true;
        Assert.False(strict.Execute());
        BuildErrorEventArgs error = Assert.Single(strictEngine.Errors);
        Assert.Equal("VG3044", error.Code);
        Assert.Contains("'keys' at /app/keys", error.Message);
        Assert.Equal(locked, File.ReadAllBytes(LockPath));

        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(added);
        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
        Assert.Equal(StorageLock.FromDeclarations(added, null, "Demo").ToJson(), File.ReadAllText(LockPath));
    }

    [Fact]
    public void Locked_mode_without_a_lock_is_an_error_and_writes_none()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Original);
        task.LockedMode = true;

        Assert.False(task.Execute());

        Assert.Equal("VG3044", Assert.Single(engine.Errors).Code);
        Assert.False(File.Exists(LockPath));
        Assert.Equal(Dockerfile, File.ReadAllText(_folder.File("Dockerfile")));
    }

    [Theory]
    [InlineData("{\"version\": 1, \"dependencies\": {}}\n", "not a VolumeGen lock")]
    [InlineData("{\n<<<<<<< HEAD\n  \"volumeGenLock\": 1\n=======\n>>>>>>> main\n}\n", "merge conflict markers")]
    [InlineData("{\"volumeGenLock\": 9}", "newer than this VolumeGen")]
    [InlineData("{\"volumeGenLock\": 1, \"volumes\": [{\"name\": \"profiles\", \"target\": \"/app/data\"}], \"volumes\": []}\n", "\"volumes\" appears twice")]
    public void A_lock_file_VolumeGen_cannot_use_is_an_error_and_nothing_is_written(string text, string reason)
    {
        File.WriteAllText(LockPath, text);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Original);

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("VG3045", error.Code);
        Assert.Contains(reason, error.Message);
        Assert.Equal(text, File.ReadAllText(LockPath));
        Assert.Equal(Dockerfile, File.ReadAllText(_folder.File("Dockerfile")));
        Assert.Empty(task.WrittenFiles);
    }

    [Fact]
    public void Two_projects_sharing_one_lock_file_keep_their_own_entries_and_never_see_each_others_volume_as_renamed()
    {
        (WriteVolumeArtifacts orders, RecordingBuildEngine ordersEngine) = Task(Mount.NamedVolume("/app/data", "orders-data"));
        orders.ProjectName = "Orders";
        orders.Dockerfile = string.Empty;
        Assert.True(orders.Execute());
        Assert.Empty(ordersEngine.Warnings);

        (WriteVolumeArtifacts billing, RecordingBuildEngine billingEngine) = Task(Mount.NamedVolume("/app/data", "billing-data"));
        billing.ProjectName = "Billing";
        billing.Dockerfile = string.Empty;
        Assert.True(billing.Execute());

        Assert.Empty(billingEngine.Warnings);
        Assert.False(billing.StorageChangesPending);
        string both = File.ReadAllText(LockPath);
        Assert.Contains("\"orders-data\"", both);
        Assert.Contains("\"billing-data\"", both);

        // A rename in one project is still caught, and names only that project's volumes.
        (WriteVolumeArtifacts renamed, RecordingBuildEngine renamedEngine) = Task(Mount.NamedVolume("/app/data", "orders-v2"));
        renamed.ProjectName = "Orders";
        renamed.Dockerfile = string.Empty;
        Assert.True(renamed.Execute());
        BuildWarningEventArgs warning = Assert.Single(renamedEngine.Warnings);
        Assert.Equal("VG3040", warning.Code);
        Assert.Contains("volumegen migrate --from orders-data --to orders-v2", warning.Message);
        Assert.DoesNotContain("billing", warning.Message);
        Assert.Equal(both, File.ReadAllText(LockPath));
    }

    [Fact]
    public void An_invalid_declaration_is_refused_without_calling_its_volumes_removed()
    {
        Lock(Original);
        byte[] locked = File.ReadAllBytes(LockPath);
        var manifest = new VolumeManifest(new[]
        {
            new ManifestClass("Demo.AppStorage", new MountSet(Original), new[] { new ManifestProblem("VG1006", "The class 'AppStorage' must be partial.") }),
        });
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(manifest);

        Assert.False(task.Execute());

        Assert.Equal("VG1006", Assert.Single(engine.Errors).Code);
        Assert.Empty(engine.Warnings);
        Assert.Equal(locked, File.ReadAllBytes(LockPath));
    }

    [Fact]
    public void When_the_last_declaration_goes_every_locked_volume_is_reported_removed()
    {
        Lock(Original);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task((VolumeManifest?)null);

        Assert.True(task.Execute());

        Assert.Equal(new[] { "VG3041", "VG3041" }, engine.Warnings.Select(static w => w.Code));
        Assert.Contains("volumegen backup --volume profiles", engine.Warnings[0].Message);
        Assert.Contains("volumegen backup --volume uploads", engine.Warnings[1].Message);
        Assert.Contains("(no named or anonymous volumes declared)", File.ReadAllText(_folder.File("Dockerfile")));
    }

    [Fact]
    public void A_rewrite_keeps_the_lock_files_bom_and_crlf()
    {
        byte[] bom = { 0xEF, 0xBB, 0xBF };
        File.WriteAllBytes(LockPath, bom.Concat(Encoding.UTF8.GetBytes(StorageLock.FromDeclarations(Original, null, "Demo").ToJson().Replace("\n", "\r\n"))).ToArray());
        Mount[] added = Original.Append(Mount.NamedVolume("/app/keys", "keys")).ToArray();
        (WriteVolumeArtifacts task, _) = Task(added);

        Assert.True(task.Execute());

        byte[] written = File.ReadAllBytes(LockPath);
        Assert.Equal(bom, written.Take(3));
        Assert.Equal(StorageLock.FromDeclarations(added, null, "Demo").ToJson().Replace("\n", "\r\n"), Encoding.UTF8.GetString(written, 3, written.Length - 3));
    }

    [Fact]
    public void A_symlinked_lock_is_written_through_the_link()
    {
        Directory.CreateDirectory(_folder.File("shared"));
        string real = _folder.File("shared/real.lock.json");
        File.WriteAllText(real, StorageLock.FromDeclarations(Original, null, "Demo").ToJson());
        File.CreateSymbolicLink(LockPath, real);
        Mount[] added = Original.Append(Mount.NamedVolume("/app/keys", "keys")).ToArray();

        Assert.True(Task(added).Task.Execute());

        Assert.NotNull(new FileInfo(LockPath).LinkTarget);
        Assert.Equal(StorageLock.FromDeclarations(added, null, "Demo").ToJson(), File.ReadAllText(real));
    }

    [Fact]
    public void The_lock_may_not_share_a_file_with_another_output()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Original);
        task.ComposeFile = LockPath;

        Assert.False(task.Execute());

        Assert.Equal("VG3007", Assert.Single(engine.Errors).Code);
        Assert.False(File.Exists(LockPath));
    }
}
