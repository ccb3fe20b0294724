using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.ContainerFiles;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.SourceGenerators.Usage.Persisted;

namespace VolumeGen.SourceGenerators.Analyzers.UsageRules;

/// <summary>
/// VG2008: which Dockerfile the analyzers read, when several fit or none does; for a class library built into other
/// projects' images, VG2009 instead, on the app's Dockerfile, when its writes cannot be judged.
/// </summary>
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

        // The selection alone decides VG2008; only a project no Dockerfile builds reads the rest (the app's lock) for VG2009.
        ContainerFileSelection selection = state.ContainerFileSelection;
        LibraryImages images = selection.Dockerfile is { BuildsProject: false } ? state.ContainerFiles.Images : LibraryImages.None;
        (DiagnosticDescriptor Descriptor, string? Text, string? File) report = images.IsLibrary
            ? (DiagnosticDescriptors.LibraryImageUnknown, state.ContainerFiles.ImagesReport, images.Images[0].Dockerfile.File.Path)
            : (DiagnosticDescriptors.ContainerFilesChosen, selection.Report, selection.ReportFile);
        if (report.Text is string message && string.Equals(report.File, path, StringComparison.Ordinal)
            && context.AdditionalFile.GetText(context.CancellationToken) is SourceText text && text.Lines.Count > 0)
        {
            TextSpan firstLine = text.Lines[0].Span;
            Location location = Location.Create(path, firstLine, text.Lines.GetLinePositionSpan(firstLine));
            context.ReportDiagnostic(Diagnostic.Create(report.Descriptor, location, message));
        }
    }
}
