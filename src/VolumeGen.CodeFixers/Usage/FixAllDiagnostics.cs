using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using VolumeGen.SourceGenerators.Diagnostics;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>The diagnostics a Fix All covers (document, project or solution), and the folders they name.</summary>
internal static class FixAllDiagnostics
{
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(FixAllContext context)
    {
        switch (context.Scope)
        {
            case Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Document when context.Document is not null:
                return await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false);
            case Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Project:
                return await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false);
            case Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Solution:
                var all = ImmutableArray.CreateBuilder<Diagnostic>();
                foreach (Project project in context.Solution.Projects)
                {
                    all.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                return all.ToImmutable();
            default:
                return ImmutableArray<Diagnostic>.Empty;
        }
    }

    /// <summary>The distinct folders of the diagnostics in scope, in source order (file path, then position).</summary>
    public static async Task<IReadOnlyList<string>> FoldersAsync(FixAllContext context)
    {
        ImmutableArray<Diagnostic> diagnostics = await DiagnosticsAsync(context).ConfigureAwait(false);
        var folders = new List<string>();
        foreach (Diagnostic diagnostic in diagnostics
            .OrderBy(static d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(static d => d.Location.SourceSpan.Start))
        {
            if (diagnostic.Properties.TryGetValue(DiagnosticDescriptors.FolderProperty, out string? folder) && folder is not null && !folders.Contains(folder))
            {
                folders.Add(folder);
            }
        }

        return folders;
    }
}
