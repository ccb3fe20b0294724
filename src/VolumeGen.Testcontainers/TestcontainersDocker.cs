using Docker.DotNet;
using DotNet.Testcontainers.Configurations;

namespace VolumeGen.Testcontainers;

/// <summary>An engine client for the endpoint (and API version) Testcontainers itself uses.</summary>
public static class TestcontainersDocker
{
    /// <summary>
    /// A client for <paramref name="endpoint"/>, default: the engine Testcontainers discovered
    /// (<c>TestcontainersSettings.OS.DockerEndpointAuthConfig</c>: <c>DOCKER_HOST</c>, the Docker context, the
    /// properties file). Dispose it.
    /// </summary>
    public static DockerClient CreateClient(IDockerEndpointAuthenticationConfiguration? endpoint = null)
        => (endpoint ?? TestcontainersSettings.OS.DockerEndpointAuthConfig).GetDockerClientBuilder().Build();
}
