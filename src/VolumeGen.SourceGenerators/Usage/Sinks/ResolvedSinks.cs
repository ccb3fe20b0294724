using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>The sink rows whose types exist in one compilation, indexed by member name (a cheap first check).</summary>
internal sealed class ResolvedSinks
{
    private readonly Dictionary<string, List<(INamedTypeSymbol Type, SinkEntry Entry)>> _byMember = new(System.StringComparer.Ordinal);

    public ResolvedSinks(Compilation compilation, IEnumerable<SinkEntry> entries)
    {
        var types = new Dictionary<string, INamedTypeSymbol?>(System.StringComparer.Ordinal);
        foreach (SinkEntry entry in entries)
        {
            if (!types.TryGetValue(entry.TypeMetadataName, out INamedTypeSymbol? type))
            {
                type = compilation.GetTypeByMetadataName(entry.TypeMetadataName);
                types[entry.TypeMetadataName] = type;
            }

            if (type is null)
            {
                continue;
            }

            if (!_byMember.TryGetValue(entry.MemberName, out List<(INamedTypeSymbol, SinkEntry)>? rows))
            {
                rows = new List<(INamedTypeSymbol, SinkEntry)>();
                _byMember[entry.MemberName] = rows;
            }

            rows.Add((type, entry));
        }
    }

    /// <summary>True when no row resolved.</summary>
    public bool IsEmpty => _byMember.Count == 0;

    /// <summary>The rows for <paramref name="memberName"/> declared on <paramref name="type"/>.</summary>
    /// <remarks>Called for every invocation, creation and property assignment: a name no row has (nearly all of them) allocates nothing.</remarks>
    public IEnumerable<SinkEntry> Find(string memberName, SinkMemberKind kind, INamedTypeSymbol? type)
    {
        if (type is null || !_byMember.TryGetValue(memberName, out List<(INamedTypeSymbol Type, SinkEntry Entry)>? rows))
        {
            return System.Array.Empty<SinkEntry>();
        }

        return Matches(rows, kind, type.OriginalDefinition);
    }

    private static IEnumerable<SinkEntry> Matches(List<(INamedTypeSymbol Type, SinkEntry Entry)> rows, SinkMemberKind kind, INamedTypeSymbol definition)
    {
        foreach ((INamedTypeSymbol rowType, SinkEntry entry) in rows)
        {
            if (entry.Kind == kind && SymbolEqualityComparer.Default.Equals(rowType, definition))
            {
                yield return entry;
            }
        }
    }
}
