using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>
/// Compares a type symbol with a metadata name (<c>System.IO.File</c>, <c>Outer+Inner</c>) without allocating and without
/// <see cref="Compilation.GetTypeByMetadataName"/>: the sink table is matched on the member the code calls, so no type
/// of the table is looked up in a compilation that never calls a member of that name.
/// </summary>
internal static class MetadataNames
{
    /// <summary>True when <paramref name="type"/>'s full metadata name is <paramref name="metadataName"/>.</summary>
    public static bool Is(INamedTypeSymbol? type, string metadataName)
    {
        if (type is null)
        {
            return false;
        }

        int end = metadataName.Length;
        INamedTypeSymbol named = type;
        while (true)
        {
            if (!EndsWithAt(metadataName, end, named.MetadataName))
            {
                return false;
            }

            end -= named.MetadataName.Length;
            if (named.ContainingType is not INamedTypeSymbol outer)
            {
                break;
            }

            if (end == 0 || metadataName[end - 1] != '+')
            {
                return false;
            }

            end--;
            named = outer;
        }

        for (INamespaceSymbol? ns = named.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (end == 0 || metadataName[end - 1] != '.')
            {
                return false;
            }

            end--;
            if (!EndsWithAt(metadataName, end, ns.Name))
            {
                return false;
            }

            end -= ns.Name.Length;
        }

        return end == 0;
    }

    private static bool EndsWithAt(string text, int end, string part)
        => end >= part.Length && string.CompareOrdinal(text, end - part.Length, part, 0, part.Length) == 0;
}
