using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Build.ContainerFileSearch;

/// <summary>
/// Where a project's Dockerfiles and compose files may live: the project folder; its conventional sub-folders
/// (<c>docker/</c>, <c>.docker/</c>, <c>deploy/</c>, <c>deployment/</c>); every folder above it up to the repository root
/// (the nearest folder holding <c>.git</c>), however deep the project is, each with its conventional sub-folders; and
/// anywhere below the repository root (<see cref="BelowRoot"/>, bounded). Without a repository root nothing outside the
/// project folder is searched. Names follow <see cref="ContainerFileNames"/>. Which of the files builds the project is
/// <see cref="ContainerFileSelection"/>'s call; this only lists them, and never opens a file.
/// </summary>
public static class ContainerFileLocations
{
    /// <summary>At most this many folders below the repository root are listed (<see cref="BelowRoot"/>).</summary>
    public const int MaxFoldersBelowRoot = 4000;

    /// <summary>Folders deeper than this below the repository root are not listed (<see cref="BelowRoot"/>).</summary>
    public const int MaxDepthBelowRoot = 10;

    /// <summary>The sub-folders searched in the project folder and in each folder above it.</summary>
    public static IReadOnlyList<string> ConventionalFolders { get; } = new[] { "docker", ".docker", "deploy", "deployment" };

    /// <summary>Folders the search below the repository root never enters, besides every folder whose name starts with <c>.</c>.</summary>
    public static IReadOnlyList<string> SkippedFolders { get; } = new[] { "bin", "obj", "node_modules" };

    /// <summary>The container files in the project folder itself, ordinal order.</summary>
    public static IReadOnlyList<string> InProjectFolder(string projectDirectory)
    {
        var found = new List<string>();
        AddFiles(found, Path.GetFullPath(projectDirectory));
        return found;
    }

    /// <summary>
    /// The container files near the project in <paramref name="projectDirectory"/> (its own folder's files excluded: see
    /// <see cref="InProjectFolder"/>): its conventional sub-folders, then each folder above it up to the repository root
    /// with its conventional sub-folders, nearest first.
    /// </summary>
    public static IReadOnlyList<string> Find(string projectDirectory)
    {
        var found = new List<string>();
        string project = Path.GetFullPath(projectDirectory);
        AddConventionalFolders(found, project);

        string? root = RepositoryRoot(project);
        if (root is null || SamePath(root, project))
        {
            return found;
        }

        for (DirectoryInfo? folder = Directory.GetParent(Trim(project)); folder is not null; folder = folder.Parent)
        {
            AddFiles(found, folder.FullName);
            AddConventionalFolders(found, folder.FullName);
            if (SamePath(folder.FullName, root))
            {
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// The container files anywhere below <paramref name="root"/> (the repository root), breadth first, skipping
    /// <see cref="SkippedFolders"/>, folders whose name starts with <c>.</c> and linked folders; at most
    /// <see cref="MaxFoldersBelowRoot"/> folders, none deeper than <see cref="MaxDepthBelowRoot"/>. A folder that cannot
    /// be listed is passed over.
    /// </summary>
    public static RepositoryFiles BelowRoot(string root)
    {
        var found = new List<string>();
        var queue = new Queue<(string Folder, int Depth)>();
        queue.Enqueue((Path.GetFullPath(root), 0));
        int listed = 0;
        string? stopped = null;
        while (queue.Count > 0)
        {
            (string folder, int depth) = queue.Dequeue();
            if (listed == MaxFoldersBelowRoot)
            {
                stopped = $"it listed {MaxFoldersBelowRoot} folders";
                break;
            }

            listed++;
            var files = new List<string>();
            var folders = new List<string>();
            try
            {
                foreach (FileSystemInfo entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
                {
                    if (entry is DirectoryInfo sub)
                    {
                        if (!sub.Name.StartsWith(".", StringComparison.Ordinal) && !IsSkipped(sub.Name) && (sub.Attributes & FileAttributes.ReparsePoint) == 0)
                        {
                            folders.Add(sub.FullName);
                        }
                    }
                    else if (ContainerFileNames.IsContainerFile(entry.Name))
                    {
                        files.Add(entry.FullName);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SecurityException)
            {
                continue;
            }

            files.Sort(StringComparer.Ordinal);
            found.AddRange(files);
            folders.Sort(StringComparer.Ordinal);
            if (depth == MaxDepthBelowRoot && folders.Count > 0)
            {
                stopped ??= $"it does not look deeper than {MaxDepthBelowRoot} folders below the root";
                continue;
            }

            foreach (string sub in folders)
            {
                queue.Enqueue((sub, depth + 1));
            }
        }

        return new RepositoryFiles(found, stopped);
    }

    /// <summary>The nearest folder at or above <paramref name="folder"/> that holds <c>.git</c> (a folder, or a file in a worktree), or null.</summary>
    public static string? RepositoryRoot(string folder)
    {
        for (DirectoryInfo? current = new(folder); current is not null; current = current.Parent)
        {
            string git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return current.FullName;
            }
        }

        return null;
    }

    private static bool IsSkipped(string name)
    {
        foreach (string skipped in SkippedFolders)
        {
            if (string.Equals(name, skipped, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddConventionalFolders(List<string> found, string folder)
    {
        foreach (string name in ConventionalFolders)
        {
            string sub = Path.Combine(folder, name);
            if (Directory.Exists(sub))
            {
                AddFiles(found, sub);
            }
        }
    }

    private static void AddFiles(List<string> found, string folder)
    {
        var files = new List<string>();
        try
        {
            foreach (string file in Directory.EnumerateFiles(folder))
            {
                if (ContainerFileNames.IsContainerFile(Path.GetFileName(file)))
                {
                    files.Add(file);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SecurityException)
        {
            return; // a folder that cannot be listed holds nothing the search can use
        }

        files.Sort(StringComparer.Ordinal);
        found.AddRange(files);
    }

    private static string Trim(string path) => path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    private static bool SamePath(string a, string b) => string.Equals(Trim(a), Trim(b), StringComparison.Ordinal);
}
