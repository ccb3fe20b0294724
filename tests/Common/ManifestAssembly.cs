using System;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;

namespace VolumeGen.TestSupport;

/// <summary>Writes a real .dll carrying <c>[assembly: AssemblyMetadata("VolumeGen.Manifest", json)]</c>, as the generator emits it.</summary>
internal static class ManifestAssembly
{
    public static string Write(string folder, string name, VolumeManifest? manifest)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        if (manifest is not null)
        {
            ConstructorInfo constructor = typeof(AssemblyMetadataAttribute).GetConstructor(new[] { typeof(string), typeof(string) })!;
            builder.SetCustomAttribute(new CustomAttributeBuilder(constructor, new object[] { VolumeManifest.MetadataKey, manifest.ToJson() }));
        }

        // An unrelated metadata attribute, so the reader has to pick the right key.
        builder.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(AssemblyMetadataAttribute).GetConstructor(new[] { typeof(string), typeof(string) })!,
            new object[] { "RepositoryUrl", "https://example.invalid/repo" }));
        ModuleBuilder module = builder.DefineDynamicModule(name);
        module.DefineType(name + ".Marker", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract).CreateType();
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name + ".dll");
        builder.Save(path);
        return path;
    }

    public static VolumeManifest Manifest(string className, params Mount[] mounts)
        => new(new[] { new ManifestClass(className, new MountSet(mounts)) });
}
