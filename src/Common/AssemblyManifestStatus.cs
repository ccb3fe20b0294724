using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace VolumeGen;

/// <summary>What <see cref="AssemblyManifestReader.Read"/> found.</summary>
internal enum AssemblyManifestStatus
{
    /// <summary>The assembly carries a manifest; <see cref="AssemblyManifestResult.Json"/> holds it.</summary>
    Found = 0,

    /// <summary>No file at the path.</summary>
    FileNotFound = 1,

    /// <summary>The file is not a .NET assembly (or could not be read).</summary>
    NotAnAssembly = 2,

    /// <summary>A .NET assembly without <c>[assembly: AssemblyMetadata("VolumeGen.Manifest", …)]</c>.</summary>
    NoManifest = 3,
}
