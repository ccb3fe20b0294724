using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VolumeGen.Build.ContainerFileSearch;

namespace VolumeGen.Build;

/// <summary>
/// Before compile: lists the Dockerfiles and compose files above the project folder (up to the repository root) and
/// in the conventional <c>docker/</c>/<c>deploy/</c> folders, so the analyzers can find the one that builds this
/// project (<see cref="ContainerFileLocations"/>). A folder that cannot be read is skipped with a low-importance
/// message: finding nothing is never an error.
/// </summary>
public sealed class FindContainerFiles : Task
{
    /// <summary>The project folder (<c>$(MSBuildProjectDirectory)</c>).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The files found, full paths, nearest first.</summary>
    [Output]
    public ITaskItem[] Files { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            var items = new List<ITaskItem>();
            foreach (string file in ContainerFileLocations.Find(ProjectDirectory))
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
