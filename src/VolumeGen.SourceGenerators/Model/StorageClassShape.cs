using System.Collections.Generic;
using VolumeGen.SourceGenerators.Helpers;

namespace VolumeGen.SourceGenerators.Model;

/// <summary>Why a storage class cannot get generated members, whatever its mounts.</summary>
internal enum StorageClassShape
{
    Supported = 0,

    /// <summary>The class or a containing type is not declared <c>partial</c> everywhere.</summary>
    NotPartial = 1,

    /// <summary>The class or a containing type is generic.</summary>
    Generic = 2,

    /// <summary>The class or a containing type is file-local (<c>file class</c>): generated code cannot extend it.</summary>
    FileLocal = 3,

    /// <summary>The class (or its name) already uses a member name the generator emits (<c>Mounts</c>, <c>RunArguments</c>, <c>CommandLine</c>, <c>Resolve</c>, <c>DockerfileVolume</c>).</summary>
    MemberNameTaken = 4,

    /// <summary>The declaration is syntactically incomplete (a missing name); the compiler reports it, VolumeGen stays quiet.</summary>
    Incomplete = 5,
}
