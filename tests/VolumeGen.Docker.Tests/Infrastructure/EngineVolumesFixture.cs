using System;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// Holds <see cref="EngineVolumeLock"/> while its collection runs: its tests create and remove volumes, which the
/// ProfileService tests (in this and other test processes) must not see while they compare the engine's whole volume
/// list. Needs no image, so these tests can run alone without building the ProfileService image.
/// </summary>
public sealed class EngineVolumesFixture : IDisposable
{
    private readonly IDisposable? _engineLock;

    public EngineVolumesFixture()
    {
        if (DockerEngine.Unavailable is null)
        {
            _engineLock = EngineVolumeLock.Acquire();
        }
    }

    public void Dispose() => _engineLock?.Dispose();
}
