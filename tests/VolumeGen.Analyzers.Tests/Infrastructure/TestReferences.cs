extern alias runtime;

using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace VolumeGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// What test compilations reference: the running .NET's own assemblies (no reference-pack download) plus
/// VolumeGen.dll for the attributes.
/// </summary>
internal static class TestReferences
{
    /// <summary>A reference set with no NuGet package behind it; the assemblies come from <see cref="All"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>The path of the runtime VolumeGen.dll.</summary>
    public static string VolumeGenAssemblyPath { get; } = typeof(runtime::VolumeGen.PersistentVolumeAttribute).Assembly.Location;

    public static ImmutableArray<MetadataReference> All { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(runtimeDirectory, "*.dll")
            .Where(static path => IsManaged(path))
            .OrderBy(static path => path, StringComparer.Ordinal)
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(VolumeGenAssemblyPath))
            .ToImmutableArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
