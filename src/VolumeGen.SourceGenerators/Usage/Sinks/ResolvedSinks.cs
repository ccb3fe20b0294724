using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>
/// Sink rows indexed by member name (the cheap first check). Types are compared by metadata name only when a member
/// name matches, so building the index looks up nothing in the compilation: the built-in table is built once per process.
/// </summary>
internal sealed class ResolvedSinks
{
    private readonly Dictionary<string, List<SinkEntry>> _byMember = new(System.StringComparer.Ordinal);

    // The simple names of the types whose constructors write (FileStream, SqliteConnection): syntax-only matching.
    private readonly HashSet<string> _constructedTypes = new(System.StringComparer.Ordinal);

    public ResolvedSinks(IEnumerable<SinkEntry> entries)
    {
        foreach (SinkEntry entry in entries)
        {
            if (entry.Kind == SinkMemberKind.Constructor)
            {
                string type = entry.TypeMetadataName;
                _constructedTypes.Add(type.Substring(type.LastIndexOfAny(new[] { '.', '+' }) + 1));
            }

            if (!_byMember.TryGetValue(entry.MemberName, out List<SinkEntry>? rows))
            {
                rows = new List<SinkEntry>();
                _byMember[entry.MemberName] = rows;
            }

            rows.Add(entry);
        }
    }

    /// <summary>The built-in sinks, shared by every compilation.</summary>
    public static ResolvedSinks BuiltIn { get; } = new(SinkTable.BuiltIn);

    /// <summary>True when there is no row.</summary>
    public bool IsEmpty => _byMember.Count == 0;

    /// <summary>True when some row is for a member named <paramref name="memberName"/>: the cheap first check.</summary>
    public bool HasMember(string memberName) => _byMember.ContainsKey(memberName);

    /// <summary>True when a constructor of a type with this simple name (<c>FileStream</c>) may be a sink: the syntax-only check.</summary>
    public bool HasConstructorOf(string simpleTypeName) => _constructedTypes.Contains(simpleTypeName);

    /// <summary>The rows for <paramref name="memberName"/> declared on <paramref name="type"/>.</summary>
    /// <remarks>
    /// Called for every invocation, creation and property assignment: a struct enumerable, so neither a name no row has
    /// (nearly all of them) nor a common sink name on another type (<c>Create</c>, <c>Open</c>, <c>.ctor</c>) allocates.
    /// </remarks>
    public SinkMatches Find(string memberName, SinkMemberKind kind, INamedTypeSymbol? type)
    {
        if (type is null || !_byMember.TryGetValue(memberName, out List<SinkEntry>? rows))
        {
            return default;
        }

        return new SinkMatches(rows, kind, type.OriginalDefinition);
    }
}
