using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Build.ContainerFileSearch;

/// <summary>
/// For a class library: the files of the apps whose images it is built into, so the analyzers can judge the library's
/// writes against the app (docs/analyzers.md, "Several projects, one image"). An app is found through a Dockerfile that
/// copies the library's project file and runs another project whose project file it copies too
/// (<see cref="DockerfileProjects"/>, the same rule the analyzers apply); its files are the storage lock beside its
/// project (<c>volumegen.lock.json</c>, which records its declarations) and its <c>appsettings*.json</c>. Which app
/// counts, if any, is the analyzers' call; this only lists what exists.
/// </summary>
public static class LibraryAppFiles
{
    /// <summary>
    /// The app files for the project file <paramref name="projectFile"/> (named also <paramref name="assemblyName"/>), read
    /// from <paramref name="dockerfiles"/> (full paths) with <paramref name="target"/> as the image's stage.
    /// </summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> dockerfiles, string projectFile, string? assemblyName = null, string? target = null)
    {
        string fullProject = Path.GetFullPath(projectFile);
        string projectFolder = Path.GetDirectoryName(fullProject) ?? string.Empty;
        var names = new List<string> { Path.GetFileNameWithoutExtension(fullProject) };
        if (!string.IsNullOrWhiteSpace(assemblyName) && !names.Contains(assemblyName!.Trim()))
        {
            names.Add(assemblyName.Trim());
        }

        var found = new List<string>();
        foreach (string path in dockerfiles)
        {
            if (!IsDockerfile(path) || Read(path) is not string text)
            {
                continue;
            }

            DockerfileProjects projects = DockerfileProjects.Of(Dockerfile.Parse(text), string.IsNullOrWhiteSpace(target) ? null : target);
            if (AppFolder(projects, names, fullProject) is not string folder || SameFolder(folder, projectFolder))
            {
                continue;
            }

            Add(found, Path.Combine(folder, StorageLock.DefaultFileName));
            if (Directory.Exists(folder))
            {
                var settings = new List<string>();
                foreach (string file in Directory.EnumerateFiles(folder, "appsettings*.json"))
                {
                    settings.Add(file);
                }

                settings.Sort(StringComparer.Ordinal);
                foreach (string file in settings)
                {
                    Add(found, file);
                }
            }
        }

        return found;
    }

    /// <summary>The app's project folder when the Dockerfile copies this project and the app's project and does not run this project.</summary>
    private static string? AppFolder(DockerfileProjects projects, IReadOnlyList<string> names, string projectFile)
    {
        foreach (string name in names)
        {
            if (projects.Runs(name))
            {
                return null;
            }
        }

        if (projects.AppProjectFile is not string appFile)
        {
            return null;
        }

        foreach (string name in names)
        {
            if (projects.CopiedProjectFile(name) is string copied
                && string.Equals(Path.GetFileName(copied), Path.GetFileName(projectFile), StringComparison.OrdinalIgnoreCase)
                && DockerfileProjects.BuildContext(copied, projectFile) is string context)
            {
                return Path.GetFullPath(DockerfileProjects.ProjectFolder(context, appFile));
            }
        }

        return null;
    }

    private static bool IsDockerfile(string path)
    {
        string name = Path.GetFileName(path);
        return name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException or ArgumentException or NotSupportedException)
        {
            return null; // an unreadable Dockerfile names no app; the analyzers cannot read it either
        }
    }

    private static void Add(List<string> found, string file)
    {
        if (File.Exists(file) && !found.Contains(file))
        {
            found.Add(file);
        }
    }

    private static bool SameFolder(string a, string b)
        => string.Equals(a.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), b.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.Ordinal);
}
