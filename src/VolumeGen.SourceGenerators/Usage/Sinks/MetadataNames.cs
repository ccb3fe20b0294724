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
            // Name and arity, not MetadataName: Roslyn composes "Name`N" anew on every call for a generic type, and
            // this runs for every object creation of the project (a Dictionary<,> is not a FileStream).
            int segment = MatchSegment(metadataName, end, named);
            if (segment < 0)
            {
                return false;
            }

            end -= segment;
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

    // The length of the type's segment ending at end ("Name", or "Name`N" for a generic type, as metadata names it);
    // -1 when it does not match.
    private static int MatchSegment(string text, int end, INamedTypeSymbol type)
    {
        int length = type.Arity > 0 ? type.Name.Length + 1 + Digits(type.Arity) : type.Name.Length;
        return SegmentMatches(text, end, type, length) ? length : -1;
    }

    private static bool SegmentMatches(string text, int end, INamedTypeSymbol type, int segment)
    {
        int start = end - segment;
        if (start < 0 || string.CompareOrdinal(text, start, type.Name, 0, type.Name.Length) != 0)
        {
            return false;
        }

        if (segment == type.Name.Length)
        {
            return true;
        }

        // "`" then the arity's digits.
        int at = start + type.Name.Length;
        if (text[at] != '`')
        {
            return false;
        }

        int arity = 0;
        for (int i = at + 1; i < end; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            arity = (arity * 10) + (c - '0');
        }

        return arity == type.Arity;
    }

    private static int Digits(int value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private static bool EndsWithAt(string text, int end, string part)
        => end >= part.Length && string.CompareOrdinal(text, end - part.Length, part, 0, part.Length) == 0;
}
