using System;
using VolumeGen.Docker.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.Testcontainers.Tests.Infrastructure;

/// <summary>The ProfileService image, built once for the collection (<see cref="ProfileServiceImage"/>).</summary>
public sealed class ProfileServiceImageFixture : IDisposable
{
    public ProfileServiceImageFixture()
    {
        if (DockerEngine.Unavailable is not null)
        {
            return;
        }

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

    public void Dispose() => Image.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ProfileServiceImageCollection : ICollectionFixture<ProfileServiceImageFixture>
{
    public const string Name = "ProfileService image through Testcontainers";
}
