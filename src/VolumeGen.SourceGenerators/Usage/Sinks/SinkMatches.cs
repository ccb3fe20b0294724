using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>
/// The sink rows of one member name that apply to one type and member kind, enumerated without allocating
/// (<c>foreach</c> binds to the struct enumerator): the usage analyzer looks rows up for every invocation, creation and
/// property assignment of a project.
/// </summary>
internal readonly struct SinkMatches
{
    private readonly List<SinkEntry>? _rows;
    private readonly SinkMemberKind _kind;
    private readonly INamedTypeSymbol? _definition;

    public SinkMatches(List<SinkEntry> rows, SinkMemberKind kind, INamedTypeSymbol definition)
    {
        _rows = rows;
        _kind = kind;
        _definition = definition;
    }

    public Enumerator GetEnumerator() => new(_rows, _kind, _definition);

    /// <summary>The number of matching rows (tests and benchmarks).</summary>
    public int Count()
    {
        int count = 0;
        foreach (SinkEntry _ in this)
        {
            count++;
        }

        return count;
    }

    public struct Enumerator
    {
        private readonly List<SinkEntry>? _rows;
        private readonly SinkMemberKind _kind;
        private readonly INamedTypeSymbol? _definition;
        private int _index;

        internal Enumerator(List<SinkEntry>? rows, SinkMemberKind kind, INamedTypeSymbol? definition)
        {
            _rows = rows;
            _kind = kind;
            _definition = definition;
            _index = -1;
            Current = null!;
        }

        public SinkEntry Current { get; private set; }

        public bool MoveNext()
        {
            if (_rows is null)
            {
                return false;
            }

            while (++_index < _rows.Count)
            {
                SinkEntry entry = _rows[_index];
                if (entry.Kind == _kind && MetadataNames.Is(_definition, entry.TypeMetadataName))
                {
                    Current = entry;
                    return true;
                }
            }

            return false;
        }
    }
}
