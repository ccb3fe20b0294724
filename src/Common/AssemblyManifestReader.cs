using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace VolumeGen;

/// <summary>
/// Reads the VolumeGen manifest (<c>AssemblyMetadata("VolumeGen.Manifest", json)</c>) from a built assembly with
/// System.Reflection.Metadata, without loading it. Shared source: the CLI and the MSBuild task compile this one
/// file (one rule in one place); it needs only System.Reflection.Metadata.
/// </summary>
internal static class AssemblyManifestReader
{
    /// <summary>The <c>AssemblyMetadata</c> key (<see cref="VolumeManifest.MetadataKey"/>).</summary>
    public const string MetadataKey = VolumeManifest.MetadataKey;

    /// <summary>Reads the manifest of the assembly at <paramref name="assemblyPath"/>; never throws for bad input.</summary>
    public static AssemblyManifestResult Read(string assemblyPath)
    {
        if (string.IsNullOrWhiteSpace(assemblyPath) || !File.Exists(assemblyPath))
        {
            return new AssemblyManifestResult(
                AssemblyManifestStatus.FileNotFound,
                null,
                $"No such file: '{assemblyPath}'. Pass the path of a built assembly (e.g. bin/Debug/net8.0/MyApp.dll); run 'dotnet build' first.");
        }

        try
        {
            using FileStream stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return NotAnAssembly(assemblyPath);
            }

            MetadataReader reader = pe.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                return NotAnAssembly(assemblyPath);
            }

            string? json = FindMetadataValue(reader, MetadataKey);
            if (json is null)
            {
                return new AssemblyManifestResult(
                    AssemblyManifestStatus.NoManifest,
                    null,
                    $"'{assemblyPath}' has no VolumeGen manifest: reference the VolumeGen package and declare mounts with [PersistentVolume], [AnonymousVolume], [BindMount] or [TmpfsMount] on a partial class, then rebuild.");
            }

            return new AssemblyManifestResult(AssemblyManifestStatus.Found, json, string.Empty);
        }
        catch (Exception exception) when (exception is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return NotAnAssembly(assemblyPath, exception.Message);
        }
    }

    private static AssemblyManifestResult NotAnAssembly(string assemblyPath, string? reason = null)
        => new(
            AssemblyManifestStatus.NotAnAssembly,
            null,
            $"'{assemblyPath}' is not a .NET assembly{(reason is null ? string.Empty : " (" + reason.TrimEnd('.') + ")")}. Pass the .dll that 'dotnet build' wrote.");

    private static string? FindMetadataValue(MetadataReader reader, string key)
    {
        foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (!IsAssemblyMetadataAttribute(reader, attribute.Constructor))
            {
                continue;
            }

            // Blob: prolog 0x0001, then the two constructor strings (key, value) as SerStrings.
            BlobReader blob = reader.GetBlobReader(attribute.Value);
            if (blob.Length < 2 || blob.ReadUInt16() != 0x0001)
            {
                continue;
            }

            string? name = blob.ReadSerializedString();
            if (string.Equals(name, key, StringComparison.Ordinal))
            {
                return blob.ReadSerializedString();
            }
        }

        return null;
    }

    private static bool IsAssemblyMetadataAttribute(MetadataReader reader, EntityHandle constructor)
    {
        EntityHandle type;
        if (constructor.Kind == HandleKind.MemberReference)
        {
            type = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
        }
        else if (constructor.Kind == HandleKind.MethodDefinition)
        {
            type = reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
        }
        else
        {
            return false;
        }

        StringHandle name;
        StringHandle ns;
        if (type.Kind == HandleKind.TypeReference)
        {
            TypeReference reference = reader.GetTypeReference((TypeReferenceHandle)type);
            name = reference.Name;
            ns = reference.Namespace;
        }
        else if (type.Kind == HandleKind.TypeDefinition)
        {
            TypeDefinition definition = reader.GetTypeDefinition((TypeDefinitionHandle)type);
            name = definition.Name;
            ns = definition.Namespace;
        }
        else
        {
            return false;
        }

        return reader.StringComparer.Equals(name, "AssemblyMetadataAttribute")
            && reader.StringComparer.Equals(ns, "System.Reflection");
    }
}
