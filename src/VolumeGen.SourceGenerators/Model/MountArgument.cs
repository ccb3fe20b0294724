using System.Collections.Generic;
using VolumeGen.SourceGenerators.Helpers;

namespace VolumeGen.SourceGenerators.Model;

/// <summary>An argument of a VolumeGen attribute (where a diagnostic about it goes).</summary>
internal enum MountArgument
{
    Target = 0,
    Source = 1,
    Name = 2,
    SizeBytes = 3,
    Mode = 4,
    ReadOnly = 5,
    NoCopy = 6,
    SelinuxLabel = 7,
    Path = 8,
}
