using System.Collections;
using System.Collections.Generic;

namespace VolumeGen.SourceGenerators.Helpers;

/// <summary>
/// A value-equal list that is a reference type. The generator's pipeline carries these rather than
/// <see cref="EquatableArray{T}"/> (a struct): Roslyn's incremental node code instantiated over a reference type is
/// the shared instantiation the compiler ships precompiled, while every instantiation over one of our structs
/// (<c>NodeStateTable&lt;EquatableArray&lt;…&gt;&gt;</c>, <c>ValueTuple</c> of them) is JIT-compiled in each
/// compiler process — several hundred methods in a cold build (docs/performance.md).
/// </summary>
internal sealed class EquatableList<T> : IReadOnlyList<T>, System.IEquatable<EquatableList<T>>
    where T : class
{
    private readonly EquatableArray<T> _items;

    public EquatableList(IEnumerable<T> items) => _items = new EquatableArray<T>(items);

    public static EquatableList<T> Empty { get; } = new(System.Array.Empty<T>());

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    public bool Equals(EquatableList<T>? other) => other is not null && _items.Equals(other._items);

    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    public override int GetHashCode() => _items.GetHashCode();

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
