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
    private ProjectContainerFiles(Dockerfile? dockerfile, IReadOnlyList<KnownMount> composeMounts, bool hasCompose, IReadOnlyList<EnvironmentVariable> environment, ContainerFileSelection selection)
    {
        Selection = selection;
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
        List<(AdditionalText File, Dockerfile Model)> dockerfiles = ReadDockerfiles(files, cancellationToken);
        var composeFiles = new List<(AdditionalText File, SourceText Text)>();
        foreach (AdditionalText file in files)
        {
            if (IsComposeFile(Path.GetFileName(file.Path)) && file.GetText(cancellationToken) is SourceText composeText)
            {
                composeFiles.Add((file, composeText));
            }
        }

        ContainerFileSelection selection = ContainerFileSelection.Choose(dockerfiles, project);
        Dockerfile? model = null;
        foreach ((AdditionalText file, Dockerfile parsed) in dockerfiles)
        {
            model = ReferenceEquals(file, selection.Dockerfile) ? parsed : model;
        }

        var environment = new List<EnvironmentVariable>();
        string? target = globalOptions.TryGetValue(UsageOptions.DockerfileTargetProperty, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        if ((model?.FinalStage(target) ?? model?.FinalStage()) is DockerfileStage stage && selection.Dockerfile?.GetText(cancellationToken) is SourceText chosenText)
        {
            foreach (DockerfileVariable variable in stage.Environment)
            {
                if (variable.Value.IsKnown)
                {
                    environment.Add(Variable(variable.Name, variable.Value.Text, "Dockerfile ENV", selection.Dockerfile.Path, chosenText, variable.Line));
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
                : BuildingServices(parsed, file.Path, selection.Dockerfile, project);
            if (services.Count == 0 && !ContainerFileSelection.CountsWhole(file.Path, project))
            {
                continue; // a compose file elsewhere that runs other projects
            }

            hasCompose = true;
            compose.AddRange(Persisted.ComposeMounts.Of(services));
            AddComposeEnvironment(environment, services, file.Path, text);
        }

        return new ProjectContainerFiles(model, compose, hasCompose, environment, selection);
    }

    /// <summary>
    /// Only which Dockerfile builds the project, what VG2008 needs on every compilation: the Dockerfile VolumeGenDockerfile
    /// names is taken without parsing anything; otherwise the Dockerfiles are parsed and the compose files left unread.
    /// The same choice as <see cref="Read"/>'s.
    /// </summary>
    public static ContainerFileSelection Select(IEnumerable<AdditionalText> files, AnalyzerConfigOptions globalOptions, string? assemblyName, CancellationToken cancellationToken)
    {
        var project = new ContainerFileSelection.Project(globalOptions, assemblyName);
        foreach (AdditionalText file in files)
        {
            if (ContainerFileSelection.IsNamed(file, project) && IsDockerfile(Path.GetFileName(file.Path)) && file.GetText(cancellationToken) is not null)
            {
                return ContainerFileSelection.Named(file);
            }
        }

        return ContainerFileSelection.Choose(ReadDockerfiles(files, cancellationToken), project);
    }

    private static List<(AdditionalText File, Dockerfile Model)> ReadDockerfiles(IEnumerable<AdditionalText> files, CancellationToken cancellationToken)
    {
        var dockerfiles = new List<(AdditionalText File, Dockerfile Model)>();
        foreach (AdditionalText file in files)
        {
            if (IsDockerfile(Path.GetFileName(file.Path)) && file.GetText(cancellationToken) is SourceText text)
            {
                dockerfiles.Add((file, Dockerfile.Parse(text.ToString())));
            }
        }

        return dockerfiles;
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
