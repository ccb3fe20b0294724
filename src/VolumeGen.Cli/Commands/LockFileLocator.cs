using System;
using System.Collections.Generic;
using System.IO;

namespace VolumeGen.Cli.Commands;

/// <summary>
/// Finds the storage lock of a built assembly and the project whose entries are its own, where the build keeps them:
/// the <c>volumegen.lock.json</c> beside the nearest project file above the assembly (never one further up, which
/// belongs to another project), under that project's name (docs/migrations.md). An assembly with no project file
/// above it (copied elsewhere) uses the nearest lock above it, under the assembly's name.
/// </summary>
internal static class LockFileLocator
{
    /// <summary>
    /// The lock: <paramref name="explicitPath"/> when given, else the one in the nearest folder at or above the
    /// assembly that holds a project file, else (no project file) the nearest lock at or above the assembly. The project: <paramref name="explicitProject"/> when given, else the only
    /// project file in that folder (or the lock's), else the one named like the assembly, else — no project file — the
    /// assembly's name (the SDK names an assembly after its project). A <see cref="CliException"/> when it cannot tell.
    /// </summary>
    public static (string Path, string Project) Find(string assembly, string? explicitPath, string? explicitProject)
    {
        string assemblyName = Path.GetFileNameWithoutExtension(assembly);
        string? projectFolder = ProjectFiles.FolderAtOrAbove(Path.GetDirectoryName(Path.GetFullPath(assembly)) ?? ".");
        string path;
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            path = Path.GetFullPath(explicitPath!);
        }
        else if (projectFolder is not null)
        {
            path = Path.Combine(projectFolder, StorageLock.DefaultFileName);
        }
        else
        {
            path = NearestLockAbove(Path.GetDirectoryName(Path.GetFullPath(assembly)) ?? ".")
                ?? throw new CliException($"No storage lock ({StorageLock.DefaultFileName}) and no project file (*.csproj) in the folder of '{assembly}' or above it. Name the lock with --lock-file (with --accept, to create it), and the project with --project.");
        }

        if (!string.IsNullOrWhiteSpace(explicitProject))
        {
            return (path, explicitProject!.Trim());
        }

        string folder = projectFolder ?? Path.GetDirectoryName(path) ?? ".";
        IReadOnlyList<string> projects = ProjectFiles.NamesIn(folder);
        if (projects.Count == 0)
        {
            return (path, assemblyName);
        }

        if (projects.Count == 1)
        {
            return (path, projects[0]);
        }

        foreach (string project in projects)
        {
            if (string.Equals(project, assemblyName, StringComparison.Ordinal))
            {
                return (path, project);
            }
        }

        throw new CliException($"The folder '{folder}' holds the projects {string.Join(", ", projects)}, and none is named like '{Path.GetFileName(assembly)}', so VolumeGen cannot tell whose entries of the storage lock to read. Name the project that builds it with --project.");
    }

    private static string? NearestLockAbove(string folder)
    {
        for (string? current = folder; current is not null; current = Path.GetDirectoryName(current))
        {
            string candidate = Path.Combine(current, StorageLock.DefaultFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads <paramref name="path"/> for <paramref name="project"/>; an unreadable or damaged lock is a <see cref="CliException"/>.</summary>
    public static StorageLockFile Read(string path, string project, MountSet declared)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"The storage lock '{path}' is a folder. Name a file with --lock-file, e.g. {StorageLock.DefaultFileName}.");
        }

        try
        {
            return StorageLockFile.Read(path, project, declared);
        }
        catch (FormatException exception)
        {
            throw new CliException($"The storage lock '{path}' cannot be used: {exception.Message} Nothing was changed.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliException($"Cannot read the storage lock '{path}': {exception.Message}");
        }
    }
}
