using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VolumeGen.Artifacts;
using VolumeGen.Build.Dockerfiles;

namespace VolumeGen.Build;

/// <summary>
/// After compile: reads the VolumeGen manifest from the built assembly and keeps the Dockerfile block, the
/// compose override and the Kubernetes manifests in sync with it. Everything is also written under
/// <see cref="IntermediateDirectory"/> for inspection. Files are written only when their bytes change.
/// </summary>
public sealed partial class WriteVolumeArtifacts : Task
{
    /// <summary>The built assembly (<c>@(IntermediateAssembly)</c>).</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>Folder for the inspection copies, e.g. <c>obj/Debug/net10.0/volumegen/</c>.</summary>
    [Required]
    public string IntermediateDirectory { get; set; } = string.Empty;

    /// <summary>The project's name, for the default compose service and Kubernetes app names.</summary>
    [Required]
    public string ProjectName { get; set; } = string.Empty;

    /// <summary>The Dockerfile whose VolumeGen block is kept; empty for none.</summary>
    public string? Dockerfile { get; set; }

    /// <summary>True when the user named the Dockerfile explicitly, so a missing file is worth a warning.</summary>
    public bool DockerfileExplicit { get; set; }

    /// <summary>
    /// Why the container-file search chose <see cref="Dockerfile"/> (<see cref="FindContainerFiles.DockerfileReason"/>,
    /// e.g. <c>its ENTRYPOINT runs Shop.dll</c>); empty when the user named it or it is the project folder's default.
    /// </summary>
    public string? DockerfileReason { get; set; }

    /// <summary>The Dockerfile stage the image is built from (VolumeGenDockerfileTarget, <c>docker build --target</c>); empty for the last stage.</summary>
    public string? DockerfileTarget { get; set; }

    /// <summary>The compose override to write; empty for none.</summary>
    public string? ComposeFile { get; set; }

    /// <summary>The compose service name; default: the project name, lower-cased and made valid.</summary>
    public string? ComposeService { get; set; }

    /// <summary>The Kubernetes YAML to write; empty for none.</summary>
    public string? KubernetesFile { get; set; }

    /// <summary>The Kubernetes Deployment and container name; default: the project name as a DNS label.</summary>
    public string? KubernetesAppName { get; set; }

    /// <summary>
    /// Emit bind mounts as Kubernetes <c>hostPath</c> volumes (sources resolved against <see cref="KubernetesBindRoot"/>).
    /// Off by default: hostPath ties a pod to one node's folder and is a security risk; bind mounts are then left out with a comment.
    /// </summary>
    public bool KubernetesIncludeHostPath { get; set; }

    /// <summary>Root for relative bind sources in <c>hostPath</c> volumes; the build passes the project folder.</summary>
    public string? KubernetesBindRoot { get; set; }

    /// <summary>
    /// Empty (default: follow the image, see <see cref="OwnershipPlanner"/>), <c>none</c>, <c>run</c> or <c>copy</c>:
    /// see <see cref="DockerfileOwnership"/>.
    /// </summary>
    public string? Ownership { get; set; }

    /// <summary>The owner for the ownership step; default: the final stage's USER, else <see cref="ContainerUser"/>, else <c>$APP_UID</c>.</summary>
    public string? Owner { get; set; }

    /// <summary>For <c>copy</c> ownership: an empty folder, relative to the Docker build context; default <see cref="DockerfileRegion.DefaultEmptyDirectory"/>.</summary>
    public string? EmptyDirectory { get; set; }

    /// <summary>The Docker build context (VolumeGenDockerContext, else Visual Studio's DockerfileContext), relative to the project folder; empty to find it (<see cref="BuildContext"/>).</summary>
    public string? DockerContext { get; set; }

    /// <summary>The SDK containers' <c>ContainerUser</c>: the user of an image published with <c>-t:PublishContainer</c>.</summary>
    public string? ContainerUser { get; set; }

    /// <summary>True when the project publishes its image with the SDK (<c>EnableSdkContainerSupport</c>), whose default user is the base image's <c>$APP_UID</c>.</summary>
    public bool SdkContainer { get; set; }

    /// <summary>The pod's <c>securityContext.fsGroup</c>: a group id, or <c>none</c>; empty to take it from the container user.</summary>
    public string? KubernetesFsGroup { get; set; }

    /// <summary><c>Deployment</c> (default) or <c>StatefulSet</c>.</summary>
    public string? KubernetesWorkload { get; set; }

    /// <summary>Write read-only bind mounts as ConfigMap volumes.</summary>
    public bool KubernetesConfigMaps { get; set; }

    /// <summary>Every file this run actually wrote.</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The inspection copies under <see cref="IntermediateDirectory"/> (written or unchanged), for <c>FileWrites</c>.</summary>
    [Output]
    public ITaskItem[] IntermediateFiles { get; private set; } = Array.Empty<ITaskItem>();

    private readonly List<ITaskItem> _written = new();
    private readonly List<ITaskItem> _intermediate = new();
    private readonly List<KeyValuePair<string, byte[]>> _planned = new();

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            Run();
        }
        finally
        {
            WrittenFiles = _written.ToArray();
            IntermediateFiles = _intermediate.ToArray();
        }

        return !Log.HasLoggedErrors;
    }

    private void Run()
    {
        if (!TryReadManifest(out VolumeManifest? manifest))
        {
            return;
        }

        // No manifest: the project declares nothing (any more). Every output still says so, in the same build, so
        // the Dockerfile block, the compose override, the Kubernetes file and the obj/ copies never disagree.
        VolumeManifest declared = manifest ?? new VolumeManifest(Array.Empty<ManifestClass>());
        if (!declared.IsValid)
        {
            // The generator records the classes it could not generate with the analyzer's IDs and messages: refuse
            // them here too, whether or not the analyzer ran or was silenced, instead of writing a partial truth.
            foreach (ManifestClass invalid in declared.InvalidClasses)
            {
                foreach (ManifestProblem problem in invalid.Problems)
                {
                    Log.LogError(null, problem.Id, null, BuildDiagnostics.GetHelpUri(problem.Id), AssemblyPath, 0, 0, 0, 0,
                        problem.Message + $" (storage class '{invalid.Name}'; VolumeGen wrote nothing: the Dockerfile, compose and Kubernetes files are unchanged until every declaration is valid)");
                }
            }

            return;
        }

        MountSet mounts = declared.AllMounts;
        IReadOnlyList<MountProblem> problems = MountValidator.Validate(mounts);
        if (MountValidator.HasErrors(problems))
        {
            foreach (MountProblem problem in problems.Where(static p => p.Severity == MountProblemSeverity.Error))
            {
                Log.LogError(null, problem.Id, null, BuildDiagnostics.GetHelpUri(problem.Id), AssemblyPath, 0, 0, 0, 0,
                    "VolumeGen did not update the Dockerfile, compose or Kubernetes files: " + problem.Message);
            }

            return;
        }

        if (!TryOwnership(out string ownership, out string? owner) || !TryNames(out string composeService, out string appName) || !TryOutputPaths()
            || !TryKubernetes(out long? fsGroup, out KubernetesWorkload workload))
        {
            return;
        }

        IEnumerable<string> classNames = declared.Classes.Select(static c => c.Name);
        bool hasDeclarations = declared.Classes.Count > 0;

        // Each text once: the obj/ copy and the project's file are the same bytes.
        string compose = ComposeOverride.Format(mounts, composeService);
        string kubernetes = KubernetesManifests.Format(mounts, appName, new KubernetesOptions
        {
            IncludeHostPath = KubernetesIncludeHostPath,
            BindRoot = string.IsNullOrWhiteSpace(KubernetesBindRoot) ? null : KubernetesBindRoot,
            FsGroup = fsGroup,
            Workload = workload,
            ConfigMapsForReadOnlyBinds = KubernetesConfigMaps,
        });
        WriteIntermediate("manifest.json", declared.ToJson() + "\n");
        WriteIntermediate("run-arguments.sh.txt", mounts.ToCommandLine(ShellDialect.Posix) + "\n");
        WriteIntermediate("run-arguments.ps1.txt", mounts.ToCommandLine(ShellDialect.PowerShell) + "\n");
        WriteIntermediate("compose.volumegen.yaml", compose);
        WriteIntermediate("kubernetes.volumegen.yaml", kubernetes);

        // The block as it is (or would be) in the Dockerfile; without a Dockerfile, as a forced form would write it.
        IReadOnlyList<string> block = DockerfileRegion.Lines(classNames, mounts, '\\', ownership switch { "run" => DockerfileOwnership.Run, "copy" => DockerfileOwnership.Copy, _ => DockerfileOwnership.None },
            owner ?? NonEmpty(ContainerUser) ?? "$APP_UID", EmptyDirectory, ProjectName);
        if (!string.IsNullOrWhiteSpace(Dockerfile))
        {
            block = UpdateDockerfile(Dockerfile!, classNames, mounts, hasDeclarations, ownership, owner) ?? block;
        }

        WriteIntermediate("Dockerfile.volumegen", string.Join("\n", block) + "\n");

        if (!string.IsNullOrWhiteSpace(ComposeFile))
        {
            WriteGenerated(ComposeFile!, "VolumeGenComposeFile", compose);
        }

        if (!string.IsNullOrWhiteSpace(KubernetesFile))
        {
            WriteGenerated(KubernetesFile!, "VolumeGenKubernetesFile", kubernetes);
        }

        PlanStorageLock(mounts, declared.EphemeralPaths);
        Commit();
    }

    /// <summary>
    /// Writes every planned file, or none: after any error (a refused file, a foreign block, malformed markers) or
    /// when a file that must change cannot be written (read-only, immutable), nothing is written, so the Dockerfile
    /// block, the compose and Kubernetes files and the obj/ copies never disagree with each other.
    /// </summary>
    private void Commit()
    {
        if (Log.HasLoggedErrors)
        {
            return;
        }

        var changes = new List<KeyValuePair<string, byte[]>>();
        foreach (KeyValuePair<string, byte[]> file in _planned)
        {
            try
            {
                if (ArtifactFile.NeedsWrite(file.Key, file.Value))
                {
                    ArtifactFile.CheckWritable(file.Key);
                    changes.Add(file);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                Error(BuildDiagnostics.CannotWrite, file.Key, 0,
                    $"VolumeGen could not write '{file.Key}' ({exception.Message}); it wrote nothing, so every file is unchanged. Make the file and its folder writable (e.g. chmod u+w, chattr -i, clear the read-only attribute), or set VolumeGenEmit=false.");
            }
        }

        if (Log.HasLoggedErrors)
        {
            return;
        }

        foreach (KeyValuePair<string, byte[]> file in changes)
        {
            WriteNow(file.Key, file.Value);
        }
    }

    /// <summary>Two outputs on one path would overwrite each other on every build; the Dockerfile is never replaced whole.</summary>
    private bool TryOutputPaths()
    {
        string? compose = FullPathOrNull(ComposeFile);
        string? kubernetes = FullPathOrNull(KubernetesFile);
        string? dockerfile = FullPathOrNull(Dockerfile);
        if (compose is not null && compose == kubernetes)
        {
            Error(BuildDiagnostics.InvalidSetting, null, 0,
                $"VolumeGenComposeFile and VolumeGenKubernetesFile both name '{compose}'; each would overwrite the other. Give them different files, e.g. compose.volumegen.yaml and deploy/volumes.yaml.");
            return false;
        }

        foreach ((string? path, string property) in new[] { (compose, "VolumeGenComposeFile"), (kubernetes, "VolumeGenKubernetesFile") })
        {
            if (path is not null && path == dockerfile)
            {
                Error(BuildDiagnostics.NotVolumeGenFile, path, 0,
                    $"{property} names the Dockerfile '{path}', which VolumeGen would replace whole; the file was not changed. VolumeGen edits a Dockerfile only between its marker lines: point {property} at a new file such as {(property == "VolumeGenComposeFile" ? "compose.volumegen.yaml" : "deploy/volumes.yaml")}.");
                return false;
            }
        }

        return true;
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

    private bool TryReadManifest(out VolumeManifest? manifest)
    {
        manifest = null;
        AssemblyManifestResult result = AssemblyManifestReader.Read(AssemblyPath);
        if (result.Status == AssemblyManifestStatus.NoManifest)
        {
            return true;
        }

        if (result.Status != AssemblyManifestStatus.Found)
        {
            Error(BuildDiagnostics.UnreadableManifest, AssemblyPath, 0, "VolumeGen could not read the built assembly: " + result.Message);
            return false;
        }

        string? json = result.Json;
        if (json is null)
        {
            return true;
        }

        if (!VolumeManifest.TryParse(json, out manifest, out string? error))
        {
            Error(BuildDiagnostics.UnreadableManifest, AssemblyPath, 0,
                $"The VolumeGen manifest in '{AssemblyPath}' cannot be read: {error} The build task and the VolumeGen package that generated it must be the same version.");
            return false;
        }

        return true;
    }

    /// <summary>Reads VolumeGenDockerfileOwnership as <c>auto</c> (empty), <c>none</c>, <c>run</c> or <c>copy</c>, and an explicit owner.</summary>
    private bool TryOwnership(out string ownership, out string? owner)
    {
        owner = NonEmpty(Owner);
        switch ((Ownership ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "":
            case "auto":
                ownership = "auto";
                break;
            case "none":
            case "false":
                ownership = "none";
                break;
            case "run":
            case "true":
                ownership = "run";
                break;
            case "copy":
                ownership = "copy";
                break;
            default:
                ownership = "none";
                Error(BuildDiagnostics.InvalidSetting, null, 0,
                    $"VolumeGenDockerfileOwnership is '{Ownership}'; leave it empty (VolumeGen follows the image's USER), or use 'none', 'run' (RUN mkdir + chown, needs a shell) or 'copy' (COPY --chown, no shell needed).");
                return false;
        }

        if (owner is not null && !DockerfileRegion.IsValidOwner(owner))
        {
            Error(BuildDiagnostics.InvalidSetting, null, 0,
                $"The Dockerfile owner '{owner}' (VolumeGenDockerfileOwner) is not a user name, id or variable. Use e.g. '$APP_UID', 'app' or '1654:1654'.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The pod's fsGroup: VolumeGenKubernetesFsGroup (a number, or <c>none</c>); else the group of the user the image
    /// runs as — the Dockerfile's final USER, else ContainerUser, else the SDK's default <c>$APP_UID</c> (1654) when the
    /// project publishes with the SDK; none for root. A non-root user whose id cannot be told gets VG3031.
    /// </summary>
    private bool TryKubernetes(out long? fsGroup, out KubernetesWorkload workload)
    {
        fsGroup = null;
        workload = VolumeGen.KubernetesWorkload.Deployment;
        switch ((KubernetesWorkload ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "":
            case "deployment":
                break;
            case "statefulset":
                workload = VolumeGen.KubernetesWorkload.StatefulSet;
                break;
            default:
                Error(BuildDiagnostics.InvalidSetting, null, 0,
                    $"VolumeGenKubernetesWorkload is '{KubernetesWorkload}'; use 'Deployment' (the default; strategy Recreate with ReadWriteOnce claims) or 'StatefulSet' (volumeClaimTemplates).");
                return false;
        }

        string configured = (KubernetesFsGroup ?? string.Empty).Trim();
        if (configured.Length > 0)
        {
            if (string.Equals(configured, "none", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (!long.TryParse(configured, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id)
                || OutputNames.FsGroupProblem(id, "VolumeGenKubernetesFsGroup") is not null)
            {
                Error(BuildDiagnostics.InvalidSetting, null, 0,
                    $"VolumeGenKubernetesFsGroup is '{configured}', which is not a group id. Use the container user's numeric group, e.g. '1654' (the .NET images' app user), or 'none'.");
                return false;
            }

            fsGroup = id;
            return true;
        }

        if (string.IsNullOrWhiteSpace(KubernetesFile))
        {
            return true;
        }

        (ContainerFiles.ContainerUser? user, string source) = ImageUser();
        if (user is null)
        {
            return true;
        }

        fsGroup = user.FsGroup;
        if (user.FsGroupUnknown)
        {
            Warning(BuildDiagnostics.FsGroupUnknown, null, 0,
                $"The image runs as '{user.Text}' ({source}), whose numeric id VolumeGen cannot tell, so the Kubernetes patch has no securityContext.fsGroup and the pod's user may not be able to write its claims. Set VolumeGenKubernetesFsGroup to the user's group id (e.g. 1654), or to 'none'.");
        }

        return true;
    }

    /// <summary>The user the image runs as, and where that comes from: the Dockerfile's final stage, else the SDK's ContainerUser or default.</summary>
    private (ContainerFiles.ContainerUser? User, string Source) ImageUser()
    {
        if (!string.IsNullOrWhiteSpace(Dockerfile) && FileIdentity.KindOf(Dockerfile!) == FileKind.File)
        {
            try
            {
                ContainerFiles.Dockerfile model = ContainerFiles.Dockerfile.Parse(DockerfileText.Parse(File.ReadAllBytes(Dockerfile!)).Text);
                if (model.FinalStage(DockerfileTarget) is ContainerFiles.DockerfileStage stage)
                {
                    return (ContainerFiles.ContainerUser.Of(stage), "the Dockerfile's USER");
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // UpdateDockerfile reports the unreadable file.
            }
        }

        if (NonEmpty(ContainerUser) is string containerUser)
        {
            return (ContainerFiles.ContainerUser.Parse(containerUser), "ContainerUser");
        }

        return SdkContainer ? (ContainerFiles.ContainerUser.Parse("$APP_UID"), "the SDK's default ContainerUser") : (null, string.Empty);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private bool TryNames(out string composeService, out string appName)
    {
        composeService = NameOrDefault(ComposeService, OutputNames.ComposeService(ProjectName));
        appName = NameOrDefault(KubernetesAppName, KubernetesManifests.Dns1123Label(ProjectName));
        string? problem = OutputNames.ComposeServiceProblem(composeService, "VolumeGenComposeService")
            ?? OutputNames.KubernetesNameProblem(appName, "VolumeGenKubernetesAppName");
        if (problem is not null)
        {
            Error(BuildDiagnostics.InvalidSetting, null, 0, problem);
            return false;
        }

        return true;
    }

    /// <summary>Plans the Dockerfile's new block (written by <see cref="Commit"/>); returns the block's lines, or null when the file keeps its own.</summary>
    private IReadOnlyList<string>? UpdateDockerfile(string path, IEnumerable<string> classNames, MountSet mounts, bool hasDeclarations, string ownership, string? owner)
    {
        FileKind kind = FileIdentity.KindOf(path);
        if (kind != FileKind.File)
        {
            // Never opened: a FIFO would block the build, a folder or a dangling link cannot be read.
            if (DockerfileExplicit)
            {
                string what = kind switch
                {
                    FileKind.Folder => "which is a folder",
                    FileKind.Other => "which is not a regular file (a FIFO, socket or device)",
                    FileKind.Unresolvable => "a symbolic link that leads nowhere",
                    _ => "which does not exist",
                };
                Warning(BuildDiagnostics.DockerfileNotFound, path, 0,
                    $"VolumeGenDockerfile names '{path}', {what}. Create the Dockerfile, or correct the property (set it to none to stop VolumeGen looking for a Dockerfile).");
            }

            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Error(BuildDiagnostics.CannotWrite, path, 0, $"VolumeGen could not read the Dockerfile '{path}': {exception.Message}");
            return null;
        }

        DockerfileText file = DockerfileText.Parse(bytes);
        RegionLocation region = DockerfileRegion.Locate(file);
        ContainerFiles.Dockerfile model = ContainerFiles.Dockerfile.Parse(file.Text);
        if (!TryFinalStage(path, model, out ContainerFiles.DockerfileStage? image))
        {
            return null;
        }

        if (hasDeclarations)
        {
            var declaredTargets = new HashSet<string>(mounts.Select(static m => ContainerPath.Normalize(m.Target)), StringComparer.Ordinal);
            foreach (HandWrittenVolume volume in HandWrittenVolumes.Find(image))
            {
                if (!declaredTargets.Contains(volume.Path))
                {
                    Warning(BuildDiagnostics.UndeclaredVolume, path, volume.Line,
                        $"The Dockerfile declares VOLUME \"{volume.Path}\", which no VolumeGen attribute declares: every container started with the generated arguments gets a new anonymous volume there, which leaks. Declare it in C# (e.g. [PersistentVolume(\"{volume.Path}\")] or [AnonymousVolume(\"{volume.Path}\")]) and delete the hand-written VOLUME, or remove it.");
                }
            }
        }

        switch (region.State)
        {
            case RegionState.Missing:
                Lint(path, model);
                if (hasDeclarations)
                {
                    int line = ContainerFiles.GeneratedBlockPlacement.LineBefore(model, DockerfileTarget) ?? 0;
                    string where = line < 1 ? "where the VOLUME instruction belongs (after WORKDIR, before ENTRYPOINT)"
                        : line > file.Lines.Count ? "at the end of the file"
                        : $"before line {line} ('{file.Lines[line - 1].Text.Trim()}'), where the image is still built as root";
                    string why = string.IsNullOrWhiteSpace(DockerfileReason) ? string.Empty
                        : $" VolumeGen keeps this Dockerfile because {DockerfileReason!.Trim()}; set VolumeGenDockerfile to name another.";
                    Warning(BuildDiagnostics.MissingMarkers, path, Math.Min(Math.Max(line, 0), file.Lines.Count),
                        $"The Dockerfile '{path}' has no VolumeGen block, so its VOLUME lines are not kept in sync. Add these two lines {where}: '{DockerfileRegion.BeginMarker}' and '{DockerfileRegion.EndMarker}'.{why} If VolumeGen should not manage this Dockerfile, set VolumeGenDockerfile to none (or to an empty value).");
                }

                return null;

            case RegionState.Malformed:
                Lint(path, model);
                Error(BuildDiagnostics.MalformedMarkers, path, (region.EndLine >= 0 ? region.EndLine : region.BeginLine) + 1,
                    $"The VolumeGen block in '{path}' is malformed: {region.Problem}. The file was not changed.");
                return null;
        }

        // A block names the project that owns it; a second project sharing the Dockerfile must not flip it.
        string? owningProject = DockerfileRegion.ProjectOf(file.Lines[region.BeginLine].Text);
        if (owningProject is not null && !string.Equals(owningProject, ProjectName, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(DockerfileReason))
        {
            // The search found this Dockerfile away from the project, and its block is another project's: it is that
            // project's Dockerfile (two apps copying one another), not a shared one the user named. Left alone, said plainly.
            Lint(path, model);
            Log.LogMessage(MessageImportance.High, "VolumeGen: '{0}' holds the VolumeGen block of '{1}', so {2} does not write it (the search chose it because {3}). Set VolumeGenDockerfile to name {2}'s own Dockerfile, or to none.", path, owningProject, ProjectName, DockerfileReason!.Trim());
            return null;
        }

        if (owningProject is not null && !string.Equals(owningProject, ProjectName, StringComparison.Ordinal))
        {
            Lint(path, model);
            Error(BuildDiagnostics.BlockOfAnotherProject, path, region.BeginLine + 1,
                $"The VolumeGen block in '{path}' belongs to the project '{owningProject}', not to '{ProjectName}'; the file was not changed. Two projects cannot share one block: give this project its own Dockerfile (VolumeGenDockerfile), or switch its Dockerfile step off (VolumeGenDockerfile=none). If the block is this project's (the project was renamed), change '{owningProject}' on the block's first line to '{ProjectName}'.");
            return null;
        }

        OwnershipPlan plan = OwnershipPlanner.Decide(ownership, owner, NonEmpty(ContainerUser), file.Text, image!, region.BeginLine);
        if (plan.Problem is not null)
        {
            Warning(BuildDiagnostics.VolumeFoldersNotOwned, path, plan.ProblemLine, plan.Problem);
        }

        if (plan.Form != DockerfileOwnership.None && !DockerfileRegion.IsValidOwner(plan.Owner))
        {
            Warning(BuildDiagnostics.VolumeFoldersNotOwned, path, plan.ProblemLine,
                $"The image runs as '{plan.Owner}', which VolumeGen cannot write as a --chown owner (a user name, id or variable), so the volume folders stay root's. Set VolumeGenDockerfileOwner, e.g. to '$APP_UID' or '1654:1654'.");
            plan = plan with { Form = DockerfileOwnership.None };
        }

        if (plan.Form == DockerfileOwnership.Copy && !EnsureEmptyDirectory(path, model))
        {
            return null;
        }

        IReadOnlyList<string> lines = DockerfileRegion.Lines(classNames, mounts, model.EscapeCharacter, plan.Form, plan.Owner, EmptyDirectory, ProjectName, plan.UserAtBlock);
        byte[] updated = DockerfileRegion.Replace(file, region, lines);
        Lint(path, ContainerFiles.Dockerfile.Parse(DockerfileText.Parse(updated).Text)); // the file as it will be, block included
        Write(path, updated);
        return lines;
    }

    /// <summary>The Dockerfile VOLUME lint (VG4001–VG4007), each finding a warning at its line.</summary>
    private void Lint(string path, ContainerFiles.Dockerfile model)
    {
        foreach (ContainerFiles.DockerfileFinding finding in ContainerFiles.DockerfileLint.Check(model, DockerfileTarget))
        {
            Warning(finding.Id, path, finding.Line, finding.Message);
        }
    }

    /// <summary>The stage whose image the Dockerfile builds: the VolumeGenDockerfileTarget stage, else the last (docs/container-files.md).</summary>
    private bool TryFinalStage(string path, ContainerFiles.Dockerfile model, out ContainerFiles.DockerfileStage? image)
    {
        image = model.FinalStage(DockerfileTarget);
        if (image is null && !string.IsNullOrWhiteSpace(DockerfileTarget))
        {
            string stages = string.Join(", ", model.Stages.Where(static s => s.Name is not null).Select(static s => s.Name));
            Error(BuildDiagnostics.InvalidSetting, path, 0,
                $"VolumeGenDockerfileTarget is '{DockerfileTarget!.Trim()}', but '{path}' has no stage of that name ({(stages.Length == 0 ? "it names no stage" : "its named stages: " + stages)}). Set it to the stage 'docker build --target' builds, or clear it to use the last stage. The Dockerfile was not changed.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// For <c>copy</c> ownership: creates the empty source folder in the Docker build context (<see cref="BuildContext"/>).
    /// Git keeps no empty folder, so on a clean clone the build makes it before <c>docker build</c> needs it.
    /// </summary>
    private bool EnsureEmptyDirectory(string dockerfile, ContainerFiles.Dockerfile model)
    {
        string relative = string.IsNullOrWhiteSpace(EmptyDirectory) ? DefaultEmptyDirectory : EmptyDirectory!.Trim();
        string context = BuildContext.Find(dockerfile, DockerContext, string.IsNullOrWhiteSpace(KubernetesBindRoot) ? Path.GetDirectoryName(Path.GetFullPath(dockerfile)) ?? "." : KubernetesBindRoot!, model);
        string folder = Path.Combine(context, relative);
        try
        {
            Directory.CreateDirectory(folder);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Error(BuildDiagnostics.CannotWrite, folder, 0,
                $"VolumeGen could not create the empty folder '{folder}' that the COPY --chown ownership step copies ({exception.Message}). Make its parent writable or set VolumeGenDockerfileEmptyDirectory.");
            return false;
        }
    }

    /// <summary>The default empty folder for <c>copy</c> ownership, relative to the Docker build context.</summary>
    public const string DefaultEmptyDirectory = DockerfileRegion.DefaultEmptyDirectory;

    private void WriteIntermediate(string name, string text)
    {
        string path = Path.Combine(IntermediateDirectory, name);
        _intermediate.Add(new TaskItem(path));
        Write(path, Encode(text));
    }

    /// <summary>
    /// Writes a file VolumeGen owns whole (compose override, Kubernetes YAML): a new file, or one that starts with
    /// <see cref="GeneratedFileHeader.Prefix"/>. Any other existing file is someone else's: refused, untouched.
    /// </summary>
    private void WriteGenerated(string path, string property, string text)
    {
        byte[] existing;
        try
        {
            if (FileIdentity.KindOf(path) == FileKind.Other)
            {
                throw new IOException("it is not a regular file (a FIFO, socket or device)"); // never opened: a FIFO would block the build
            }

            existing = File.Exists(path) ? File.ReadAllBytes(path) : Array.Empty<byte>();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Error(BuildDiagnostics.CannotWrite, path, 0, $"VolumeGen could not read '{path}' ({exception.Message}) to check that it wrote it; the file is unchanged.");
            return;
        }

        if ((File.Exists(path) || Directory.Exists(path)) && !(File.Exists(path) && GeneratedFileHeader.IsGenerated(existing)))
        {
            Error(BuildDiagnostics.NotVolumeGenFile, path, 0,
                $"{property} names '{path}', which VolumeGen did not write (its first line is not '{GeneratedFileHeader.Prefix} …'): VolumeGen replaces its output whole, so it left this file untouched. Point {property} at a new file (e.g. {(property == "VolumeGenComposeFile" ? "compose.volumegen.yaml" : "deploy/volumes.yaml")}), or delete or rename this one if VolumeGen should write it.");
            return;
        }

        Write(path, Encode(text));
    }

    private void Write(string path, byte[] content) => _planned.Add(new KeyValuePair<string, byte[]>(path, content));

    private void WriteNow(string path, byte[] content)
    {
        try
        {
            if (ArtifactFile.WriteIfChanged(path, content))
            {
                _written.Add(new TaskItem(path));
                Log.LogMessage(MessageImportance.Normal, "VolumeGen: wrote {0}", path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Error(BuildDiagnostics.CannotWrite, path, 0,
                $"VolumeGen could not write '{path}' ({exception.Message}); the old file is unchanged. Make the file and its folder writable (e.g. chmod u+w, chattr -i, clear the read-only attribute), or set VolumeGenEmit=false.");
        }
    }

    private static byte[] Encode(string text) => new UTF8Encoding(false).GetBytes(text);

    private void Warning(string code, string? file, int line, string message)
        => Log.LogWarning(null, code, null, BuildDiagnostics.GetHelpUri(code), file, line, 0, 0, 0, message);

    private void Error(string code, string? file, int line, string message)
        => Log.LogError(null, code, null, BuildDiagnostics.GetHelpUri(code), file, line, 0, 0, 0, message);

    private static string NameOrDefault(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value!.Trim();

    /// <summary>A compose service name from a project name (see <see cref="OutputNames.ComposeService"/>).</summary>
    public static string ComposeName(string projectName) => OutputNames.ComposeService(projectName);
}
