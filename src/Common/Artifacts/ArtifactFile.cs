using System;
using System.IO;

namespace VolumeGen.Artifacts;

/// <summary>
/// The one all-or-nothing write of every file VolumeGen writes — the build task's outputs, and the CLI's storage lock,
/// compose and Kubernetes files and backup manifest (shared source, linked into each assembly that writes). Writes a
/// file only when its bytes change, and keeps the file's identity: a symbolic link is written through (its target
/// changes, the link stays a link), and the mode, owner, group and hard links stay as they were. Atomically where that
/// keeps them — a temporary file in the same folder, flushed to the disk, given the old file's mode and owner, then a
/// rename — and in place where a rename cannot (a file with hard links, an owner this process cannot give, a system
/// whose file status cannot be read). Either way a failed write (a full disk included) leaves the old bytes, and a
/// read-only file is refused even for root.
/// </summary>
internal static class ArtifactFile
{
    /// <summary>True when <paramref name="path"/> was written; false when it already held exactly <paramref name="content"/>.</summary>
    /// <exception cref="IOException">The file could not be written; the old file is unchanged and no temporary file is left.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is read-only (for the current user), or it or its folder is not writable; the old file is unchanged.</exception>
    public static bool WriteIfChanged(string path, byte[] content)
    {
        string full = FileIdentity.FinalPath(Path.GetFullPath(path));
        if (FileIdentity.KindOf(full) == FileKind.Other)
        {
            throw new IOException($"'{full}' is not a regular file (a FIFO, socket or device); VolumeGen neither reads nor replaces it.");
        }
        if (File.Exists(full) && SameBytes(File.ReadAllBytes(full), content))
        {
            return false;
        }

        // The rename below needs only the folder's permission: it would silently replace a file its owner made
        // read-only (chmod a-w, or the Windows read-only attribute). Respect the file's own protection instead.
        if (File.Exists(full) && (File.GetAttributes(full) & FileAttributes.ReadOnly) != 0)
        {
            throw new UnauthorizedAccessException($"'{full}' is read-only; make it writable (chmod u+w, or clear the read-only attribute) so VolumeGen can update it.");
        }

        string folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        if (!File.Exists(full))
        {
            WriteByRename(full, folder, content, existing: null);
            return true;
        }

        if (FileIdentity.IsWindows)
        {
            WriteByRename(full, folder, content, existing: null);
            return true;
        }

        FileStatus? status = FileIdentity.TryStat(full);
        if (status is null || status.Value.Links > 1)
        {
            // A rename would cut the other hard links loose (or could not keep what it cannot read).
            WriteInPlace(full, content);
            return true;
        }

        if (!WriteByRename(full, folder, content, status))
        {
            WriteInPlace(full, content);
        }

        return true;
    }

    /// <summary>True when <paramref name="path"/> (through any symbolic link) does not already hold exactly <paramref name="content"/>.</summary>
    public static bool NeedsWrite(string path, byte[] content)
    {
        string full = FileIdentity.FinalPath(Path.GetFullPath(path));
        return !(File.Exists(full) && SameBytes(File.ReadAllBytes(full), content));
    }

    /// <summary>
    /// Throws when an existing <paramref name="path"/> cannot be written: read-only (for its owner, root included)
    /// or refused by the system (immutable, no permission). Opening for writing changes no byte and no timestamp.
    /// </summary>
    public static void CheckWritable(string path)
    {
        string full = FileIdentity.FinalPath(Path.GetFullPath(path));
        if (!File.Exists(full))
        {
            return;
        }

        if ((File.GetAttributes(full) & FileAttributes.ReadOnly) != 0)
        {
            throw new UnauthorizedAccessException($"'{full}' is read-only; make it writable (chmod u+w, or clear the read-only attribute) so VolumeGen can update it.");
        }

        using (new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
        }
    }

    /// <summary>Temporary file, the old file's mode and owner, rename. False (nothing changed) when the owner cannot be given.</summary>
    private static bool WriteByRename(string full, string folder, byte[] content, FileStatus? existing)
    {
        // A dot name holding "volumegen": never a container file (ContainerFileNames), so the search never hands it to the analyzers.
        string temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".volumegen.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content, 0, content.Length);

                // On the disk before the rename makes it the file: a crash right after never leaves an empty one.
                stream.Flush(flushToDisk: true);
            }

            if (existing is FileStatus status)
            {
                FileStatus? created = FileIdentity.TryStat(temporary);
                if (created is null
                    || ((created.Value.Owner != status.Owner || created.Value.Group != status.Group) && !FileIdentity.TrySetOwner(temporary, status))
                    || !FileIdentity.TrySetMode(temporary, status))
                {
                    return false;
                }
            }

            if (File.Exists(full))
            {
                File.Replace(temporary, full, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, full);
            }

            return true;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Overwrites the file's own bytes, so its inode — mode, owner, hard links, extended attributes — stays. The
    /// part beyond the old length is written first: when the disk is full that fails before any old byte changed,
    /// and the file is cut back to its old length. Should the overwrite itself fail, the old bytes are put back.
    /// </summary>
    private static void WriteInPlace(string full, byte[] content)
    {
        using var stream = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        byte[] old = new byte[stream.Length];
        int read = 0;
        while (read < old.Length)
        {
            int n = stream.Read(old, read, old.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        int oldLength = read;
        if (content.Length > oldLength)
        {
            try
            {
                stream.Position = oldLength;
                stream.Write(content, oldLength, content.Length - oldLength);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                stream.SetLength(oldLength);
                throw;
            }
        }

        try
        {
            stream.Position = 0;
            stream.Write(content, 0, Math.Min(content.Length, oldLength));
            if (content.Length < oldLength)
            {
                stream.SetLength(content.Length);
            }

            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            stream.Position = 0;
            stream.Write(old, 0, oldLength);
            stream.SetLength(oldLength);
            stream.Flush(flushToDisk: true);
            throw;
        }
    }

    private static bool SameBytes(byte[] left, byte[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // Best effort: the real error (if any) is already on its way to the caller.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
