using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using VolumeGen.SourceGenerators.Diagnostics;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// VG2001/VG2005: declares the folder as <c>[PersistentVolume("folder")]</c> on a storage class: one action per
/// storage class of the project, or a new <c>static partial class ContainerStorage</c> in its own file when there is
/// none. Fix All collects every folder and adds them in one edit.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclarePersistentVolumeCodeFix)), Shared]
public sealed class DeclarePersistentVolumeCodeFix : CodeFixProvider
{
    /// <summary>Prefix of the equivalence keys; the storage class's full name (or <c>new</c>) follows.</summary>
    public const string EquivalenceKeyPrefix = "VolumeGen.DeclarePersistentVolume:";

    /// <summary>The key of the "new ContainerStorage class" action.</summary>
    public const string NewClassKey = EquivalenceKeyPrefix + "new";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.WriteOutsidePersistedPath.Id, DiagnosticDescriptors.DataProtectionKeysNotPersisted.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        IReadOnlyList<INamedTypeSymbol>? classes = null;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticDescriptors.FolderProperty, out string? folder) || folder is null)
            {
                continue;
            }

            classes ??= await StorageClasses.FindAsync(context.Document.Project, context.CancellationToken).ConfigureAwait(false);
            string[] folders = { folder };
            if (classes.Count == 0)
            {
                ProjectId project = context.Document.Project.Id;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Declare [PersistentVolume(\"{folder}\")] on a new {StorageClasses.NewClassName} class",
                        _ => Task.FromResult(StorageClasses.CreateStorageClass(context.Document.Project.Solution, project, folders)),
                        NewClassKey),
                    diagnostic);
                continue;
            }

            foreach (INamedTypeSymbol storageClass in classes)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Declare [PersistentVolume(\"{folder}\")] on {storageClass.Name}",
                        cancellationToken => StorageClasses.AddVolumesAsync(context.Document.Project.Solution, storageClass, folders, cancellationToken),
                        EquivalenceKeyPrefix + storageClass.ToDisplayString()),
                    diagnostic);
            }
        }
    }

    /// <summary>Adds every folder of the fixed diagnostics to the chosen class (or one new class) in a single edit.</summary>
    private sealed class FixAll : FixAllProvider
    {
        public static FixAll Instance { get; } = new();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            string? key = fixAllContext.CodeActionEquivalenceKey;
            if (key is null || !key.StartsWith(EquivalenceKeyPrefix, StringComparison.Ordinal))
            {
                return null;
            }

            IReadOnlyList<string> folders = await FixAllDiagnostics.FoldersAsync(fixAllContext).ConfigureAwait(false);
            if (folders.Count == 0)
            {
                return null;
            }

            Project project = fixAllContext.Project;
            return CodeAction.Create(
                "Declare the folders as persistent volumes",
                async cancellationToken =>
                {
                    Solution solution = fixAllContext.Solution;
                    if (key == NewClassKey)
                    {
                        return StorageClasses.CreateStorageClass(solution, project.Id, folders);
                    }

                    IReadOnlyList<INamedTypeSymbol> classes = await StorageClasses.FindAsync(project, cancellationToken).ConfigureAwait(false);
                    INamedTypeSymbol? target = classes.FirstOrDefault(c => EquivalenceKeyPrefix + c.ToDisplayString() == key);
                    return target is null ? solution : await StorageClasses.AddVolumesAsync(solution, target, folders, cancellationToken).ConfigureAwait(false);
                },
                key);
        }
    }
}
