using System;
using VolumeGen.Docker.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.Testcontainers.Tests.Infrastructure;

/// <summary>
/// The ProfileService image, built once for the collection (<see cref="ProfileServiceImage"/>). Every engine test of
/// this project is in the collection, which holds <see cref="EngineVolumeLock"/>: VolumeGen.Docker.Tests compares
/// the engine's whole volume list, and the containers started here create anonymous volumes.
/// </summary>
public sealed class ProfileServiceImageFixture : IDisposable
{
    private readonly IDisposable? _engineLock;

    public ProfileServiceImageFixture()
    {
        if (DockerEngine.Unavailable is not null)
        {
            return;
        }

        _engineLock = EngineVolumeLock.Acquire();
        try
        {
            Image.Build();
        }
        catch (Exception exception)
        {
            BuildError = exception.Message;
        }
    }

    public ProfileServiceImage Image { get; } = new();

    public string? BuildError { get; }

    /// <summary>Skips without an engine (fails when required); fails when the image could not be built.</summary>
    public void Require()
    {
        TestcontainersEngine.Require();
        if (BuildError is not null)
        {
            throw new InvalidOperationException("The ProfileService image could not be built: " + BuildError);
        }
    }

    public void Dispose()
    {
        Image.Dispose();
        _engineLock?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ProfileServiceImageCollection : ICollectionFixture<ProfileServiceImageFixture>
{
    public const string Name = "Engine tests through Testcontainers (ProfileService image, engine lock)";
}
