using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.SourceGenerators.Usage.Configuration;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>The Dockerfile and compose facts of the project's AdditionalFiles.</summary>
internal sealed class ContainerFiles
{
    private ContainerFiles(DockerfileFacts? dockerfile, IReadOnlyList<KnownMount> composeMounts, bool hasCompose)
    {
        Environment = Array.Empty<EnvironmentVariable>();
        Dockerfile = dockerfile;
        ComposeMounts = composeMounts;
        HasCompose = hasCompose;
    }

    public DockerfileFacts? Dockerfile { get; }

    public IReadOnlyList<KnownMount> ComposeMounts { get; }

    public bool HasCompose { get; }

    /// <summary>The environment variables the container starts with (final-stage ENV, compose environment).</summary>
    public IReadOnlyList<EnvironmentVariable> Environment { get; }

    public static ContainerFiles Read(IEnumerable<AdditionalText> files, CancellationToken cancellationToken)
    {
        AdditionalText? dockerfile = null;
        var compose = new List<KnownMount>();
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
                compose.AddRange(ComposeFacts.Parse(composeText.ToString()));
            }
        }

        DockerfileFacts? facts = dockerfile?.GetText(cancellationToken) is SourceText text ? DockerfileFacts.Parse(text.ToString()) : null;
        return new ContainerFiles(facts, compose, hasCompose);
    }

    private static int Rank(string name) => string.Equals(name, "Dockerfile", StringComparison.OrdinalIgnoreCase) ? 0 : 1;

    /// <summary><c>Dockerfile</c>, <c>Dockerfile.prod</c>, <c>app.dockerfile</c>.</summary>
    public static bool IsDockerfile(string name)
        => name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>compose.yaml</c>, <c>docker-compose.override.yml</c>, … (not VolumeGen's generated override).</summary>
    public static bool IsComposeFile(string name)
        => (name.StartsWith("compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase))
        && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        && name.IndexOf("volumegen", StringComparison.OrdinalIgnoreCase) < 0;
}
