using System;
using System.Collections.Generic;
using System.IO;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>
/// The folder <c>docker build</c> sends as the context, which the copy form's empty folder must be in: the
/// VolumeGenDockerContext (or Visual Studio's DockerfileContext) property when set; else the nearest of the
/// Dockerfile's folder and its parents in which the Dockerfile's own <c>COPY</c> sources exist (Visual Studio's
/// Dockerfile sits in the project folder and is built from the solution folder, <c>COPY ["Web/Web.csproj", …]</c>);
/// else the Dockerfile's folder.
/// </summary>
internal static class BuildContext
{
    public static string Find(string dockerfile, string? configured, string projectDirectory, Dockerfile model)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(Path.Combine(projectDirectory, configured!.Trim()));
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(dockerfile)) ?? ".";
        var sources = new List<string>();
        foreach ((_, DockerfileValue source) in model.ContextSources())
        {
            string path = source.Text.TrimStart('.', '/');
            if (source.IsKnown && path.Length > 0 && path.IndexOfAny(new[] { '*', '?', '[', '$' }) < 0 && !path.Contains("://"))
            {
                sources.Add(path);
            }
        }

        if (sources.Count == 0)
        {
            return folder;
        }

        for (DirectoryInfo? candidate = new DirectoryInfo(folder); candidate is not null; candidate = candidate.Parent)
        {
            if (sources.TrueForAll(source => File.Exists(Path.Combine(candidate.FullName, source)) || Directory.Exists(Path.Combine(candidate.FullName, source))))
            {
                return candidate.FullName;
            }

            if (Directory.Exists(Path.Combine(candidate.FullName, ".git")))
            {
                break; // not above the repository
            }
        }

        return folder;
    }
}
