using System;
using System.Collections.Generic;
using System.IO;
using VolumeGen.Artifacts;
using VolumeGen.Build.Dockerfiles;

namespace VolumeGen.Build.Outputs;

/// <summary>
/// The <see cref="WriteVolumeArtifacts"/> task's properties, read and checked once: trimmed, defaults applied, the
/// fixed-set properties as enums. Every value a property accepts is listed in docs/build.md; anything else is VG3007
/// naming the property, the value and the allowed values, and the task writes nothing.
/// </summary>
internal sealed record ArtifactSettings
{
    /// <summary>VolumeGenDockerfileOwnership: empty or <c>auto</c>, <c>none</c>, <c>run</c>, <c>copy</c>; <c>true</c> and <c>false</c> from when it was a switch.</summary>
    public static readonly IReadOnlyList<SettingChoice<OwnershipSetting>> OwnershipChoices = new[]
    {
        new SettingChoice<OwnershipSetting>(new[] { "", "auto" }, OwnershipSetting.Auto, "follow the image's USER"),
        new SettingChoice<OwnershipSetting>(new[] { "none", "false" }, OwnershipSetting.None, "no ownership step"),
        new SettingChoice<OwnershipSetting>(new[] { "run", "true" }, OwnershipSetting.Run, "RUN mkdir + chown, needs a shell"),
        new SettingChoice<OwnershipSetting>(new[] { "copy" }, OwnershipSetting.Copy, "COPY --chown of an empty folder, no shell needed"),
    };

    /// <summary>VolumeGenKubernetesWorkload: empty or <c>Deployment</c>, <c>StatefulSet</c>.</summary>
    public static readonly IReadOnlyList<SettingChoice<KubernetesWorkload>> WorkloadChoices = new[]
    {
        new SettingChoice<KubernetesWorkload>(new[] { "", "Deployment" }, KubernetesWorkload.Deployment, "the default; strategy Recreate with ReadWriteOnce claims"),
        new SettingChoice<KubernetesWorkload>(new[] { "StatefulSet" }, KubernetesWorkload.StatefulSet, "volumeClaimTemplates"),
    };

    /// <summary>The built assembly.</summary>
    public string AssemblyPath { get; init; } = string.Empty;

    /// <summary>The folder of the inspection copies.</summary>
    public string IntermediateDirectory { get; init; } = string.Empty;

    /// <summary>The project's name as given (the block's owner, the lock entries' project).</summary>
    public string ProjectName { get; init; } = string.Empty;

    /// <summary>The Dockerfile whose block is kept, or null.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>True when the user named the Dockerfile.</summary>
    public bool DockerfileExplicit { get; init; }

    /// <summary>Why the search chose the Dockerfile, or null.</summary>
    public string? DockerfileReason { get; init; }

    /// <summary>The stage the image is built from, or null for the last.</summary>
    public string? DockerfileTarget { get; init; }

    /// <summary>The ownership step asked for.</summary>
    public OwnershipSetting Ownership { get; init; }

    /// <summary>VolumeGenDockerfileOwner, checked to be a user name, id or variable; null for the image's user.</summary>
    public string? Owner { get; init; }

    /// <summary>The copy form's empty folder, relative to the build context (default <see cref="DockerfileRegion.DefaultEmptyDirectory"/>).</summary>
    public string EmptyDirectory { get; init; } = DockerfileRegion.DefaultEmptyDirectory;

    /// <summary>The Docker build context, or null to find it.</summary>
    public string? DockerContext { get; init; }

    /// <summary>The SDK's ContainerUser, or null.</summary>
    public string? ContainerUser { get; init; }

    /// <summary>The SDK's ContainerBaseImage, or null for its default .NET image.</summary>
    public string? ContainerBaseImage { get; init; }

    /// <summary>The SDK's ContainerFamily (e.g. <c>noble-chiseled</c>), or null.</summary>
    public string? ContainerFamily { get; init; }

    /// <summary>The compose override to write, or null.</summary>
    public string? ComposeFile { get; init; }

    /// <summary>The compose service name, checked.</summary>
    public string ComposeService { get; init; } = string.Empty;

    /// <summary>The Kubernetes YAML to write, or null.</summary>
    public string? KubernetesFile { get; init; }

    /// <summary>The Kubernetes Deployment and container name, checked.</summary>
    public string KubernetesAppName { get; init; } = string.Empty;

    /// <summary>Bind mounts as hostPath volumes.</summary>
    public bool KubernetesIncludeHostPath { get; init; }

    /// <summary>The root of relative bind sources (the project folder), or null.</summary>
    public string? KubernetesBindRoot { get; init; }

    /// <summary>True when VolumeGenKubernetesFsGroup is empty: the fsGroup is the image user's group.</summary>
    public bool FsGroupFromImage { get; init; } = true;

    /// <summary>The fsGroup VolumeGenKubernetesFsGroup names; null for <c>none</c> or when <see cref="FsGroupFromImage"/>.</summary>
    public long? FsGroup { get; init; }

    /// <summary>The Kubernetes workload.</summary>
    public KubernetesWorkload Workload { get; init; }

    /// <summary>Read-only bind mounts as ConfigMap volumes.</summary>
    public bool KubernetesConfigMaps { get; init; }

    /// <summary>The storage lock, or null.</summary>
    public string? LockFile { get; init; }

    /// <summary>CI mode: stranding changes and an out-of-date lock are errors.</summary>
    public bool LockedMode { get; init; }

    /// <summary>This build accepts the stranding changes.</summary>
    public bool AcceptStorageChanges { get; init; }

    /// <summary>The assembly in the output folder, for the commands the lock diagnostics print.</summary>
    public string OutputAssemblyPath { get; init; } = string.Empty;

    /// <summary>The name this project's lock entries carry: the project's, else the assembly's.</summary>
    public string LockProject => ProjectName.Trim().Length == 0 ? Path.GetFileNameWithoutExtension(AssemblyPath) : ProjectName.Trim();

    /// <summary>Reads the task's properties; false after reporting each invalid one (VG3007, VG3008).</summary>
    public static bool TryRead(WriteVolumeArtifacts task, Action<string, string?, string> error, out ArtifactSettings settings)
    {
        var problems = new List<(string Code, string? File, string Message)>();
        void Refuse(string? message, string code = BuildDiagnostics.InvalidSetting, string? file = null)
        {
            if (message is not null)
            {
                problems.Add((code, file, message));
            }
        }

        OwnershipSetting ownership = SettingChoice<OwnershipSetting>.Find("VolumeGenDockerfileOwnership", task.Ownership, OwnershipChoices, out string? problem)?.Value ?? OwnershipSetting.None;
        Refuse(problem);
        string? owner = NonEmpty(task.Owner);
        if (owner is not null && !DockerfileRegion.IsValidOwner(owner))
        {
            Refuse($"The Dockerfile owner '{owner}' (VolumeGenDockerfileOwner) is not a user name, id or variable. Use e.g. '{ContainerFiles.ContainerUser.AppUidVariable}', 'app' or '1654:1654'.");
        }

        string composeService = NonEmpty(task.ComposeService) ?? OutputNames.ComposeService(task.ProjectName);
        string appName = NonEmpty(task.KubernetesAppName) ?? KubernetesManifests.Dns1123Label(task.ProjectName);
        Refuse(OutputNames.ComposeServiceProblem(composeService, "VolumeGenComposeService"));
        Refuse(OutputNames.KubernetesNameProblem(appName, "VolumeGenKubernetesAppName"));

        KubernetesWorkload workload = SettingChoice<KubernetesWorkload>.Find("VolumeGenKubernetesWorkload", task.KubernetesWorkload, WorkloadChoices, out problem)?.Value ?? KubernetesWorkload.Deployment;
        Refuse(problem);
        string configuredFsGroup = (task.KubernetesFsGroup ?? string.Empty).Trim();
        long? fsGroup = null;
        if (configuredFsGroup.Length > 0 && !string.Equals(configuredFsGroup, "none", StringComparison.OrdinalIgnoreCase))
        {
            if (long.TryParse(configuredFsGroup, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id)
                && OutputNames.FsGroupProblem(id, "VolumeGenKubernetesFsGroup") is null)
            {
                fsGroup = id;
            }
            else
            {
                Refuse($"VolumeGenKubernetesFsGroup is '{configuredFsGroup}', which is not a group id. Use the container user's numeric group, e.g. '1654' (the .NET images' app user), 'none' (no fsGroup), or leave it empty (the image's user's group).");
            }
        }

        settings = new ArtifactSettings
        {
            AssemblyPath = task.AssemblyPath,
            IntermediateDirectory = task.IntermediateDirectory,
            ProjectName = task.ProjectName,
            Dockerfile = NonEmpty(task.Dockerfile) is null ? null : task.Dockerfile,
            DockerfileExplicit = task.DockerfileExplicit,
            DockerfileReason = NonEmpty(task.DockerfileReason),
            DockerfileTarget = NonEmpty(task.DockerfileTarget),
            Ownership = ownership,
            Owner = owner,
            EmptyDirectory = NonEmpty(task.EmptyDirectory) ?? DockerfileRegion.DefaultEmptyDirectory,
            DockerContext = NonEmpty(task.DockerContext),
            ContainerUser = NonEmpty(task.ContainerUser),
            ContainerBaseImage = NonEmpty(task.ContainerBaseImage),
            ContainerFamily = NonEmpty(task.ContainerFamily),
            ComposeFile = NonEmpty(task.ComposeFile) is null ? null : task.ComposeFile,
            ComposeService = composeService,
            KubernetesFile = NonEmpty(task.KubernetesFile) is null ? null : task.KubernetesFile,
            KubernetesAppName = appName,
            KubernetesIncludeHostPath = task.KubernetesIncludeHostPath,
            KubernetesBindRoot = NonEmpty(task.KubernetesBindRoot) is null ? null : task.KubernetesBindRoot,
            FsGroupFromImage = configuredFsGroup.Length == 0,
            FsGroup = fsGroup,
            Workload = workload,
            KubernetesConfigMaps = task.KubernetesConfigMaps,
            LockFile = NonEmpty(task.LockFile) is null ? null : task.LockFile,
            LockedMode = task.LockedMode,
            AcceptStorageChanges = task.AcceptStorageChanges,
            OutputAssemblyPath = NonEmpty(task.OutputAssemblyPath) is null ? task.AssemblyPath : task.OutputAssemblyPath!,
        };

        if (problems.Count == 0)
        {
            foreach ((string code, string? file, string message) in settings.OutputPathProblems())
            {
                Refuse(message, code, file);
            }
        }

        foreach ((string code, string? file, string message) in problems)
        {
            error(code, file, message);
        }

        return problems.Count == 0;
    }

    /// <summary>Two outputs on one path would overwrite each other on every build; the Dockerfile is never replaced whole; the lock needs its own file.</summary>
    private IEnumerable<(string Code, string? File, string Message)> OutputPathProblems()
    {
        string? compose = FullPathOrNull(ComposeFile);
        string? kubernetes = FullPathOrNull(KubernetesFile);
        string? dockerfile = FullPathOrNull(Dockerfile);
        if (compose is not null && compose == kubernetes)
        {
            yield return (BuildDiagnostics.InvalidSetting, null,
                $"VolumeGenComposeFile and VolumeGenKubernetesFile both name '{compose}'; each would overwrite the other. Give them different files, e.g. compose.volumegen.yaml and deploy/volumes.yaml.");
            yield break;
        }

        foreach ((string? path, string property) in new[] { (compose, "VolumeGenComposeFile"), (kubernetes, "VolumeGenKubernetesFile") })
        {
            if (path is not null && path == dockerfile)
            {
                yield return (BuildDiagnostics.NotVolumeGenFile, path,
                    $"{property} names the Dockerfile '{path}', which VolumeGen would replace whole; the file was not changed. VolumeGen edits a Dockerfile only between its marker lines: point {property} at a new file such as {(property == "VolumeGenComposeFile" ? "compose.volumegen.yaml" : "deploy/volumes.yaml")}.");
                yield break;
            }
        }

        string? lockFile = FullPathOrNull(LockFile);
        foreach ((string? other, string property) in new[] { (dockerfile, "VolumeGenDockerfile"), (compose, "VolumeGenComposeFile"), (kubernetes, "VolumeGenKubernetesFile") })
        {
            if (lockFile is not null && lockFile == other)
            {
                yield return (BuildDiagnostics.InvalidSetting, LockFile,
                    $"VolumeGenLockFile and {property} both name '{lockFile}'; the storage lock needs its own file. Leave VolumeGenLockFile at its default ({StorageLock.DefaultFileName} beside the project) or name another file.");
                yield break;
            }
        }
    }

    private static string? FullPathOrNull(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
