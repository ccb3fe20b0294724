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

    /// <summary>True when some row is for a member named <paramref name="memberName"/>: the cheap first check.</summary>
    public bool HasMember(string memberName) => _byMember.ContainsKey(memberName);

    /// <summary>The rows for <paramref name="memberName"/> declared on <paramref name="type"/>.</summary>
    /// <remarks>
    /// Called for every invocation, creation and property assignment: a struct enumerable, so neither a name no row has
    /// (nearly all of them) nor a common sink name on another type (<c>Create</c>, <c>Open</c>, <c>.ctor</c>) allocates.
    /// </remarks>
    public SinkMatches Find(string memberName, SinkMemberKind kind, INamedTypeSymbol? type)
    {
        if (type is null || !_byMember.TryGetValue(memberName, out List<(INamedTypeSymbol Type, SinkEntry Entry)>? rows))
        {
            return default;
        }

        return new SinkMatches(rows, kind, type.OriginalDefinition);
    }
}
