namespace VolumeGen.ContainerFiles;

/// <summary>What a container file is, told by its name (<see cref="ContainerFileNames"/>).</summary>
public enum ContainerFileKind
{
    /// <summary>A Dockerfile: <c>Dockerfile</c>, <c>Dockerfile.prod</c>, <c>api.dockerfile</c>.</summary>
    Dockerfile,

    /// <summary>A compose file: <c>compose.yaml</c>, <c>docker-compose.override.yml</c>.</summary>
    Compose,
}
