using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VolumeGen.Artifacts;

namespace VolumeGen.Build.Outputs;

/// <summary>
/// Writes an <see cref="ArtifactPlan"/> whole, or none of it: when a file that must change cannot be written
/// (read-only, immutable, not a file) or a planned folder cannot be made, nothing is written, so the Dockerfile block,
/// the compose and Kubernetes files, the lock and the obj/ copies never disagree with each other.
/// </summary>
internal static class ArtifactCommit
{
    /// <summary>Writes the files whose bytes change; returns the files written. Errors are VG3003.</summary>
    public static IReadOnlyList<string> Write(ArtifactPlan plan, TaskLoggingHelper log)
    {
        var written = new List<string>();
        var changes = new List<PlannedFile>();
        bool failed = false;
        foreach (PlannedFile file in plan.Files)
        {
            try
            {
                if (ArtifactFile.NeedsWrite(file.Path, file.Content))
                {
                    ArtifactFile.CheckWritable(file.Path);
                    changes.Add(file);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                failed = true;
                log.LogRuleError(BuildDiagnostics.CannotWrite, file.Path, 0,
                    $"VolumeGen could not write '{file.Path}' ({exception.Message}); it wrote nothing, so every file is unchanged. Make the file and its folder writable (e.g. chmod u+w, chattr -i, clear the read-only attribute), or set VolumeGenEmit=false.");
            }
        }

        if (failed)
        {
            return written;
        }

        foreach (PlannedFile folder in plan.Folders)
        {
            try
            {
                Directory.CreateDirectory(folder.Path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                log.LogRuleError(BuildDiagnostics.CannotWrite, folder.Path, 0,
                    $"VolumeGen could not create {folder.What} '{folder.Path}' ({exception.Message}); it wrote nothing. Make its parent writable or set VolumeGenDockerfileEmptyDirectory.");
                return written;
            }
        }

        foreach (PlannedFile file in changes)
        {
            try
            {
                if (ArtifactFile.WriteIfChanged(file.Path, file.Content))
                {
                    written.Add(file.Path);
                    log.LogMessage(MessageImportance.Normal, "VolumeGen: wrote {0} ({1})", file.Path, file.What);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                log.LogRuleError(BuildDiagnostics.CannotWrite, file.Path, 0,
                    $"VolumeGen could not write '{file.Path}' ({exception.Message}); the old file is unchanged. Make the file and its folder writable (e.g. chmod u+w, chattr -i, clear the read-only attribute), or set VolumeGenEmit=false.");
            }
        }

        return written;
    }
}
