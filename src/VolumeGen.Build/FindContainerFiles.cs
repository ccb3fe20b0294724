using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VolumeGen.Artifacts;
using VolumeGen.Build.ContainerFileSearch;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Build;

/// <summary>
/// Before compile (design-time builds included): finds the project's Dockerfiles and compose files
/// (<see cref="ContainerFileLocations"/>: the project folder, the folders above it up to the repository root, anywhere
/// below the root), chooses the ones that build and run the project by the rule the analyzers follow
/// (<see cref="ContainerFileSelection"/>), and hands the compiler — as AdditionalFiles — the files the analyzers read:
/// the project folder's, the named and listed ones, those above the project, and those found further away that relate
/// to the project. The Dockerfile whose block the build keeps is <see cref="Dockerfile"/>. Every file handed over is a
/// regular file that reads as text (<see cref="AnalyzerInputFile"/>); one that is not is left out and named once (VG3020),
/// so nothing VolumeGen adds can hang or fail the compiler. For a class library shipped in another app's image, the
/// app's storage lock and configuration files are handed over too (<see cref="LibraryAppFiles"/>). Finding nothing is
/// never an error.
/// </summary>
public sealed class FindContainerFiles : Task
{
    /// <summary>No Dockerfile or compose file is larger; a bigger file is not read.</summary>
    public const long MaxContainerFileBytes = 1024 * 1024;

    /// <summary>At most this many files found away from the project are read to see whether they relate to it.</summary>
    public const int MaxFilesRead = 200;

    /// <summary>The project folder (<c>$(MSBuildProjectDirectory)</c>).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary><c>$(MSBuildProjectName)</c>.</summary>
    public string? ProjectName { get; set; }

    /// <summary><c>$(AssemblyName)</c>.</summary>
    public string? AssemblyName { get; set; }

    /// <summary>The Dockerfile the user named (<c>VolumeGenDockerfile</c>, full path); empty when only defaulted or off.</summary>
    public string? NamedDockerfile { get; set; }

    /// <summary>The files <c>VolumeGenContainerFiles</c> lists, relative to the project folder.</summary>
    public ITaskItem[] ListedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>$(ContainerRepository)</c>: compose services running that image run the project.</summary>
    public string? ContainerRepository { get; set; }

    /// <summary>False (<c>VolumeGenFindContainerFiles=false</c>): only the project folder's, the named and the listed files.</summary>
    public bool Search { get; set; } = true;

    /// <summary>The project's AdditionalFiles already: container files among them are candidates too (not handed over again).</summary>
    public ITaskItem[] AdditionalFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Files VolumeGen writes itself (the compose override, the Kubernetes file): never candidates (unless named like a Dockerfile, a setting the task refuses).</summary>
    public ITaskItem[] Outputs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The configuration files the analyzers may read (<c>appsettings.json</c>, <c>appsettings.*.json</c>), to check.</summary>
    public ITaskItem[] ConfigurationFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The SDK's <c>ContainerEnvironmentVariable</c> items (<c>Include</c> the name, <c>Value</c> the value).</summary>
    public ITaskItem[] ContainerEnvironment { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>VolumeGen's folder under obj/, where <see cref="ContainerEnvironmentFile"/> is written.</summary>
    public string? IntermediateDirectory { get; set; }

    /// <summary>True in the one build of a project that reports (the only or the writing target framework): files left out are named once.</summary>
    public bool Report { get; set; } = true;

    /// <summary>The container files to hand the compiler as AdditionalFiles (none already there).</summary>
    [Output]
    public ITaskItem[] Files { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The configuration files that read as text (of <see cref="ConfigurationFiles"/>).</summary>
    [Output]
    public ITaskItem[] UsableConfigurationFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary><see cref="ContainerEnvironmentFile"/> when the project has <c>ContainerEnvironmentVariable</c> items, else empty.</summary>
    [Output]
    public string EnvironmentFile { get; private set; } = string.Empty;

    /// <summary>The Dockerfile whose VolumeGen block the build keeps (<see cref="ContainerFileSelection.KeptDockerfile"/>), or empty.</summary>
    [Output]
    public string Dockerfile { get; private set; } = string.Empty;

    /// <summary>Why the search chose <see cref="Dockerfile"/> away from the project (<c>its ENTRYPOINT runs Shop.dll</c>); empty when none, named, or in the project folder.</summary>
    [Output]
    public string DockerfileReason { get; private set; } = string.Empty;

    private ContainerProject? _project;

    /// <inheritdoc />
    public override bool Execute()
    {
        string project;
        try
        {
            project = Path.GetFullPath(ProjectDirectory);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException or SecurityException)
        {
            Log.LogMessage(MessageImportance.Low, "VolumeGen: container files of '{0}' were not searched: {1}", ProjectDirectory, exception.Message);
            return true;
        }

        ContainerProject facts = new(project, new[] { ProjectName, AssemblyName }, string.IsNullOrWhiteSpace(NamedDockerfile) ? null : Full(NamedDockerfile!),
            ListedFiles.Select(static f => f.ItemSpec), ContainerRepository);
        _project = facts;
        // VolumeGen's own compose output is no input. An output property naming a Dockerfile stays one: the task refuses that setting by name.
        var excluded = new HashSet<string>(Outputs.Select(static o => Full(o.ItemSpec)).Where(static p => p is not null && !ContainerFileNames.IsDockerfile(Path.GetFileName(p)))!, StringComparer.Ordinal);
        var known = new HashSet<string>(AdditionalFiles.Select(static f => Full(f.ItemSpec)).Where(static p => p is not null)!, StringComparer.Ordinal);
        var candidates = new Dictionary<string, ContainerFileCandidate>(StringComparer.Ordinal);

        // The files the analyzers read near the project: handed over whatever they say, so the analyzers can tell which fits.
        var near = new List<string>();
        near.AddRange(ContainerFileLocations.InProjectFolder(project));
        if (!string.IsNullOrWhiteSpace(NamedDockerfile))
        {
            near.Add(Full(NamedDockerfile!) ?? NamedDockerfile!);
        }

        foreach (ITaskItem listed in ListedFiles)
        {
            if (Full(Path.Combine(project, listed.ItemSpec.Trim())) is string path)
            {
                near.Add(path);
            }
        }

        IReadOnlyList<string> away = Array.Empty<string>();
        if (Search)
        {
            near.AddRange(Guarded(() => ContainerFileLocations.Find(project)));
            if (ContainerFileLocations.RepositoryRoot(project) is string root)
            {
                RepositoryFiles below = ContainerFileLocations.BelowRoot(root);
                away = below.Files;
                if (below.Stopped is not null && Report)
                {
                    Info(BuildDiagnostics.SearchBounded, root,
                        $"VolumeGen stopped searching '{root}' for Dockerfiles and compose files because {below.Stopped}; files further down are not read. Name the project's with VolumeGenDockerfile or VolumeGenContainerFiles if they are there.");
                }
            }
        }

        var handedOver = new List<string>();
        foreach (string path in near.Distinct(StringComparer.Ordinal))
        {
            if (!excluded.Contains(path) && Candidate(path, candidates, report: Report && !known.Contains(path)) is not null && !known.Contains(path))
            {
                handedOver.Add(path);
            }
        }

        foreach (string path in known)
        {
            if (ContainerFileNames.IsContainerFile(Path.GetFileName(path)))
            {
                Candidate(path, candidates, report: false);
            }
        }

        // Files further away count only when they relate to the project: read (a bounded number), then chosen among all.
        int read = 0;
        var awayCandidates = new List<string>();
        foreach (string path in away)
        {
            if (candidates.ContainsKey(path) || excluded.Contains(path))
            {
                continue;
            }

            if (read++ == MaxFilesRead)
            {
                if (Report)
                {
                    Info(BuildDiagnostics.SearchBounded, path,
                        $"VolumeGen read {MaxFilesRead} Dockerfiles and compose files away from the project and stopped; '{path}' and the files after it are not read. Name the project's with VolumeGenDockerfile or VolumeGenContainerFiles if they are there.");
                }

                break;
            }

            if (Candidate(path, candidates, report: false) is not null)
            {
                awayCandidates.Add(path);
            }
        }

        ContainerFileSelection all = ContainerFileSelection.Select(candidates.Values, facts);
        foreach (string path in awayCandidates)
        {
            if (all.IsRelated(candidates[path]))
            {
                handedOver.Add(path);
            }
        }

        // The choice over exactly what the analyzers get (the same files, the same rule): the Dockerfile they read.
        var visible = new HashSet<string>(handedOver, StringComparer.Ordinal);
        visible.UnionWith(known);
        ContainerFileSelection selection = ContainerFileSelection.Select(candidates.Where(c => visible.Contains(c.Key)).Select(static c => c.Value), facts);
        if (selection.KeptDockerfile is DockerfileMatch kept)
        {
            Dockerfile = kept.File.Path;
            // The reason marks a Dockerfile the search found away from the project (the task words VG3001 and a foreign block by it).
            DockerfileReason = kept.Relation is DockerfileRelation.Named or DockerfileRelation.InProjectFolder ? string.Empty : kept.Reason;
            Log.LogMessage(MessageImportance.Low, "VolumeGen: the Dockerfile of {0} is '{1}' ({2})", facts.DisplayName, kept.File.Path, kept.Reason);
        }

        // A class library shipped in another app's image: that app's storage lock and configuration files, so the analyzers
        // judge the library's writes against the app's declarations (docs/analyzers.md, "Several projects, one image").
        foreach (string path in Guarded(() => LibraryAppFiles.Find(selection, facts)))
        {
            if (!known.Contains(path) && !handedOver.Contains(path))
            {
                AnalyzerInputFile file = AnalyzerInputFile.Read(path);
                if (file.Text is not null)
                {
                    handedOver.Add(path);
                }
                else if (Report)
                {
                    LeftOut(path, file.Problem!);
                }
            }
        }

        Files = handedOver.Select(static p => (ITaskItem)new TaskItem(p)).ToArray();
        UsableConfigurationFiles = CheckConfigurationFiles();
        WriteEnvironmentFile();
        return !Log.HasLoggedErrors;
    }

    /// <summary>Reads <paramref name="path"/> into <paramref name="candidates"/>; null (and, when <paramref name="report"/>, VG3020) when it cannot be handed over.</summary>
    private ContainerFileCandidate? Candidate(string path, Dictionary<string, ContainerFileCandidate> candidates, bool report)
    {
        if (candidates.TryGetValue(path, out ContainerFileCandidate? known))
        {
            return known;
        }

        AnalyzerInputFile file = AnalyzerInputFile.Read(path, MaxContainerFileBytes);
        if (file.Text is null)
        {
            if (report)
            {
                LeftOut(path, file.Problem!);
            }
            else
            {
                Log.LogMessage(MessageImportance.Low, "VolumeGen: '{0}' was not read: {1}", path, file.Problem);
            }

            return null;
        }

        ContainerFileCandidate? candidate = ContainerFileCandidate.Create(path, file.Text);
        if (candidate is not null)
        {
            candidates.Add(path, candidate);
        }

        return candidate;
    }

    private ITaskItem[] CheckConfigurationFiles()
    {
        var usable = new List<ITaskItem>();
        foreach (ITaskItem item in ConfigurationFiles)
        {
            string path = Full(item.ItemSpec) ?? item.ItemSpec;
            if (FileIdentity.KindOf(path) == FileKind.Missing)
            {
                continue; // the package offers appsettings.json to every project; one without it has nothing to say
            }

            AnalyzerInputFile file = AnalyzerInputFile.Read(path);
            if (file.Text is not null)
            {
                usable.Add(item);
            }
            else if (Report)
            {
                LeftOut(path, file.Problem!);
            }
        }

        return usable.ToArray();
    }

    private void WriteEnvironmentFile()
    {
        if (ContainerEnvironment.Length == 0 || string.IsNullOrWhiteSpace(IntermediateDirectory))
        {
            return;
        }

        string text = ContainerEnvironmentFile.Format(ContainerEnvironment.Select(static v => new KeyValuePair<string, string>(v.ItemSpec, v.GetMetadata("Value"))));
        string path = Path.Combine(IntermediateDirectory!, ContainerEnvironmentFile.FileName);
        try
        {
            ArtifactFile.WriteIfChanged(path, new UTF8Encoding(false).GetBytes(text));
            EnvironmentFile = path;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Log.LogMessage(MessageImportance.Normal, "VolumeGen: the analyzers do not see the ContainerEnvironmentVariable items: '{0}' could not be written ({1})", path, exception.Message);
        }
    }

    private void LeftOut(string path, string problem)
        => Info(BuildDiagnostics.FileLeftOut, path,
            $"VolumeGen left '{Display(path)}' out of the files it hands the analyzers: {problem}. The build goes on without it; the analyzers do not read it.");

    private void Info(string code, string file, string message)
        => Log.LogMessage(null, code, BuildDiagnostics.GetHelpUri(code), file, 0, 0, 0, 0, MessageImportance.High, message); // no arguments: the text is not a format string

    private string Display(string path) => _project?.Display(path) ?? path;

    private IReadOnlyList<string> Guarded(Func<IReadOnlyList<string>> find)
    {
        try
        {
            return find();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SecurityException or ArgumentException or NotSupportedException)
        {
            Log.LogMessage(MessageImportance.Low, "VolumeGen: container files above '{0}' were not searched: {1}", ProjectDirectory, exception.Message);
            return Array.Empty<string>();
        }
    }

    private static string? Full(string path)
    {
        try
        {
            return string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path.Trim());
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException or SecurityException)
        {
            return null;
        }
    }
}
