using System;
using System.Collections.Generic;
using System.IO;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Build.ContainerFileSearch;

/// <summary>
/// For a class library: the files of the apps whose images it is built into, so the analyzers can judge the library's
/// writes against the app (docs/analyzers.md, "Several projects, one image"). The rule is the analyzers' own: no
/// Dockerfile builds the project and one ships it in another app's image (<see cref="ContainerFileSelection.ShippedIn"/>);
/// the app's project folder is where that Dockerfile copies the app's project file from
/// (<see cref="DockerfileProjects.AppFolder"/>). Its files are the storage lock beside the app's project
/// (<c>volumegen.lock.json</c>, which records the app's declarations) and its <c>appsettings*.json</c>. Which app counts,
/// if any, is the analyzers' call; this only lists what exists.
/// </summary>
public static class LibraryAppFiles
{
    /// <summary>The existing app files for <paramref name="project"/>, given the choice among its container files.</summary>
    public static IReadOnlyList<string> Find(ContainerFileSelection selection, ContainerProject project)
    {
        var found = new List<string>();
        if (selection.Dockerfile is not { BuildsProject: false })
        {
            return found; // the project's own image: it is the app
        }

        foreach (DockerfileMatch shipping in selection.ShippedIn)
        {
            if (DockerfileProjects.AppFolder(shipping, project) is not string comparable)
            {
                continue;
            }

            string folder = HostPath(comparable);
            Add(found, Path.Combine(folder, StorageLock.DefaultFileName));
            if (Directory.Exists(folder))
            {
                var settings = new List<string>(Directory.EnumerateFiles(folder, "appsettings*.json"));
                settings.Sort(StringComparer.Ordinal);
                foreach (string file in settings)
                {
                    Add(found, file);
                }
            }
        }

        return found;
    }

    /// <summary>A comparable path back on the host: <c>/C:/repo</c> is <c>C:/repo</c> (the comparable form keeps a drive as its first segment).</summary>
    private static string HostPath(string comparable)
        => comparable.Length > 2 && comparable[0] == '/' && comparable[2] == ':' ? comparable.Substring(1) : comparable;

    private static void Add(List<string> found, string file)
    {
        if (File.Exists(file) && !found.Contains(file))
        {
            found.Add(file);
        }
    }
}
