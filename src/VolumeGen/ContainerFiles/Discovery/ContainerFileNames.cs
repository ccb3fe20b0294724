using System;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// Which file names are container files: the one rule the analyzers, the build task's search and the package's targets
/// follow (docs/container-files.md, "Where container files are found"). A Dockerfile is <c>Dockerfile</c>,
/// <c>Dockerfile.&lt;anything&gt;</c> or <c>Dockerfile-&lt;anything&gt;</c>, or <c>&lt;anything&gt;.dockerfile</c>; a compose
/// file is <c>compose</c> or <c>docker-compose</c>, optionally followed by <c>.</c>, <c>-</c> or <c>_</c> and more, ending
/// in <c>.yml</c> or <c>.yaml</c>. Case does not matter. Never VolumeGen's own outputs (a name holding <c>volumegen</c>)
/// nor a Dockerfile's ignore file (<c>Dockerfile.dockerignore</c>).
/// </summary>
public static class ContainerFileNames
{
    /// <summary>The kind of container file <paramref name="fileName"/> (a name, not a path) names, or null when it is none.</summary>
    public static ContainerFileKind? KindOf(string? fileName)
    {
        if (fileName is null || fileName.Length == 0 || fileName.IndexOf("volumegen", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return null;
        }

        if (IsDockerfileName(fileName))
        {
            return ContainerFileKind.Dockerfile;
        }

        return IsComposeName(fileName) ? ContainerFileKind.Compose : null;
    }

    /// <summary>True for a Dockerfile's name (<c>Dockerfile</c>, <c>Dockerfile.prod</c>, <c>api.dockerfile</c>).</summary>
    public static bool IsDockerfile(string? fileName) => KindOf(fileName) == ContainerFileKind.Dockerfile;

    /// <summary>True for a compose file's name (<c>compose.yaml</c>, <c>docker-compose.override.yml</c>), never VolumeGen's override.</summary>
    public static bool IsComposeFile(string? fileName) => KindOf(fileName) == ContainerFileKind.Compose;

    /// <summary>True for a Dockerfile's or a compose file's name.</summary>
    public static bool IsContainerFile(string? fileName) => KindOf(fileName) is not null;

    /// <summary>True for a compose override's name (<c>compose.override.yaml</c>, <c>docker-compose.override.yml</c>), which compose merges into its base file.</summary>
    public static bool IsComposeOverride(string? fileName)
        => IsComposeFile(fileName) && (fileName!.EndsWith(".override.yml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".override.yaml", StringComparison.OrdinalIgnoreCase));

    private static bool IsDockerfileName(string name)
    {
        if (name.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        const string Dockerfile = "Dockerfile";
        if (name.StartsWith(Dockerfile, StringComparison.OrdinalIgnoreCase))
        {
            // "Dockerfile", "Dockerfile.prod", "Dockerfile-api"; not "DockerfileLint.cs" or "Dockerfiles".
            return name.Length == Dockerfile.Length || (name.Length > Dockerfile.Length + 1 && name[Dockerfile.Length] is '.' or '-');
        }

        const string Extension = ".dockerfile";
        return name.Length > Extension.Length && name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsComposeName(string name)
    {
        string? stem = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 5)
            : name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 4)
            : null;
        if (stem is null)
        {
            return false;
        }

        foreach (string prefix in new[] { "docker-compose", "compose" })
        {
            if (stem.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (stem.Length == prefix.Length || (stem.Length > prefix.Length + 1 && stem[prefix.Length] is '.' or '-' or '_')))
            {
                return true;
            }
        }

        return false;
    }
}
