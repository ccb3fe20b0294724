using VolumeGen.SourceGenerators.Helpers;

namespace VolumeGen.SourceGenerators.Model;

/// <summary>
/// One thing wrong with a storage class, as the declaration analyzer reports it and the manifest records it
/// (value-equatable: a pipeline model). <see cref="Arguments"/> are the descriptor's message arguments, so the
/// analyzer's diagnostic and the manifest's <see cref="Message"/> are the same text.
/// </summary>
/// <param name="Id">The diagnostic ID, e.g. <c>VG1001</c>.</param>
/// <param name="IsError">True for an error (the class is not generated); false for a warning.</param>
/// <param name="MountIndex">Index into <see cref="StorageClassDeclaration.Mounts"/>, or -1 for the class itself.</param>
/// <param name="Argument">The attribute argument the problem is about (where the analyzer puts the squiggle).</param>
/// <param name="Arguments">The descriptor's message arguments.</param>
/// <param name="Message">The formatted message.</param>
internal sealed record DeclarationProblem(string Id, bool IsError, int MountIndex, MountArgument Argument, EquatableArray<string> Arguments, string Message);
