using System.Collections.Generic;
using VolumeGen.SourceGenerators.Helpers;

namespace VolumeGen.SourceGenerators.Model;

/// <summary>A type declaration header the emitter repeats: <c>partial record</c> <c>Outer</c>.</summary>
/// <param name="Keyword">class, record, struct, record struct or interface.</param>
/// <param name="Name">The type's name (unescaped).</param>
/// <param name="IsPartial">True when every declaration of the type carries <c>partial</c>.</param>
internal sealed record TypeHeader(string Keyword, string Name, bool IsPartial);
