using Xunit;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>The tests that create and remove volumes but need no ProfileService image (<see cref="EngineVolumesFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class EngineVolumesCollection : ICollectionFixture<EngineVolumesFixture>
{
    public const string Name = "Volumes on a real engine";
}
