using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.ContainerFiles;
using VolumeGen.SourceGenerators.Usage.Configuration;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The Dockerfile and compose files of the project's AdditionalFiles, read by the runtime library's models, and the
/// environment the container starts with: the final stage's <c>ENV</c>, then the project services' compose
/// <c>environment:</c> (which overrides the image's). Read once per compilation.
/// </summary>
internal sealed class ProjectContainerFiles
{
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

    /// <summary>Which Dockerfile was chosen, and what VG2008 says about it.</summary>
    public ContainerFileSelection Selection { get; }

    /// <summary>The app images the project is built into as a class library (none for an app).</summary>
    public LibraryImages Images { get; }

    /// <summary>What VG2009 says when the project is a library whose writes cannot be judged, or null.</summary>
    public string? ImagesReport { get; }

    /// <summary>
    /// True for the configuration files the app reads: every <c>appsettings*.json</c> of the project, or for a library
    /// built into one app's image only the app's (the build passes them too).
    /// </summary>
    public bool IsConfigurationFile(AdditionalText file)
        => Images.Images.Count != 1 || LibraryImages.IsInFolder(file, Images.Images[0].Folder);

    /// <summary>The environment variables the container starts with (final-stage ENV, then compose environment).</summary>
    public IReadOnlyList<EnvironmentVariable> Environment { get; }

    /// <summary>
    /// Reads the container files: the Dockerfile that builds this project (<see cref="ContainerFileSelection"/>), the
    /// compose services that run it; <paramref name="globalOptions"/> carries the build's properties (the project's
    /// folder and name, VolumeGenDockerfile, VolumeGenContainerFiles, VolumeGenDockerfileTarget).
    /// </summary>
    public static ProjectContainerFiles Read(IEnumerable<AdditionalText> files, AnalyzerConfigOptions globalOptions, string? assemblyName, CancellationToken cancellationToken)
    {
        var project = new ContainerFileSelection.Project(globalOptions, assemblyName);
        var dockerfiles = new List<(AdditionalText File, Dockerfile Model)>();
        var composeFiles = new List<(AdditionalText File, SourceText Text)>();
        foreach (AdditionalText file in files)
        {
            string name = Path.GetFileName(file.Path);
            if (IsDockerfile(name) && file.GetText(cancellationToken) is SourceText dockerfileText)
            {
                dockerfiles.Add((file, Dockerfile.Parse(dockerfileText.ToString())));
            }
            else if (IsComposeFile(name) && file.GetText(cancellationToken) is SourceText composeText)
            {
                composeFiles.Add((file, composeText));
            }
        }

        ContainerFileSelection selection = ContainerFileSelection.Choose(dockerfiles, project);
        string? target = globalOptions.TryGetValue(UsageOptions.DockerfileTargetProperty, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        LibraryImages images = LibraryImages.Find(dockerfiles, selection, project, target, files, cancellationToken);

        // A library built into one app's image runs in that image: its Dockerfile's facts are the library's too.
        AdditionalText? chosen = images.Images.Count == 1 ? images.Images[0].Dockerfile : selection.Dockerfile;
        Dockerfile? model = null;
        foreach ((AdditionalText file, Dockerfile parsed) in dockerfiles)
        {
            model = ReferenceEquals(file, chosen) ? parsed : model;
        }

        var environment = new List<EnvironmentVariable>();
        if ((model?.FinalStage(target) ?? model?.FinalStage()) is DockerfileStage stage && chosen?.GetText(cancellationToken) is SourceText chosenText)
        {
            foreach (DockerfileVariable variable in stage.Environment)
            {
                if (variable.Value.IsKnown)
                {
                    environment.Add(Variable(variable.Name, variable.Value.Text, "Dockerfile ENV", chosen.Path, chosenText, variable.Line));
                }
            }
        }

        var compose = new List<KnownMount>();
        bool hasCompose = false;
        foreach ((AdditionalText file, SourceText text) in composeFiles)
        {
            ComposeFile parsed = ComposeFile.Parse(text.ToString());
            IReadOnlyList<ComposeService> services = ContainerFileSelection.CountsWhole(file.Path, project)
                ? Persisted.ComposeMounts.ProjectServices(parsed)
                : BuildingServices(parsed, file.Path, chosen, project);
            if (services.Count == 0 && !ContainerFileSelection.CountsWhole(file.Path, project))
            {
                continue; // a compose file elsewhere that runs other projects
            }

            hasCompose = true;
            compose.AddRange(Persisted.ComposeMounts.Of(services));
            AddComposeEnvironment(environment, services, file.Path, text);
        }

        return new ProjectContainerFiles(model, compose, hasCompose, environment, selection, images, images.Report(project));
    }

    /// <summary><c>Dockerfile</c>, <c>Dockerfile.prod</c>, <c>app.dockerfile</c>.</summary>
    public static bool IsDockerfile(string name)
        => name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>compose.yaml</c>, <c>docker-compose.override.yml</c>, … (not VolumeGen's generated override).</summary>
    public static bool IsComposeFile(string name)
        => (name.StartsWith("compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase))
        && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        && name.IndexOf("volumegen", StringComparison.OrdinalIgnoreCase) < 0;

    private static IReadOnlyList<ComposeService> BuildingServices(ComposeFile file, string path, AdditionalText? dockerfile, ContainerFileSelection.Project project)
    {
        var services = new List<ComposeService>();
        foreach (ComposeService service in file.Services)
        {
            if (ContainerFileSelection.BuildsProject(service, path, dockerfile, project))
            {
                services.Add(service);
            }
        }

        return services;
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

}
