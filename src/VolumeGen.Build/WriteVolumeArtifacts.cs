using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VolumeGen.Artifacts;
using VolumeGen.Build.Dockerfiles;
using VolumeGen.Build.Outputs;

namespace VolumeGen.Build;

/// <summary>
/// After compile: reads the VolumeGen manifest from the built assembly and keeps the Dockerfile block, the
/// compose override and the Kubernetes manifests in sync with it. Everything is also written under
/// <see cref="IntermediateDirectory"/> for inspection. Files are written only when their bytes change.
/// Three steps: the properties read and checked once (<see cref="ArtifactSettings"/>), a plan of what each output
/// becomes (<see cref="ArtifactPlan"/>), and the commit that writes all of it or nothing (<see cref="ArtifactCommit"/>).
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
    /// Empty or <c>auto</c> (default: follow the image, see <see cref="OwnershipPlanner"/>), <c>none</c>, <c>run</c> or
    /// <c>copy</c> (<c>false</c> and <c>true</c> are <c>none</c> and <c>run</c>): see <see cref="OwnershipSetting"/>.
    /// </summary>
    public string? Ownership { get; set; }

    /// <summary>The owner for the ownership step; default: the image's user (<see cref="ContainerFiles.ImageFacts.Owner"/>).</summary>
    public string? Owner { get; set; }

    /// <summary>For <c>copy</c> ownership: an empty folder, relative to the Docker build context; default <see cref="DockerfileRegion.DefaultEmptyDirectory"/>.</summary>
    public string? EmptyDirectory { get; set; }

    /// <summary>The Docker build context (VolumeGenDockerContext, else Visual Studio's DockerfileContext), relative to the project folder; empty to find it (<see cref="BuildContext"/>).</summary>
    public string? DockerContext { get; set; }

    /// <summary>The SDK containers' <c>ContainerUser</c>: the user of an image published with <c>-t:PublishContainer</c> (without a Dockerfile).</summary>
    public string? ContainerUser { get; set; }

    /// <summary>The SDK containers' <c>ContainerBaseImage</c> as the project sets it; empty for the SDK's default .NET image.</summary>
    public string? ContainerBaseImage { get; set; }

    /// <summary>The SDK containers' <c>ContainerFamily</c>, e.g. <c>noble-chiseled</c>.</summary>
    public string? ContainerFamily { get; set; }

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
    private ArtifactSettings _settings = new();
    private ArtifactPlan _plan = new();

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
        if (!ArtifactSettings.TryRead(this, (code, file, message) => Error(code, file, 0, message), out _settings) || !TryReadManifest(out VolumeManifest? manifest))
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

        Plan(declared, mounts);
        _intermediate.AddRange(_plan.IntermediateFiles.Select(static path => new TaskItem(path)));
        if (!Log.HasLoggedErrors)
        {
            // After any error (a refused file, a foreign block, malformed markers) nothing is written.
            _written.AddRange(ArtifactCommit.Write(_plan, Log).Select(static path => new TaskItem(path)));
        }
    }

    /// <summary>What each output becomes (<see cref="_plan"/>); reads files, writes none.</summary>
    private void Plan(VolumeManifest declared, MountSet mounts)
    {
        ArtifactSettings settings = _settings;
        IEnumerable<string> classNames = declared.Classes.Select(static c => c.Name);
        bool hasDeclarations = declared.Classes.Count > 0;
        ContainerFiles.ImageFacts image = ImageFactsOfProject();

        // Each text once: the obj/ copy and the project's file are the same bytes.
        string compose = ComposeOverride.Format(mounts, settings.ComposeService);
        string kubernetes = KubernetesManifests.Format(mounts, settings.KubernetesAppName, new KubernetesOptions
        {
            IncludeHostPath = settings.KubernetesIncludeHostPath,
            BindRoot = settings.KubernetesBindRoot,
            FsGroup = PodFsGroup(image),
            Workload = settings.Workload,
            ConfigMapsForReadOnlyBinds = settings.KubernetesConfigMaps,
        });
        PlanIntermediate("manifest.json", declared.ToJson() + "\n");
        PlanIntermediate("run-arguments.sh.txt", mounts.ToCommandLine(ShellDialect.Posix) + "\n");
        PlanIntermediate("run-arguments.ps1.txt", mounts.ToCommandLine(ShellDialect.PowerShell) + "\n");
        PlanIntermediate("compose.volumegen.yaml", compose);
        PlanIntermediate("kubernetes.volumegen.yaml", kubernetes);

        // The block as it is (or would be) in the Dockerfile; without a Dockerfile, as a forced form would write it.
        IReadOnlyList<string> block = DockerfileRegion.Lines(classNames, mounts, '\\', OwnershipPlanner.ForcedForm(settings.Ownership) ?? DockerfileOwnership.None,
            settings.Owner ?? image.Owner, settings.EmptyDirectory, settings.ProjectName);
        if (settings.Dockerfile is not null)
        {
            block = UpdateDockerfile(settings.Dockerfile, classNames, mounts, hasDeclarations) ?? block;
        }

        PlanIntermediate("Dockerfile.volumegen", string.Join("\n", block) + "\n");

        if (settings.ComposeFile is not null)
        {
            PlanGenerated(settings.ComposeFile, "VolumeGenComposeFile", compose, "the compose override");
        }

        if (settings.KubernetesFile is not null)
        {
            PlanGenerated(settings.KubernetesFile, "VolumeGenKubernetesFile", kubernetes, "the Kubernetes manifests");
        }

        PlanStorageLock(mounts, declared.EphemeralPaths);
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

    /// <summary>
    /// The pod's fsGroup: VolumeGenKubernetesFsGroup (a number, or <c>none</c>); else the group of the user the image
    /// runs as (<paramref name="image"/>); none for root. A non-root user whose id cannot be told gets VG3031.
    /// </summary>
    private long? PodFsGroup(ContainerFiles.ImageFacts image)
    {
        if (!_settings.FsGroupFromImage)
        {
            return _settings.FsGroup;
        }

        if (_settings.KubernetesFile is null)
        {
            return null;
        }

        if (image.FsGroupUnknown)
        {
            string who = image.User is { } user ? $"'{user.Text}' ({image.UserSource})" : $"the user of {image.UserSource}";
            Warning(BuildDiagnostics.FsGroupUnknown, null, 0,
                $"The image runs as {who}, whose numeric id VolumeGen cannot tell, so the Kubernetes patch has no securityContext.fsGroup and the pod's user may not be able to write its claims. Set VolumeGenKubernetesFsGroup to the user's group id (e.g. 1654), or to 'none'.");
        }

        return image.FsGroup;
    }

    /// <summary>
    /// The image the project runs in (<see cref="ContainerFiles.ImageFacts"/>): the Dockerfile's final stage when the
    /// Dockerfile can be read and has one, else SDK container publishing with ContainerUser, ContainerBaseImage and ContainerFamily.
    /// </summary>
    private ContainerFiles.ImageFacts ImageFactsOfProject()
    {
        if (_settings.Dockerfile is string dockerfile && FileIdentity.KindOf(dockerfile) == FileKind.File)
        {
            try
            {
                ContainerFiles.Dockerfile model = ContainerFiles.Dockerfile.Parse(DockerfileText.Parse(File.ReadAllBytes(dockerfile)).Text);
                if (model.FinalStage(_settings.DockerfileTarget) is ContainerFiles.DockerfileStage stage)
                {
                    return ContainerFiles.ImageFacts.FromDockerfile(stage);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // UpdateDockerfile reports the unreadable file.
            }
        }

        return ContainerFiles.ImageFacts.FromSdk(_settings.ContainerUser, _settings.ContainerBaseImage, _settings.ContainerFamily);
    }

    /// <summary>Plans the Dockerfile's new block (written by <see cref="ArtifactCommit"/>); returns the block's lines, or null when the file keeps its own.</summary>
    private IReadOnlyList<string>? UpdateDockerfile(string path, IEnumerable<string> classNames, MountSet mounts, bool hasDeclarations)
    {
        ArtifactSettings settings = _settings;
        FileKind kind = FileIdentity.KindOf(path);
        if (kind != FileKind.File)
        {
            // Never opened: a FIFO would block the build, a folder or a dangling link cannot be read.
            if (settings.DockerfileExplicit)
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
                    int line = ContainerFiles.GeneratedBlockPlacement.LineBefore(model, settings.DockerfileTarget) ?? 0;
                    ContainerFiles.ImageFacts? there = line < 1 || ContainerFiles.GeneratedBlockPlacement.StageBefore(file.Text, line) is not { } stage ? null : ContainerFiles.ImageFacts.FromDockerfile(stage);
                    string asWho = there is null || there.IsRoot ? "where the image is still built as root" : $"where the image already runs as '{there.Owner}' (set by {there.UserSource})";
                    string where = line < 1 ? "where the VOLUME instruction belongs (after WORKDIR, before ENTRYPOINT)"
                        : line > file.Lines.Count ? "at the end of the file"
                        : $"before line {line} ('{file.Lines[line - 1].Text.Trim()}'), {asWho}";
                    string why = settings.DockerfileReason is null ? string.Empty
                        : $" VolumeGen keeps this Dockerfile because {settings.DockerfileReason}; set VolumeGenDockerfile to name another.";
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
        if (owningProject is not null && !string.Equals(owningProject, settings.ProjectName, StringComparison.Ordinal) && settings.DockerfileReason is not null)
        {
            // The search found this Dockerfile away from the project, and its block is another project's: it is that
            // project's Dockerfile (two apps copying one another), not a shared one the user named. Left alone, said plainly.
            Lint(path, model);
            Log.LogMessage(MessageImportance.High, "VolumeGen: '{0}' holds the VolumeGen block of '{1}', so {2} does not write it (the search chose it because {3}). Set VolumeGenDockerfile to name {2}'s own Dockerfile, or to none.", path, owningProject, settings.ProjectName, settings.DockerfileReason);
            return null;
        }

        if (owningProject is not null && !string.Equals(owningProject, settings.ProjectName, StringComparison.Ordinal))
        {
            Lint(path, model);
            Error(BuildDiagnostics.BlockOfAnotherProject, path, region.BeginLine + 1,
                $"The VolumeGen block in '{path}' belongs to the project '{owningProject}', not to '{settings.ProjectName}'; the file was not changed. Two projects cannot share one block: give this project its own Dockerfile (VolumeGenDockerfile), or switch its Dockerfile step off (VolumeGenDockerfile=none). If the block is this project's (the project was renamed), change '{owningProject}' on the block's first line to '{settings.ProjectName}'.");
            return null;
        }

        OwnershipPlan plan = OwnershipPlanner.Decide(settings.Ownership, settings.Owner, file.Text, image!, region.BeginLine);
        if (plan.Problem is not null)
        {
            Warning(BuildDiagnostics.VolumeFoldersNotOwned, path, plan.ProblemLine, plan.Problem);
        }

        if (plan.Form != DockerfileOwnership.None && !DockerfileRegion.IsValidOwner(plan.Owner))
        {
            Warning(BuildDiagnostics.VolumeFoldersNotOwned, path, plan.ProblemLine,
                $"The image runs as '{plan.Owner}', which VolumeGen cannot write as a --chown owner (a user name, id or variable), so the volume folders stay root's. Set VolumeGenDockerfileOwner, e.g. to '{ContainerFiles.ContainerUser.AppUidVariable}' or '1654:1654'.");
            plan = plan with { Form = DockerfileOwnership.None };
        }

        if (plan.Form == DockerfileOwnership.Copy)
        {
            PlanEmptyDirectory(path, model);
        }

        IReadOnlyList<string> lines = DockerfileRegion.Lines(classNames, mounts, model.EscapeCharacter, plan.Form, plan.Owner, settings.EmptyDirectory, settings.ProjectName, plan.UserAtBlock);
        byte[] updated = DockerfileRegion.Replace(file, region, lines);
        Lint(path, ContainerFiles.Dockerfile.Parse(DockerfileText.Parse(updated).Text)); // the file as it will be, block included
        _plan.File(path, updated, "the Dockerfile's VolumeGen block");
        return lines;
    }

    /// <summary>The Dockerfile VOLUME lint (VG4001–VG4007), each finding a warning at its line.</summary>
    private void Lint(string path, ContainerFiles.Dockerfile model)
    {
        foreach (ContainerFiles.DockerfileFinding finding in ContainerFiles.DockerfileLint.Check(model, _settings.DockerfileTarget))
        {
            Warning(finding.Id, path, finding.Line, finding.Message);
        }
    }

    /// <summary>The stage whose image the Dockerfile builds: the VolumeGenDockerfileTarget stage, else the last (docs/container-files.md).</summary>
    private bool TryFinalStage(string path, ContainerFiles.Dockerfile model, out ContainerFiles.DockerfileStage? image)
    {
        image = model.FinalStage(_settings.DockerfileTarget);
        if (image is null && _settings.DockerfileTarget is not null)
        {
            string stages = string.Join(", ", model.Stages.Where(static s => s.Name is not null).Select(static s => s.Name));
            Error(BuildDiagnostics.InvalidSetting, path, 0,
                $"VolumeGenDockerfileTarget is '{_settings.DockerfileTarget}', but '{path}' has no stage of that name ({(stages.Length == 0 ? "it names no stage" : "its named stages: " + stages)}). Set it to the stage 'docker build --target' builds, or clear it to use the last stage. The Dockerfile was not changed.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// For <c>copy</c> ownership: plans the empty source folder in the Docker build context (<see cref="BuildContext"/>).
    /// Git keeps no empty folder, so on a clean clone the build makes it before <c>docker build</c> needs it.
    /// </summary>
    private void PlanEmptyDirectory(string dockerfile, ContainerFiles.Dockerfile model)
    {
        string context = BuildContext.Find(dockerfile, _settings.DockerContext, _settings.KubernetesBindRoot ?? Path.GetDirectoryName(Path.GetFullPath(dockerfile)) ?? ".", model);
        _plan.Folder(Path.Combine(context, _settings.EmptyDirectory), "the empty folder the COPY --chown ownership step copies");
    }

    /// <summary>Plans the inspection copy <paramref name="name"/> under the intermediate folder.</summary>
    private void PlanIntermediate(string name, string text)
        => _plan.Intermediate(Path.Combine(_settings.IntermediateDirectory, name), text, "an inspection copy");

    /// <summary>
    /// Plans a file VolumeGen owns whole (compose override, Kubernetes YAML): a new file, or one that starts with
    /// <see cref="GeneratedFileHeader.Prefix"/>. Any other existing file is someone else's: refused, untouched.
    /// </summary>
    private void PlanGenerated(string path, string property, string text, string what)
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

        _plan.File(path, text, $"{what} ({property})");
    }

    private void Warning(string code, string? file, int line, string message) => Log.LogRuleWarning(code, file, line, message);

    private void Error(string code, string? file, int line, string message) => Log.LogRuleError(code, file, line, message);
}
