using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>The diagnostics a Fix All covers (document, project or solution).</summary>
internal static class FixAllDiagnostics
{
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(FixAllContext context)
    {
        switch (context.Scope)
        {
            case FixAllScope.Document when context.Document is not null:
                return await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false);
            case FixAllScope.Project:
                return await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false);
            case FixAllScope.Solution:
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

    /// <summary>The diagnostics in source order (file path, then position), so edits are the same on every run.</summary>
    public static IEnumerable<Diagnostic> InSourceOrder(IEnumerable<Diagnostic> diagnostics)
        => diagnostics
            .OrderBy(static d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(static d => d.Location.SourceSpan.Start);
}
