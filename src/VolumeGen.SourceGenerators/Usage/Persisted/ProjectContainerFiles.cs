using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.ContainerFiles;
using VolumeGen.SourceGenerators.Usage.Configuration;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The container the project runs in, from its AdditionalFiles: the Dockerfile and compose files that build and run it
/// (<see cref="ContainerFileSelection"/>, the rule the build task follows too) and the environment the container starts
/// with — the image's (the chosen Dockerfile's final-stage <c>ENV</c>, or without a Dockerfile the SDK's
/// <c>ContainerEnvironmentVariable</c> items), then the compose <c>environment:</c> of the services that run it.
/// Read once per compilation.
/// </summary>
internal sealed class ProjectContainerFiles
{
    public const string DockerfilePathProperty = "build_property.VolumeGenDockerfilePath";
    public const string ContainerFilesProperty = "build_property.VolumeGenContainerFiles";
    public const string ProjectNameProperty = "build_property.MSBuildProjectName";
    public const string ProjectDirectoryProperty = "build_property.MSBuildProjectDirectory";
    public const string ProjectDirProperty = "build_property.ProjectDir";

    private ProjectContainerFiles(Dockerfile? dockerfile, IReadOnlyList<KnownMount> composeMounts, bool hasCompose, IReadOnlyList<EnvironmentVariable> environment, ContainerFileSelection selection, LibraryImages images, string? imagesReport)
    {
        Selection = selection;
        Images = images;
        ImagesReport = imagesReport;
        Dockerfile = dockerfile;
        ComposeMounts = composeMounts;
        HasCompose = hasCompose;
        Environment = environment;
    }

    public Dockerfile? Dockerfile { get; }

    public IReadOnlyList<KnownMount> ComposeMounts { get; }

    public bool HasCompose { get; }

    /// <summary>Which Dockerfile and compose files were chosen, and what VG2008 says about it.</summary>
    public ContainerFileSelection Selection { get; }

    /// <summary>The environment variables the container starts with (the image's, then compose environment).</summary>
    public IReadOnlyList<EnvironmentVariable> Environment { get; }

    /// <summary>The app images the project is built into as a class library (none for an app).</summary>
    public LibraryImages Images { get; }

    /// <summary>What VG2009 says when the project is a library whose writes cannot be judged, or null.</summary>
    public string? ImagesReport { get; }

    /// <summary>
    /// True for the configuration files the app reads: every <c>appsettings*.json</c> of the project, or for a library
    /// built into one app's image only the app's (the build passes them too).
    /// </summary>
    public bool IsConfigurationFile(AdditionalText file)
        => Images.Images.Count != 1 || Images.Images[0].Folder is not string folder || LibraryImages.IsInFolder(file, folder);

    /// <summary>
    /// The project as the build describes it (compiler-visible properties): its folder and name, the Dockerfile
    /// <c>VolumeGenDockerfile</c> names (<c>VolumeGenDockerfilePath</c>: a path, <c>none</c> when the Dockerfile step is
    /// off, empty when the search chooses), the files <c>VolumeGenContainerFiles</c> lists, <c>ContainerRepository</c>.
    /// </summary>
    public static ContainerProject ProjectOf(AnalyzerConfigOptions global, string? assemblyName)
    {
        string? named = Get(global, DockerfilePathProperty);
        return new ContainerProject(
            Get(global, ProjectDirectoryProperty) ?? Get(global, ProjectDirProperty),
            new[] { Get(global, ProjectNameProperty), assemblyName },
            string.Equals(named, "none", StringComparison.OrdinalIgnoreCase) ? null : named,
            (Get(global, ContainerFilesProperty) ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries),
            Get(global, UsageOptions.ContainerRepositoryProperty));
    }

    /// <summary>
    /// Which Dockerfile is the project's among <paramref name="files"/> — what VG2008 (on every compilation with a
    /// Dockerfile, writes or not) and the code fix (which Dockerfile the build keeps) need — reading no more than that
    /// choice needs: the Dockerfile VolumeGenDockerfile names alone; else the Dockerfiles, and the compose files only when
    /// a Dockerfile outside the project folder might be one a compose service builds from it. The same
    /// <see cref="ContainerFileSelection.Dockerfile"/> and <see cref="ContainerFileSelection.Report"/> as <see cref="Read"/>'s
    /// (its <see cref="ContainerFileSelection.Compose"/> may be left empty).
    /// </summary>
    public static ContainerFileSelection Select(IEnumerable<AdditionalText> files, AnalyzerConfigOptions globalOptions, string? assemblyName, CancellationToken cancellationToken)
    {
        ContainerProject project = ProjectOf(globalOptions, assemblyName);
        var dockerfiles = new List<AdditionalText>();
        var composeFiles = new List<AdditionalText>();
        foreach (AdditionalText file in files)
        {
            ContainerFileKind? kind = ContainerFileNames.KindOf(RepositoryPath.FileName(file.Path));
            if (kind == ContainerFileKind.Dockerfile)
            {
                if (project.IsNamed(file.Path) && Candidate(file, cancellationToken) is ContainerFileCandidate named)
                {
                    return ContainerFileSelection.Select(new[] { named }, project);
                }

                dockerfiles.Add(file);
            }
            else if (kind == ContainerFileKind.Compose)
            {
                composeFiles.Add(file);
            }
        }

        bool composeDecides = false;
        foreach (AdditionalText file in dockerfiles)
        {
            composeDecides |= !project.IsInProjectFolder(file.Path) && !project.IsListed(file.Path);
        }

        var candidates = new List<ContainerFileCandidate>();
        foreach (AdditionalText file in composeDecides ? dockerfiles.Concat(composeFiles) : dockerfiles)
        {
            if (Candidate(file, cancellationToken) is ContainerFileCandidate candidate)
            {
                candidates.Add(candidate);
            }
        }

        return ContainerFileSelection.Select(candidates, project);
    }

    /// <summary>Reads the container files among <paramref name="files"/> for the project <paramref name="globalOptions"/> describes.</summary>
    public static ProjectContainerFiles Read(IEnumerable<AdditionalText> files, AnalyzerConfigOptions globalOptions, string? assemblyName, CancellationToken cancellationToken)
    {
        Dictionary<ContainerFileCandidate, SourceText> candidates = Candidates(files, cancellationToken);
        ContainerProject project = ProjectOf(globalOptions, assemblyName);
        ContainerFileSelection selection = ContainerFileSelection.Select(candidates.Keys, project);
        // A class library shipped in one app's image runs in it: the selection then reads that image's Dockerfile.
        LibraryImages images = LibraryImages.Find(selection, project, files, cancellationToken);
        Dockerfile? model = selection.Dockerfile?.File.Dockerfile;

        var environment = new List<EnvironmentVariable>();
        string? target = globalOptions.TryGetValue(UsageOptions.DockerfileTargetProperty, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        if ((model?.FinalStage(target) ?? model?.FinalStage()) is DockerfileStage stage)
        {
            SourceText chosenText = candidates[selection.Dockerfile!.File];
            foreach (DockerfileVariable variable in stage.Environment)
            {
                if (variable.Value.IsKnown)
                {
                    environment.Add(Variable(variable.Name, variable.Value.Text, "Dockerfile ENV", selection.Dockerfile.File.Path, chosenText, variable.Line));
                }
            }
        }
        else if (model is null)
        {
            AddSdkEnvironment(environment, files, cancellationToken);
        }

        var compose = new List<KnownMount>();
        foreach (ComposeMatch match in selection.Compose)
        {
            compose.AddRange(Persisted.ComposeMounts.Of(match.Services));
            AddComposeEnvironment(environment, match.Services, match.File.Path, candidates[match.File]);
        }

        return new ProjectContainerFiles(model, compose, selection.Compose.Count > 0, environment, selection, images, images.Report(project));
    }

    private static Dictionary<ContainerFileCandidate, SourceText> Candidates(IEnumerable<AdditionalText> files, CancellationToken cancellationToken)
    {
        var candidates = new Dictionary<ContainerFileCandidate, SourceText>();
        foreach (AdditionalText file in files)
        {
            // The name first: reading a file is not free, and only container files are candidates.
            if (ContainerFileNames.IsContainerFile(RepositoryPath.FileName(file.Path)) && file.GetText(cancellationToken) is SourceText text
                && ContainerFileCandidate.Create(file.Path, text.ToString()) is ContainerFileCandidate candidate)
            {
                candidates.Add(candidate, text);
            }
        }

        return candidates;
    }

    private static ContainerFileCandidate? Candidate(AdditionalText file, CancellationToken cancellationToken)
        => file.GetText(cancellationToken) is SourceText text ? ContainerFileCandidate.Create(file.Path, text.ToString()) : null;

    /// <summary>The SDK's <c>ContainerEnvironmentVariable</c> items, which the package passes as <see cref="ContainerEnvironmentFile"/>.</summary>
    private static void AddSdkEnvironment(List<EnvironmentVariable> environment, IEnumerable<AdditionalText> files, CancellationToken cancellationToken)
    {
        foreach (AdditionalText file in files)
        {
            if (string.Equals(RepositoryPath.FileName(file.Path), ContainerEnvironmentFile.FileName, StringComparison.Ordinal) && file.GetText(cancellationToken) is SourceText text)
            {
                foreach ((string name, string value, int line) in ContainerEnvironmentFile.Parse(text.ToString()))
                {
                    environment.Add(Variable(name, value, "ContainerEnvironmentVariable", file.Path, text, line));
                }
            }
        }
    }

    /// <summary>The <c>environment:</c> of the services that run the project.</summary>
    private static void AddComposeEnvironment(List<EnvironmentVariable> environment, IReadOnlyList<ComposeService> services, string path, SourceText text)
    {
        foreach (ComposeService service in services)
        {
            foreach (ComposeEnvironmentVariable variable in service.Environment)
            {
                // "- NAME" takes its value from the shell running compose: unknown.
                if (variable.Value is string known && variable.IsKnown)
                {
                    environment.Add(Variable(variable.Name, known, "compose environment", path, text, variable.Line));
                }
            }
        }
    }

    private static EnvironmentVariable Variable(string name, string value, string sourceName, string path, SourceText text, int line)
    {
        if (line < 1 || line > text.Lines.Count)
        {
            return new EnvironmentVariable(name, value, sourceName, path);
        }

        TextLine textLine = text.Lines[line - 1];
        return new EnvironmentVariable(name, value, sourceName, path, textLine.Span, text.Lines.GetLinePositionSpan(textLine.Span));
    }

    private static string? Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
