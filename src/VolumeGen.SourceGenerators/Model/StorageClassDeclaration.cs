using System.Collections.Generic;
using VolumeGen.SourceGenerators.Helpers;

namespace VolumeGen.SourceGenerators.Model;

/// <summary>
/// A class carrying VolumeGen attributes, as the generator's pipeline model: strings, bools, enums and
/// <see cref="EquatableArray{T}"/> only, so it compares by value and caches.
/// </summary>
/// <param name="MetadataName">Full metadata name, e.g. <c>Shop.Outer+AppStorage</c> (the hint name's stem).</param>
/// <param name="FullName">Full C# name, e.g. <c>Shop.Outer.AppStorage</c> (the manifest's class name).</param>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">Containing types, outermost first.</param>
/// <param name="Type">The class itself.</param>
/// <param name="Shape">Whether members can be generated into it.</param>
/// <param name="Mounts">The mount attributes in declaration order.</param>
/// <param name="EphemeralPaths">Normalised paths of the class's <c>[EphemeralPath]</c> attributes.</param>
/// <param name="MemberNames">Names of members the class declares or inherits (generated constant names avoid them).</param>
/// <param name="InheritedReservedNames">Generated member names (<c>Mounts</c>, …) a base type already declares: emitted with <c>new</c>.</param>
/// <param name="TakenMemberName">For <see cref="StorageClassShape.MemberNameTaken"/>: the generated name the class already uses.</param>
internal sealed record StorageClassDeclaration(
    string MetadataName,
    string FullName,
    string? Namespace,
    EquatableArray<TypeHeader> ContainingTypes,
    TypeHeader Type,
    StorageClassShape Shape,
    EquatableArray<MountDeclaration> Mounts,
    EquatableArray<string> EphemeralPaths,
    EquatableArray<string> MemberNames,
    EquatableArray<string> InheritedReservedNames,
    string? TakenMemberName = null)
{
    /// <summary>The mounts as a runtime <see cref="MountSet"/>, or null when an argument has no usable value.</summary>
    public MountSet? ToMountSet() => MountDeclarations.ToMountSet(Mounts);

    /// <summary>
    /// True when the generator emits members for this class: it declares at least one mount, its shape is
    /// supported, every argument has a value and <see cref="MountValidator"/> finds no error (warnings are fine).
    /// </summary>
    public bool CanGenerate
    {
        get
        {
            if (Mounts.Count == 0 || Shape != StorageClassShape.Supported)
            {
                return false;
            }

            MountSet? mounts = ToMountSet();
            return mounts is not null && !MountValidator.HasErrors(MountValidator.Validate(mounts));
        }
    }

    /// <summary>Every type name from the outermost containing type to the class.</summary>
    public IEnumerable<TypeHeader> TypeChain()
    {
        foreach (TypeHeader header in ContainingTypes)
        {
            yield return header;
        }

        yield return Type;
    }
}
