using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>Where the markers are, or why they cannot be used.</summary>
internal enum RegionState
{
    /// <summary>Exactly one begin marker followed by one end marker.</summary>
    Found,

    /// <summary>Neither marker.</summary>
    Missing,

    /// <summary>A marker without its partner, markers in the wrong order, or more than one region.</summary>
    Malformed,
}
