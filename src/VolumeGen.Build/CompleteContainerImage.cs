using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VolumeGen.Build.Containers;
using VolumeGen.Build.Dockerfiles;

namespace VolumeGen.Build;

/// <summary>
/// After <c>dotnet publish -t:PublishContainer</c> (SDK container publishing, no Dockerfile): gives the image what the
/// SDK cannot — the declared named and anonymous volumes in <c>Config.Volumes</c>, and their folders created owned
/// by the container user, so a new named volume mounted there is writable by it (Docker copies the image folder's
/// owner into a new volume). An archive (<c>ContainerArchiveOutputPath</c>) is rewritten; an image loaded into the
/// local engine is rebuilt <c>FROM</c> itself under the same names; an image pushed to a registry cannot be changed
/// (VG3033).
/// </summary>
public sealed class CompleteContainerImage : Task
{
    /// <summary>The built assembly, whose manifest declares the volumes.</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The project's name, for the generated Dockerfile's block.</summary>
    [Required]
    public string ProjectName { get; set; } = string.Empty;

    /// <summary>A folder for the local rebuild's context, e.g. <c>obj/.../volumegen/container/</c>.</summary>
    [Required]
    public string IntermediateDirectory { get; set; } = string.Empty;

    /// <summary>The SDK's <c>GeneratedArchiveOutputPath</c>: the archive it wrote, or empty.</summary>
    public string? ArchivePath { get; set; }

    /// <summary>The SDK's <c>GeneratedContainerName</c> items: the image names (<c>repository:tag</c>) it published.</summary>
    public ITaskItem[] ImageNames { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The SDK's <c>ContainerRegistry</c>: set when the image was pushed to a registry.</summary>
    public string? ContainerRegistry { get; set; }

    /// <summary>The SDK's <c>LocalRegistry</c>: <c>Docker</c> (or empty) or <c>Podman</c>.</summary>
    public string? LocalRegistry { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!TryVolumes(out List<string> volumes, out IReadOnlyList<string> classNames, out MountSet? mounts) || volumes.Count == 0)
        {
            return !Log.HasLoggedErrors;
        }

        string list = string.Join(", ", volumes);
        if (!string.IsNullOrWhiteSpace(ArchivePath))
        {
            try
            {
                ImageArchive.Result result = ImageArchive.Complete(ArchivePath!, volumes, "VolumeGen: VOLUME " + list);
                Log.LogMessage(MessageImportance.High, "VolumeGen: added the volumes {0} to the image in '{1}'{2}.", list, ArchivePath,
                    result.AddedLayer ? $", with their folders owned by the container user '{result.User}'" : string.Empty);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Error($"VolumeGen could not add the volumes {list} to the image archive '{ArchivePath}': {exception.Message}. The archive may lack them; the app's user may not be able to write its volumes.");
            }

            return !Log.HasLoggedErrors;
        }

        string[] names = ImageNames.Select(static i => i.ItemSpec).Where(static n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (!string.IsNullOrWhiteSpace(ContainerRegistry))
        {
            Log.LogWarning(null, BuildDiagnostics.PushedImageNotCompleted, null, BuildDiagnostics.GetHelpUri(BuildDiagnostics.PushedImageNotCompleted), null, 0, 0, 0, 0,
                $"The image was pushed to the registry '{ContainerRegistry}' without the declared volumes ({list}) and without their folders owned by the container user: VolumeGen cannot change an image in a registry. Publish to an archive (ContainerArchiveOutputPath), which VolumeGen completes, and push that (e.g. skopeo copy docker-archive:<file> docker://<image>), or publish to the local engine and docker push.");
            return true;
        }

        if (names.Length == 0)
        {
            Error($"The SDK named no published image, so VolumeGen could not add the volumes {list} to it.");
            return false;
        }

        RebuildLocally(names, classNames, mounts!);
        return !Log.HasLoggedErrors;
    }

    /// <summary>Rebuilds the loaded image FROM itself with a COPY --chown of an empty folder per volume (no shell needed) and VOLUME.</summary>
    private void RebuildLocally(string[] names, IReadOnlyList<string> classNames, MountSet mounts)
    {
        string engine = string.Equals(LocalRegistry?.Trim(), "Podman", StringComparison.OrdinalIgnoreCase) ? "podman" : "docker";
        (int inspectCode, string user, string inspectError) = Run(engine, new[] { "image", "inspect", "--format", "{{.Config.User}}", names[0] }, null);
        if (inspectCode != 0)
        {
            Error($"VolumeGen could not read the image '{names[0]}' from the local engine ({engine} image inspect: {inspectError.Trim()}), so it lacks the declared volumes.");
            return;
        }

        ContainerFiles.ImageFacts image = ContainerFiles.ImageFacts.FromImageConfiguration(user.Trim());
        DockerfileOwnership form = image.IsRoot ? DockerfileOwnership.None : DockerfileOwnership.Copy;
        string chown = image.User?.NumericOwner ?? image.User?.Text ?? "root";
        string context = Path.Combine(IntermediateDirectory, "container");
        try
        {
            Directory.CreateDirectory(Path.Combine(context, "empty"));
            var dockerfile = new StringBuilder("FROM " + names[0] + "\n");
            foreach (string line in DockerfileRegion.Lines(classNames, mounts, '\\', form, chown, "empty", ProjectName))
            {
                dockerfile.Append(line).Append('\n');
            }

            File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile.ToString());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Error($"VolumeGen could not write the build context '{context}' ({exception.Message}).");
            return;
        }

        var arguments = new List<string> { "build", "-q" };
        foreach (string name in names)
        {
            arguments.Add("-t");
            arguments.Add(name);
        }

        arguments.Add(context);
        (int code, string output, string error) = Run(engine, arguments, context);
        if (code != 0)
        {
            Error($"VolumeGen could not add the declared volumes to the image '{names[0]}' ({engine} build failed: {(error + output).Trim()}).");
            return;
        }

        Log.LogMessage(MessageImportance.High, "VolumeGen: rebuilt {0} with the volumes {1}{2}.", string.Join(", ", names), string.Join(", ", DockerfileRegion.VolumePaths(mounts)),
            form == DockerfileOwnership.Copy ? $", their folders owned by {chown}" : string.Empty);
    }

    private static (int Code, string Output, string Error) Run(string file, IReadOnlyList<string> arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(file, string.Join(" ", arguments.Select(Quote)))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        try
        {
            using Process process = Process.Start(start)!;
            System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, string.Empty, $"'{file}' could not be started: {exception.Message}");
        }
    }

    // ProcessStartInfo(string, string) on netstandard2.0: arguments are one string, split like a command line.
    private static string Quote(string argument)
        => argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\t', '\\' }) < 0 ? argument : "\"" + argument.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private bool TryVolumes(out List<string> volumes, out IReadOnlyList<string> classNames, out MountSet? mounts)
    {
        volumes = new List<string>();
        classNames = Array.Empty<string>();
        mounts = null;
        AssemblyManifestResult result = AssemblyManifestReader.Read(AssemblyPath);
        if (result.Status == AssemblyManifestStatus.NoManifest || (result.Status == AssemblyManifestStatus.Found && result.Json is null))
        {
            return true;
        }

        string? problem = result.Message;
        if (result.Status != AssemblyManifestStatus.Found || !VolumeManifest.TryParse(result.Json!, out VolumeManifest? manifest, out problem) || manifest is null)
        {
            Log.LogError(null, BuildDiagnostics.UnreadableManifest, null, BuildDiagnostics.GetHelpUri(BuildDiagnostics.UnreadableManifest), AssemblyPath, 0, 0, 0, 0,
                "VolumeGen could not read the manifest of the built assembly, so the published image lacks the declared volumes: " + problem);
            return false;
        }

        if (!manifest.IsValid)
        {
            return true; // the build already refused the invalid declarations (WriteVolumeArtifacts)
        }

        mounts = manifest.AllMounts;
        classNames = manifest.Classes.Select(static c => c.Name).ToArray();
        volumes = DockerfileRegion.VolumePaths(mounts).ToList();
        return true;
    }

    private void Error(string message)
        => Log.LogError(null, BuildDiagnostics.SdkImageNotCompleted, null, BuildDiagnostics.GetHelpUri(BuildDiagnostics.SdkImageNotCompleted), null, 0, 0, 0, 0, message);
}
