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
    private ProjectContainerFiles(Dockerfile? dockerfile, IReadOnlyList<KnownMount> composeMounts, bool hasCompose, IReadOnlyList<EnvironmentVariable> environment)
    {
        Dockerfile = dockerfile;
        ComposeMounts = composeMounts;
        HasCompose = hasCompose;
        Environment = environment;
    }

    public Dockerfile? Dockerfile { get; }

    public IReadOnlyList<KnownMount> ComposeMounts { get; }

    public bool HasCompose { get; }

    /// <summary>The environment variables the container starts with (final-stage ENV, then compose environment).</summary>
    public IReadOnlyList<EnvironmentVariable> Environment { get; }

    /// <summary>Reads the container files; <paramref name="globalOptions"/> names the Dockerfile's target stage (VolumeGenDockerfileTarget).</summary>
    public static ProjectContainerFiles Read(IEnumerable<AdditionalText> files, AnalyzerConfigOptions globalOptions, CancellationToken cancellationToken)
    {
        AdditionalText? dockerfile = null;
        var compose = new List<KnownMount>();
        var composeEnvironment = new List<EnvironmentVariable>();
        bool hasCompose = false;
        foreach (AdditionalText file in files)
        {
            string name = Path.GetFileName(file.Path);
            if (IsDockerfile(name))
            {
                // Prefer the file named exactly "Dockerfile", then the first in ordinal order.
                if (dockerfile is null || Rank(name) < Rank(Path.GetFileName(dockerfile.Path))
                    || (Rank(name) == Rank(Path.GetFileName(dockerfile.Path)) && string.CompareOrdinal(file.Path, dockerfile.Path) < 0))
                {
                    dockerfile = file;
                }
            }
            else if (IsComposeFile(name) && file.GetText(cancellationToken) is SourceText composeText)
            {
                hasCompose = true;
                ComposeFile parsed = ComposeFile.Parse(composeText.ToString());
                compose.AddRange(Persisted.ComposeMounts.Of(parsed));
                AddComposeEnvironment(composeEnvironment, parsed, file.Path, composeText);
            }
        }

        SourceText? dockerfileText = dockerfile?.GetText(cancellationToken);
        Dockerfile? model = dockerfileText is not null ? Dockerfile.Parse(dockerfileText.ToString()) : null;
        var environment = new List<EnvironmentVariable>();
        string? target = globalOptions.TryGetValue(UsageOptions.DockerfileTargetProperty, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        if ((model?.FinalStage(target) ?? model?.FinalStage()) is DockerfileStage stage)
        {
            foreach (DockerfileVariable variable in stage.Environment)
            {
                if (variable.Value.IsKnown)
                {
                    environment.Add(Variable(variable.Name, variable.Value.Text, "Dockerfile ENV", dockerfile!.Path, dockerfileText!, variable.Line));
                }
            }
        }

        environment.AddRange(composeEnvironment);
        return new ProjectContainerFiles(model, compose, hasCompose, environment);
    }

    /// <summary><c>Dockerfile</c>, <c>Dockerfile.prod</c>, <c>app.dockerfile</c>.</summary>
    public static bool IsDockerfile(string name)
        => name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>compose.yaml</c>, <c>docker-compose.override.yml</c>, … (not VolumeGen's generated override).</summary>
    public static bool IsComposeFile(string name)
        => (name.StartsWith("compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase))
        && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        && name.IndexOf("volumegen", StringComparison.OrdinalIgnoreCase) < 0;

    /// <summary>The <c>environment:</c> of the services that run the project (the ones with <c>build:</c> when any has it, as for mounts).</summary>
    private static void AddComposeEnvironment(List<EnvironmentVariable> environment, ComposeFile file, string path, SourceText text)
    {
        bool anyBuild = false;
        foreach (ComposeService service in file.Services)
        {
            anyBuild |= service.Build is not null;
        }

        foreach (ComposeService service in file.Services)
        {
            if (anyBuild && service.Build is null)
            {
                continue;
            }

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

    private static int Rank(string name) => string.Equals(name, "Dockerfile", StringComparison.OrdinalIgnoreCase) ? 0 : 1;
}
