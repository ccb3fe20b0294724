using System.Collections.Generic;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>A <c>VOLUME</c> path written by hand in a Dockerfile: where a container gets it, and the line (1-based).</summary>
internal readonly record struct HandWrittenVolume(int Line, string Path);
