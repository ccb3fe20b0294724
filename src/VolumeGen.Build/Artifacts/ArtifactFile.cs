using System;
using System.IO;

namespace VolumeGen.Build.Artifacts;

/// <summary>Writes a file only when its bytes change, atomically: a temporary file in the same folder, then a rename over the old one.</summary>
public static class ArtifactFile
{
    /// <summary>True when <paramref name="path"/> was written; false when it already held exactly <paramref name="content"/>.</summary>
    /// <exception cref="IOException">The file could not be written; the old file is unchanged and no temporary file is left.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is read-only (for the current user), or it or its folder is not writable; the old file is unchanged.</exception>
    public static bool WriteIfChanged(string path, byte[] content)
    {
        string full = Path.GetFullPath(path);
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

        // A dot name outside the Dockerfile*/compose* globs, so the analyzers' AdditionalFiles never pick it up.
        string temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".volumegen.tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            if (File.Exists(full))
            {
                File.Replace(temporary, full, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, full);
            }
        }
        finally
        {
            TryDelete(temporary);
        }

        return true;
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
