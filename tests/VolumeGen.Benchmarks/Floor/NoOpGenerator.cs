using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace VolumeGen.Benchmarks.Floor;

/// <summary>
/// The floor for a generator: the same shape as VolumeGen's (ForAttributeWithMetadataName on each mount attribute,
/// an equatable value per class, a collected output) but it emits nothing. What any attribute-driven package costs.
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
    }
}
