using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.ContainerFiles;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage;

namespace VolumeGen.SourceGenerators.Analyzers.UsageRules;

/// <summary>VG2008: which Dockerfile the analyzers read, when several fit or none does.</summary>
internal static class ContainerFileChoiceRule
{
    /// <summary>Once per compilation: on the first line of the Dockerfile the choice is about.</summary>
    public static void Analyze(AdditionalFileAnalysisContext context, UsageCompilationState state)
    {
        // The name first: only a Dockerfile can carry the report, and reading the container files is not free.
        string path = context.AdditionalFile.Path;
        if (!ContainerFileNames.IsDockerfile(RepositoryPath.FileName(path)))
        {
            return;
        }

        ContainerFileSelection selection = state.ContainerFileSelection;
        if (selection.Report is string report && string.Equals(selection.ReportFile, path, StringComparison.Ordinal)
            && context.AdditionalFile.GetText(context.CancellationToken) is SourceText text && text.Lines.Count > 0)
        {
            TextSpan firstLine = text.Lines[0].Span;
            Location location = Location.Create(path, firstLine, text.Lines.GetLinePositionSpan(firstLine));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContainerFilesChosen, location, report));
        }
    }
}
