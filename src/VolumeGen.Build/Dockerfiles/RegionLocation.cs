using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>The result of <see cref="DockerfileRegion.Locate"/>.</summary>
internal readonly record struct RegionLocation(RegionState State, int BeginLine, int EndLine, string Problem);
