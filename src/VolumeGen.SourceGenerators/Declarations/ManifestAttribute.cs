using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Declarations;

/// <summary>
/// The generated <c>[assembly: AssemblyMetadata("VolumeGen.Manifest", json)]</c> of a compilation or of a referenced
/// assembly: what the generator wrote, read back by the analyzers.
/// </summary>
internal static class ManifestAttribute
{
    /// <summary>The manifest JSON carried by <paramref name="assembly"/>, or null when it carries none.</summary>
    public static string? FindJson(IAssemblySymbol assembly)
    {
        foreach (AttributeData attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "AssemblyMetadataAttribute" } attributeClass
                && attributeClass.ContainingNamespace?.ToDisplayString() == "System.Reflection"
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is string key
                && key == VolumeManifest.MetadataKey
                && attribute.ConstructorArguments[1].Value is string json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>The parsed manifest of <paramref name="assembly"/>, or null when it has none or it cannot be read.</summary>
    public static VolumeManifest? Find(IAssemblySymbol assembly)
        => VolumeManifest.TryParse(FindJson(assembly), out VolumeManifest? manifest, out _) ? manifest : null;
}
