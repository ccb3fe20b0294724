using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace VolumeGen.Benchmarks.Floor;

/// <summary>
/// The floor for a generator: the same shape as VolumeGen's (ForAttributeWithMetadataName on each of the five class
/// attributes plus one on the assembly's EphemeralPath, an equatable value per class, collected outputs) but it
/// reads nothing and emits nothing. What any attribute-driven package costs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NoOpGenerator : IIncrementalGenerator
{
    private static readonly string[] AttributeNames =
    {
        "VolumeGen.PersistentVolumeAttribute",
        "VolumeGen.AnonymousVolumeAttribute",
        "VolumeGen.BindMountAttribute",
        "VolumeGen.TmpfsMountAttribute",
        "VolumeGen.EphemeralPathAttribute",
    };

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        foreach (string name in AttributeNames)
        {
            IncrementalValueProvider<ImmutableArray<string>> classes = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    name,
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                    static (attributeContext, _) => attributeContext.TargetSymbol.MetadataName)
                .WithTrackingName("NoOp_" + name)
                .Collect();
            context.RegisterSourceOutput(classes, static (_, _) => { });
        }

        IncrementalValueProvider<ImmutableArray<int>> assembly = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "VolumeGen.EphemeralPathAttribute",
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax,
                static (attributeContext, _) => attributeContext.Attributes.Length)
            .WithTrackingName("NoOp_AssemblyEphemeralPaths")
            .Collect();
        context.RegisterSourceOutput(assembly, static (_, _) => { });
    }
}
