using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VolumeGen.SourceGenerators.Declarations;
using VolumeGen.SourceGenerators.Emitting;
using VolumeGen.SourceGenerators.Helpers;
using VolumeGen.SourceGenerators.Model;

namespace VolumeGen.SourceGenerators;

/// <summary>
/// The pipeline, and nothing else: classes with VolumeGen attributes (one <c>ForAttributeWithMetadataName</c>
/// per attribute, merged per class) become <see cref="StorageClassDeclaration"/> models
/// (<see cref="StorageClassReader"/>), each valid class gets its partial declaration and the assembly gets the
/// manifest (<see cref="StorageClassEmitter"/>). Invalid declarations are skipped silently: the declaration
/// analyzer reports them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class VolumeGenGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Every value between nodes is a reference type (EquatableList, not a struct): see EquatableList for why.
        IncrementalValueProvider<EquatableList<StorageClassDeclaration>> persistent = ClassesWith(context, VolumeGenAttributes.PersistentVolumeMetadataName, TrackingNames.PersistentVolumeClasses);
        IncrementalValueProvider<EquatableList<StorageClassDeclaration>> anonymous = ClassesWith(context, VolumeGenAttributes.AnonymousVolumeMetadataName, TrackingNames.AnonymousVolumeClasses);
        IncrementalValueProvider<EquatableList<StorageClassDeclaration>> bind = ClassesWith(context, VolumeGenAttributes.BindMountMetadataName, TrackingNames.BindMountClasses);
        IncrementalValueProvider<EquatableList<StorageClassDeclaration>> tmpfs = ClassesWith(context, VolumeGenAttributes.TmpfsMountMetadataName, TrackingNames.TmpfsMountClasses);
        IncrementalValueProvider<EquatableList<StorageClassDeclaration>> ephemeral = ClassesWith(context, VolumeGenAttributes.EphemeralPathMetadataName, TrackingNames.EphemeralPathClasses);

        // In the order that decides which copy of a class is kept (the first).
        IncrementalValueProvider<EquatableList<StorageClassDeclaration>> classes = Concat(Concat(Concat(Concat(persistent, anonymous), bind), tmpfs), ephemeral)
            .Select(static (all, cancellationToken) => Merge(cancellationToken, all))
            .WithTrackingName(TrackingNames.StorageClasses);

        IncrementalValueProvider<EquatableList<string>> assemblyEphemeralPaths = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                VolumeGenAttributes.EphemeralPathMetadataName,
                static (node, _) => node is CompilationUnitSyntax,
                static (attributeContext, cancellationToken) => ReadEphemeralPaths(attributeContext.Attributes, cancellationToken))
            .Collect()
            .Select(static (paths, _) => new EquatableList<string>(paths.SelectMany(static p => p).OrderBy(static p => p, StringComparer.Ordinal)))
            .WithTrackingName(TrackingNames.AssemblyEphemeralPaths);

        IncrementalValuesProvider<StorageClassDeclaration> generated = classes
            .SelectMany(static (all, _) => all.Where(static c => c.CanGenerate))
            .WithTrackingName(TrackingNames.GeneratedClasses);

        IncrementalValueProvider<string> manifest = classes
            .Combine(assemblyEphemeralPaths)
            .Select(static (input, _) => ManifestJson(input.Left, input.Right))
            .WithTrackingName(TrackingNames.ManifestJson);

        context.RegisterSourceOutput(generated, static (output, declaration) =>
            output.AddSource(StorageClassEmitter.HintName(declaration), StorageClassEmitter.EmitStorageClass(declaration)));

        context.RegisterSourceOutput(manifest, static (output, json) =>
        {
            if (json.Length > 0)
            {
                output.AddSource(StorageClassEmitter.ManifestHintName, StorageClassEmitter.EmitManifest(json));
            }
        });
    }

    private static IncrementalValueProvider<EquatableList<StorageClassDeclaration>> ClassesWith(IncrementalGeneratorInitializationContext context, string attributeMetadataName, string trackingName)
        => context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (attributeContext, cancellationToken) => attributeContext.TargetSymbol is INamedTypeSymbol type
                    ? StorageClassReader.Read(type, VolumeGenAttributes.Create(attributeContext.SemanticModel.Compilation), cancellationToken)
                    : null)
            .Where(static declaration => declaration is not null)
            .Select(static (declaration, _) => declaration!)
            .WithTrackingName(trackingName)
            .Collect()
            .Select(static (declarations, _) => new EquatableList<StorageClassDeclaration>(declarations));

    private static IncrementalValueProvider<EquatableList<StorageClassDeclaration>> Concat(IncrementalValueProvider<EquatableList<StorageClassDeclaration>> left, IncrementalValueProvider<EquatableList<StorageClassDeclaration>> right)
        => left.Combine(right).Select(static (pair, _) => new EquatableList<StorageClassDeclaration>(pair.Left.Concat(pair.Right)));

    // A class with several attribute kinds, or partial parts carrying attributes, arrives more than once.
    private static EquatableList<StorageClassDeclaration> Merge(CancellationToken cancellationToken, EquatableList<StorageClassDeclaration> all)
    {
        var byName = new SortedDictionary<string, StorageClassDeclaration>(StringComparer.Ordinal);
        foreach (StorageClassDeclaration declaration in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!byName.ContainsKey(declaration.MetadataName))
            {
                byName.Add(declaration.MetadataName, declaration);
            }
        }

        return new EquatableList<StorageClassDeclaration>(byName.Values);
    }

    private static EquatableList<string> ReadEphemeralPaths(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        foreach (AttributeData attribute in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.AttributeConstructor is not null
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Primitive
                && attribute.ConstructorArguments[0].Value is string { Length: > 0 } path)
            {
                paths.Add(ContainerPath.Normalize(path));
            }
        }

        return new EquatableList<string>(paths);
    }

    private static string ManifestJson(EquatableList<StorageClassDeclaration> classes, EquatableList<string> assemblyEphemeralPaths)
    {
        VolumeManifest manifest = ManifestBuilder.Build(classes, assemblyEphemeralPaths);
        return manifest.Classes.Count == 0 && manifest.EphemeralPaths.Count == 0 ? string.Empty : manifest.ToJson();
    }
}
