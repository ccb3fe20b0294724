using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using VolumeGen.Artifacts;

namespace VolumeGen.Build;

/// <summary>The storage lock step of the task (docs/migrations.md): compare, warn or refuse, and keep the lock.</summary>
public sealed partial class WriteVolumeArtifacts
{
    /// <summary>The storage lock (<c>VolumeGenLockFile</c>, default the project folder's <c>volumegen.lock.json</c>); empty for none.</summary>
    public string? LockFile { get; set; }

    /// <summary>CI mode (<c>VolumeGenLockedMode</c>): a stranding change or an out-of-date lock is an error and the lock is never written.</summary>
    public bool LockedMode { get; set; }

    /// <summary><c>VolumeGenAcceptStorageChanges</c>: this build accepts the stranding changes and records them in the lock.</summary>
    public bool AcceptStorageChanges { get; set; }

    /// <summary>The assembly in the output folder (<c>$(TargetPath)</c>), for the commands the lock diagnostics print; default <see cref="AssemblyPath"/>.</summary>
    public string? OutputAssemblyPath { get; set; }

    /// <summary>True when this run reported stranding changes it did not accept: the lock was left as it was, and the next build must check again.</summary>
    [Output]
    public bool StorageChangesPending { get; private set; }

    /// <summary>
    /// Compares the declarations with this project's entries of the lock (<see cref="StorageLockFile"/>: a lock may hold
    /// the entries of several projects). New volumes and harmless changes are recorded silently; a change that strands
    /// data is a warning (an error in locked mode) naming both declarations and the command that saves the data, and
    /// the lock keeps the old declaration until the change is accepted. The lock also records the project's declared
    /// mounts and ephemeral paths, for the class libraries built into the image. It is one of the planned files, so it
    /// is written with every other output or not at all, and only this project's entries change.
    /// </summary>
    private void PlanStorageLock(MountSet mounts, IReadOnlyList<string> ephemeralPaths)
    {
        if (_settings.LockFile is not string path || !TryReadLock(path, mounts, out StorageLockFile? file))
        {
            return;
        }

        StorageLock? locked = file!.Locked;
        var desired = StorageLock.FromDeclarations(mounts, ephemeralPaths, _settings.LockProject);
        // A project that declares nothing needs no lock: no data to strand, and nothing for a class library to learn.
        if (locked is null && file.Recorded is null && desired.Volumes.Count == 0 && desired.Declarations.Count == 0)
        {
            return;
        }

        // What accepting would write: diff it against the lock to review a change before accepting it.
        StorageLock accepted = file.Accept(mounts, ephemeralPaths);
        PlanIntermediate(StorageLock.DefaultFileName, accepted.ToJson());
        string name = Path.GetFileName(path);
        if (locked is null)
        {
            if (_settings.LockedMode)
            {
                if (!file.IsCurrent(desired))
                {
                    Error(BuildDiagnostics.LockOutOfDate, path, 0,
                        $"VolumeGenLockedMode is on, but the storage lock '{path}' records {(file.Recorded is null ? "nothing" : Names(StorageLock.Empty, file.Recorded))} of the project '{_settings.LockProject}', which declares {Names(desired, desired.DeclarationsOf(_settings.LockProject))}. Build once without VolumeGenLockedMode (or run 'volumegen lock <assembly> --lock-file {ShellQuoting.Quote(path)} --accept') and commit {name}.");
                }

                return;
            }

            if (file.NeedsWrite(accepted))
            {
                _plan.File(path, file.Encode(accepted), "the storage lock (VolumeGenLockFile)");
            }

            return;
        }

        IReadOnlyList<StorageChange> changes = StorageLockComparison.Compare(locked, mounts);
        if (changes.Count > 0)
        {
            foreach (StorageChange change in changes)
            {
                int line = file.LineOf(change.Locked);
                if (_settings.LockedMode)
                {
                    Error(change.Id, path, line, change.Describe() + $" VolumeGenLockedMode is on, so {name} is not updated: accept the change where the lock is kept (dotnet build -p:VolumeGenAcceptStorageChanges=true) and commit {name}.");
                }
                else if (!_settings.AcceptStorageChanges)
                {
                    Warning(change.Id, path, line, change.Describe() + " " + AcceptHint(path, name));
                }
                else
                {
                    Log.LogMessage(MessageImportance.High, "VolumeGen accepted {0} and records it in {1}: {2}", change.Id, name, change.Describe());
                }
            }

            if (_settings.LockedMode)
            {
                return;
            }

            if (!_settings.AcceptStorageChanges)
            {
                StorageChangesPending = true;
                return;
            }
        }

        if (_settings.LockedMode)
        {
            // A lock of the older format, or with entries of format 1 to claim, is not out of date: the next build without locked mode rewrites it.
            if (!file.IsCurrent(desired))
            {
                Error(BuildDiagnostics.LockOutOfDate, path, 0,
                    $"VolumeGenLockedMode is on, but the storage lock '{path}' is out of date: it records {Names(locked, file.Recorded)}, the code declares {Names(desired, desired.DeclarationsOf(_settings.LockProject))} (nothing is left behind: a volume was added, a volume gained a mount point, or another declared mount or ephemeral path changed, which the class libraries built into the image read). Build once without VolumeGenLockedMode, review the change to {name} and commit it.");
            }

            return;
        }

        if (file.NeedsWrite(accepted))
        {
            _plan.File(path, file.Encode(accepted), "the storage lock (VolumeGenLockFile)");
        }
    }

    private string AcceptHint(string path, string name)
    {
        string assembly = _settings.OutputAssemblyPath;
        string project = string.Equals(Path.GetFileNameWithoutExtension(assembly), _settings.LockProject, StringComparison.Ordinal) ? string.Empty : " --project " + ShellQuoting.Quote(_settings.LockProject);
        return $"When the data is safe, accept the change so the lock records it: dotnet build -p:VolumeGenAcceptStorageChanges=true (or volumegen lock {ShellQuoting.Quote(assembly)} --lock-file {ShellQuoting.Quote(path)}{project} --accept). "
            + $"Until then {name} keeps the old declaration and every build repeats this warning; VolumeGenLockedMode=true makes it an error.";
    }

    /// <summary>Reads the lock for this project; a missing file is an empty lock. A file that is not a VolumeGen lock is refused (VG3045) and left untouched.</summary>
    private bool TryReadLock(string path, MountSet mounts, out StorageLockFile? file)
    {
        file = null;
        if (Directory.Exists(path))
        {
            Error(BuildDiagnostics.UnusableLock, path, 0, $"VolumeGenLockFile names '{path}', which is a folder. Name a file, e.g. {StorageLock.DefaultFileName}.");
            return false;
        }

        if (FileIdentity.KindOf(path) == FileKind.Other)
        {
            // Never opened: reading a FIFO waits for a writer, and the build with it.
            Error(BuildDiagnostics.UnusableLock, path, 0, $"VolumeGenLockFile names '{path}', which is not a regular file (a FIFO, socket or device); VolumeGen did not open it and wrote nothing. Name a file, e.g. {StorageLock.DefaultFileName}.");
            return false;
        }

        try
        {
            file = StorageLockFile.Read(path, _settings.LockProject, mounts);
            return true;
        }
        catch (FormatException exception)
        {
            Error(BuildDiagnostics.UnusableLock, path, 0,
                $"The storage lock '{path}' cannot be used: {exception.Message} VolumeGen wrote nothing and left the file untouched. If the file is not VolumeGen's, point VolumeGenLockFile at another file; to start a new lock from the current declarations (accepting every change since the old one), delete it and build.");
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Error(BuildDiagnostics.UnusableLock, path, 0, $"VolumeGen could not read the storage lock '{path}' ({exception.Message}); nothing was written. Make it readable.");
            return false;
        }
    }

    private static string Names(StorageLock storageLock, ProjectDeclarations? declarations)
    {
        string volumes = storageLock.Volumes.Count == 0 ? "(none)" : string.Join(", ", System.Linq.Enumerable.Select(storageLock.Volumes, static v => v.ToString()));
        if (declarations is null)
        {
            return volumes;
        }

        var others = new List<string>();
        foreach (Mount mount in declarations.Mounts)
        {
            if (mount.Kind != MountKind.NamedVolume)
            {
                others.Add(mount.ToString());
            }
        }

        foreach (string path in declarations.EphemeralPaths)
        {
            others.Add("ephemeral " + path);
        }

        return others.Count == 0 ? volumes : volumes + "; " + string.Join(", ", others);
    }
}
