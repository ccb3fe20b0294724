using System;
using System.Collections.Generic;
using System.IO;

namespace VolumeGen.Build.ContainerFileSearch;

/// <summary>
/// Where a project's Dockerfile and compose files live when they are not in the project folder: the folders above it
/// up to the repository root (the nearest folder holding <c>.git</c>), and in each of them and in the project folder the
/// conventional sub-folders (<c>docker/</c>, <c>.docker/</c>, <c>deploy/</c>, <c>deployment/</c>). Without a repository
/// root nothing above the project folder is searched. Which of the files builds this project is the analyzers' call
/// (they read the files); this only lists them.
/// </summary>
public static class ContainerFileLocations
{
    /// <summary>The sub-folders searched in each folder.</summary>
    public static IReadOnlyList<string> ConventionalFolders { get; } = new[] { "docker", ".docker", "deploy", "deployment" };

    private const int MaxLevels = 12;

    /// <summary>The container files found for the project in <paramref name="projectDirectory"/> (its own folder's files excluded: the targets add those).</summary>
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

        DirectoryInfo? folder = Directory.GetParent(project.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        for (int level = 0; folder is not null && level < MaxLevels; level++, folder = folder.Parent)
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

    /// <summary><c>Dockerfile</c>, <c>Dockerfile.prod</c>, <c>api.dockerfile</c>, <c>compose.yaml</c>, <c>docker-compose.override.yml</c>; never VolumeGen's own outputs.</summary>
    public static bool IsContainerFile(string fileName)
    {
        if (fileName.IndexOf("volumegen", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return false;
        }

        bool yaml = fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
        return fileName.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase)
            || (yaml && (fileName.StartsWith("compose", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase)));
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
        foreach (string file in Directory.EnumerateFiles(folder))
        {
            if (IsContainerFile(Path.GetFileName(file)))
            {
                files.Add(file);
            }
        }

        files.Sort(StringComparer.Ordinal);
        found.AddRange(files);
    }

    private static bool SamePath(string a, string b)
        => string.Equals(a.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), b.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.Ordinal);
}
