using VolumeGen.ContainerFiles;
using Xunit;

namespace VolumeGen.Tests.ContainerFiles;

/// <summary>The one rule for which file names are container files (the analyzers, the build's search and the targets use it).</summary>
public sealed class ContainerFileNamesTests
{
    [Theory]
    [InlineData("Dockerfile", ContainerFileKind.Dockerfile)]
    [InlineData("dockerfile", ContainerFileKind.Dockerfile)]
    [InlineData("Dockerfile.prod", ContainerFileKind.Dockerfile)]
    [InlineData("Dockerfile-api", ContainerFileKind.Dockerfile)]
    [InlineData("api.Dockerfile", ContainerFileKind.Dockerfile)]
    [InlineData("api.dockerfile", ContainerFileKind.Dockerfile)] // docs/analyzers.md promises *.dockerfile
    [InlineData("compose.yaml", ContainerFileKind.Compose)]
    [InlineData("compose.yml", ContainerFileKind.Compose)]
    [InlineData("compose.prod.yaml", ContainerFileKind.Compose)]
    [InlineData("docker-compose.yml", ContainerFileKind.Compose)]
    [InlineData("docker-compose.override.yml", ContainerFileKind.Compose)]
    [InlineData("docker-compose-dev.yaml", ContainerFileKind.Compose)]
    [InlineData("Docker-Compose.YML", ContainerFileKind.Compose)]
    public void Container_files(string name, ContainerFileKind kind)
    {
        Assert.Equal(kind, ContainerFileNames.KindOf(name));
        Assert.True(ContainerFileNames.IsContainerFile(name));
        Assert.Equal(kind == ContainerFileKind.Dockerfile, ContainerFileNames.IsDockerfile(name));
        Assert.Equal(kind == ContainerFileKind.Compose, ContainerFileNames.IsComposeFile(name));
    }

    [Theory]
    [InlineData("compose.override.yaml", true)]
    [InlineData("docker-compose.override.yml", true)]
    [InlineData("compose.yaml", false)]
    [InlineData("compose.prod.yaml", false)]
    [InlineData("Dockerfile.override.yml", false)]
    public void Compose_overrides(string name, bool expected) => Assert.Equal(expected, ContainerFileNames.IsComposeOverride(name));

    [Theory]
    [InlineData("Dockerfile.volumegen")] // the build's obj/ copy of the block
    [InlineData("compose.volumegen.yaml")] // VolumeGen's own override
    [InlineData("docker-compose.volumegen.yml")]
    [InlineData("Dockerfile.dockerignore")] // BuildKit's per-Dockerfile ignore file
    [InlineData(".dockerignore")]
    [InlineData("DockerfileLint.cs")]
    [InlineData("Dockerfiles")]
    [InlineData("Dockerfile.")]
    [InlineData(".dockerfile")]
    [InlineData("compose.json")]
    [InlineData("composer.yml")]
    [InlineData("compose-")]
    [InlineData("my-compose.yaml")]
    [InlineData("appsettings.json")]
    [InlineData("ContainerEnvironmentVariables.volumegen.env")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_files(string? name)
    {
        Assert.Null(ContainerFileNames.KindOf(name));
        Assert.False(ContainerFileNames.IsContainerFile(name));
    }
}
