using System.IO;
using System.Linq;

namespace VolumeGen.Cli.Commands;

/// <summary>Finds the storage lock of a built assembly: the <c>volumegen.lock.json</c> beside its project (docs/migrations.md).</summary>
internal static class LockFileLocator
{
    /// <summary>
    /// <paramref name="explicitPath"/> when given; else the first <c>volumegen.lock.json</c> in the assembly's folder or
    /// above it (bin/Release/net10.0/App.dll → the project folder); else, when <paramref name="forCreation"/>, where
    /// the build would write it: the first folder above the assembly holding a project file. Null when none is found.
    /// </summary>
    public static string? Find(string assembly, string? explicitPath, bool forCreation)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath!);
        }

        for (string? folder = Path.GetDirectoryName(Path.GetFullPath(assembly)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            string candidate = Path.Combine(folder, StorageLock.DefaultFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        if (!forCreation)
        {
            return null;
        }

        for (string? folder = Path.GetDirectoryName(Path.GetFullPath(assembly)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.EnumerateFiles(folder, "*.*proj").Any())
            {
                return Path.Combine(folder, StorageLock.DefaultFileName);
            }
        }

        return null;
    }

    /// <summary>Reads the lock at <paramref name="path"/>; an unreadable or damaged one is a <see cref="CliException"/>.</summary>
    public static StorageLock Read(string path)
    {
        try
        {
            return StorageLock.Parse(File.ReadAllText(path));
        }
        catch (System.FormatException exception)
        {
            throw new CliException($"The storage lock '{path}' cannot be used: {exception.Message}");
        }
        catch (System.Exception exception) when (exception is IOException or System.UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read the storage lock '{path}': {exception.Message}");
        }
    }
}
