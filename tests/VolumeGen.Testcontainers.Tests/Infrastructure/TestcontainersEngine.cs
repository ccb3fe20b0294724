using System;
using System.Runtime.CompilerServices;
using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using VolumeGen.Docker;
using VolumeGen.Docker.Tests.Infrastructure;
using VersionResponse = Docker.DotNet.Models.VersionResponse;

namespace VolumeGen.Testcontainers.Tests.Infrastructure;

/// <summary>
/// Testcontainers pointed at the tests' engine (DOCKER_HOST, as eng/docker-engine.sh exports it), with its
/// resource reaper off: the Ryuk image cannot be pulled here, so the tests remove what they create themselves.
/// Testcontainers 4 asks for Docker API 1.44 (Docker 25); on an older engine DOCKER_API_VERSION is set to the
/// engine's own version. Testcontainers reads its environment once, at first use, so this runs when the test
/// assembly loads, before any test touches it.
/// </summary>
internal static class TestcontainersEngine
{
    private const string ApiVersionVariable = "DOCKER_API_VERSION";
    private const string RyukDisabledVariable = "TESTCONTAINERS_RYUK_DISABLED";
    private static readonly Version TestcontainersApi = new(1, 44);

#pragma warning disable CA2255 // A test assembly: the variables must be set before Testcontainers' static configuration is read.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ConfigureBeforeFirstUse()
    {
        Environment.SetEnvironmentVariable(RyukDisabledVariable, "true");
        if (DockerEngine.Unavailable is not null || Environment.GetEnvironmentVariable(ApiVersionVariable) is not null)
        {
            return;
        }

        using DockerClient client = DockerEndpoint.CreateClient();
        VersionResponse version = client.System.GetVersionAsync().GetAwaiter().GetResult();
        if (Version.TryParse(version.APIVersion, out Version? api) && api < TestcontainersApi)
        {
            Environment.SetEnvironmentVariable(ApiVersionVariable, version.APIVersion);
        }
    }

    /// <summary>Skips (or, when required, fails) without an engine; fails when Testcontainers is not set up as above.</summary>
    public static void Require()
    {
        DockerEngine.SkipUnlessAvailable();
        if (TestcontainersSettings.ResourceReaperEnabled)
        {
            throw new InvalidOperationException("Testcontainers' resource reaper is on; its image cannot be pulled here (" + RyukDisabledVariable + " was not read).");
        }

        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            throw new InvalidOperationException("Testcontainers found no Docker endpoint although the engine at " + DockerEndpoint.Resolve() + " answers (" + ApiVersionVariable + "=" + Environment.GetEnvironmentVariable(ApiVersionVariable) + ").");
        }
    }
}
