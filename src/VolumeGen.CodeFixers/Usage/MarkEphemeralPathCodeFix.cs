using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using VolumeGen.SourceGenerators.Diagnostics;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// VG2001: marks the folder as meant to be lost with <c>[assembly: EphemeralPath("folder")]</c>, added to the file of
/// the write. Fix All adds every folder of the scope to the first file (by path) that has a diagnostic.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkEphemeralPathCodeFix)), Shared]
public sealed class MarkEphemeralPathCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string EquivalenceKey = "VolumeGen.MarkEphemeralPath";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.WriteOutsidePersistedPath.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(DiagnosticDescriptors.FolderProperty, out string? folder) && folder is not null)
            {
                string[] folders = { folder };
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Mark '{folder}' as ephemeral ([assembly: EphemeralPath])",
                        cancellationToken => StorageClasses.AddEphemeralPathsAsync(context.Document, folders, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private sealed class FixAll : FixAllProvider
    {
        public static FixAll Instance { get; } = new();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey != EquivalenceKey)
            {
                return null;
            }

            ImmutableArray<Diagnostic> diagnostics = await FixAllDiagnostics.DiagnosticsAsync(fixAllContext).ConfigureAwait(false);
            IReadOnlyList<string> folders = await FixAllDiagnostics.FoldersAsync(fixAllContext).ConfigureAwait(false);
            Document? target = diagnostics
                .Where(static d => d.Location.SourceTree is not null)
                .OrderBy(static d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .Select(d => fixAllContext.Solution.GetDocument(d.Location.SourceTree))
                .FirstOrDefault(static d => d is not null);
            if (target is null || folders.Count == 0)
            {
                return null;
            }

            return CodeAction.Create(
                "Mark the folders as ephemeral",
                cancellationToken => StorageClasses.AddEphemeralPathsAsync(target, folders, cancellationToken),
                EquivalenceKey);
        }
    }
}
