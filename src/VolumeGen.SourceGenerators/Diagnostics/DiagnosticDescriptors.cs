namespace VolumeGen.SourceGenerators.Diagnostics;

/// <summary>
/// Every VolumeGen diagnostic. One class, split by family: declaration rules (VG1xxx) in
/// DiagnosticDescriptors.Declarations.cs, usage rules (VG2xxx) in DiagnosticDescriptors.Usage.cs.
/// Categories: "VolumeGen.Declaration", "VolumeGen.Usage".
/// </summary>
internal static partial class DiagnosticDescriptors
{
}
