using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace VolumeGen;

/// <summary>The outcome of reading one assembly: a status, the manifest JSON when found, a one-line message otherwise.</summary>
internal sealed class AssemblyManifestResult
{
    public AssemblyManifestResult(AssemblyManifestStatus status, string? json, string message)
    {
        Status = status;
        Json = json;
        Message = message;
    }

    public AssemblyManifestStatus Status { get; }

    public string? Json { get; }

    /// <summary>One line naming the file and what to do; empty when found.</summary>
    public string Message { get; }
}
