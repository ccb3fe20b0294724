using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VolumeGen.ContainerFiles;
using VolumeGen.Build.ContainerFileSearch;

namespace VolumeGen.Build;

/// <summary>
/// Before compile: lists the Dockerfiles and compose files above the project folder (up to the repository root) and
/// in the conventional <c>docker/</c>/<c>deploy/</c> folders, so the analyzers can find the one that builds this
/// project (<see cref="ContainerFileLocations"/>), and, for a class library built into another project's image, that
/// app's storage lock and configuration files (<see cref="LibraryAppFiles"/>). A folder that cannot be read is skipped
/// with a low-importance message: finding nothing is never an error.
/// </summary>
public sealed class FindContainerFiles : Task
{
    /// <summary>The project folder (<c>$(MSBuildProjectDirectory)</c>).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The project's name (<c>$(MSBuildProjectName)</c>): a Dockerfile that copies its project file into another app's image makes it a class library of that app.</summary>
    public string? ProjectName { get; set; }

    /// <summary>The assembly name, which a Dockerfile may name instead of the project's.</summary>
    public string? AssemblyName { get; set; }

    /// <summary>The Dockerfile <c>VolumeGenDockerfile</c> names (full path), which is then the project's image; empty when none.</summary>
    public string? NamedDockerfile { get; set; }

    /// <summary>The files found, full paths, nearest first; then the app files of a class library.</summary>
    [Output]
    public ITaskItem[] Files { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            var items = new List<ITaskItem>();
            IReadOnlyList<string> found = ContainerFileLocations.Find(ProjectDirectory);
            foreach (string file in found)
            {
                items.Add(new TaskItem(file));
            }

            // The project folder's own Dockerfiles and compose files (the targets pass them) count for the choice too.
            var containerFiles = new List<string>(found);
            containerFiles.AddRange(Directory.EnumerateFiles(ProjectDirectory));
            var project = new ContainerProject(ProjectDirectory, new[] { ProjectName, AssemblyName }, string.IsNullOrWhiteSpace(NamedDockerfile) ? null : NamedDockerfile);
            foreach (string file in LibraryAppFiles.Find(containerFiles, project))
            {
                items.Add(new TaskItem(file));
            }

            Files = items.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException or ArgumentException or NotSupportedException)
        {
            Log.LogMessage(MessageImportance.Low, "VolumeGen: container files above '{0}' were not searched: {1}", ProjectDirectory, e.Message);
        }

        return true;
    }
}
