using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.ContainerFiles;
using VolumeGen.SourceGenerators.Usage.Persisted;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// The edit of the persisting fix, for one diagnostic or a Fix All: configuration values moved into the folders,
/// the key ring pointed at its folder, one <c>[PersistentVolume]</c> per data root on the chosen storage class (or
/// a new one), and the VolumeGen markers added to the project's Dockerfile so the build writes the volumes there.
/// </summary>
internal static class PersistData
{
    /// <param name="storageClass">The full name of the storage class to extend; null, or a name the project lacks, takes the project's first storage class or creates <c>ContainerStorage</c> when it has none.</param>
    public static async Task<Solution> ApplyAsync(Solution solution, ProjectId projectId, string? storageClass, IReadOnlyList<FixRequest> requests, CancellationToken cancellationToken)
    {
        // Documents by id: the edits below change the solution, and with it every syntax tree a diagnostic points at. A new
        // storage class goes into the declaring project: a write's file there, else (a class library's writes, declared in
        // the app) the app's first document by path.
        DocumentId? firstDocument = requests.Select(r => solution.GetDocumentId(r.Diagnostic.Location.SourceTree)).FirstOrDefault(id => id is not null && id.ProjectId == projectId)
            ?? solution.GetProject(projectId)?.Documents.Where(static d => d.FilePath is not null && !IsGenerated(d.FilePath)).OrderBy(static d => d.FilePath, StringComparer.Ordinal).FirstOrDefault()?.Id;
        foreach (ConfigurationMove move in requests.Select(static r => r.Move).OfType<ConfigurationMove>().Distinct())
        {
            solution = await MoveAsync(solution, projectId, move, cancellationToken).ConfigureAwait(false);
        }

        // One redirect is enough for the whole key ring: the first registration in source order.
        FixRequest? keys = requests.Where(static r => r.RedirectKeys && r.Diagnostic.Location.SourceTree is not null)
            .OrderBy(static r => r.Diagnostic.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(static r => r.Diagnostic.Location.SourceSpan.Start)
            .FirstOrDefault();
        if (keys is not null && solution.GetDocumentId(keys.Diagnostic.Location.SourceTree) is DocumentId keysDocument && solution.GetDocument(keysDocument) is Document document
            && await KeyRingRedirect.ApplyAsync(document, keys.Diagnostic.Location.SourceSpan, keys.Folder, cancellationToken).ConfigureAwait(false) is Document redirected)
        {
            solution = redirected.Project.Solution;
        }

        Project? project = solution.GetProject(projectId);
        if (project is null)
        {
            return solution;
        }

        IReadOnlyList<INamedTypeSymbol> classes = await StorageClasses.FindAsync(project, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> declared = StorageClasses.PersistentVolumeTargets(classes);
        IReadOnlyList<string> folders = DataRoots.Collapse(requests.Select(static r => r.Folder), declared);
        if (folders.Count > 0)
        {
            // The chosen class; in another project of a solution-wide Fix All, that project's first class or a new one.
            INamedTypeSymbol? target = classes.FirstOrDefault(c => c.ToDisplayString() == storageClass) ?? classes.FirstOrDefault();
            if (target is not null)
            {
                solution = await StorageClasses.AddVolumesAsync(solution, target, folders, cancellationToken).ConfigureAwait(false);
            }
            else if (firstDocument is not null && solution.GetDocument(firstDocument) is Document first)
            {
                solution = await StorageClasses.CreateStorageClassAsync(first, folders, cancellationToken).ConfigureAwait(false);
            }
        }

        return await AddDockerfileMarkersAsync(solution, projectId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rewrites the one string token of the value; everything else in the file stays byte for byte.</summary>
    private static async Task<Solution> MoveAsync(Solution solution, ProjectId projectId, ConfigurationMove move, CancellationToken cancellationToken)
    {
        TextDocument? file = solution.GetProject(projectId)?.AdditionalDocuments.FirstOrDefault(d => SamePath(d.FilePath, move.File));
        if (file is null)
        {
            return solution;
        }

        SourceText text = await file.GetTextAsync(cancellationToken).ConfigureAwait(false);
        // Null when the file no longer says what the analyzer read: leave it alone.
        return JsonSettingsEdit.Replace(text, move.File, move.Key, move.Value, move.SuggestedValue) is TextChange change
            ? solution.WithAdditionalDocumentText(file.Id, text.WithChanges(change))
            : solution;
    }

    private static async Task<Solution> AddDockerfileMarkersAsync(Solution solution, ProjectId projectId, CancellationToken cancellationToken)
    {
        Project? project = solution.GetProject(projectId);
        TextDocument? dockerfile = project is null ? null : ProjectDockerfile(project, cancellationToken);
        if (dockerfile is null)
        {
            return solution;
        }

        SourceText text = await dockerfile.GetTextAsync(cancellationToken).ConfigureAwait(false);
        project!.AnalyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.VolumeGenDockerfileTarget", out string? target);
        return DockerfileMarkers.Insert(text.ToString(), target) is string updated
            ? solution.WithAdditionalDocumentText(dockerfile.Id, SourceText.From(updated, text.Encoding, text.ChecksumAlgorithm))
            : solution;
    }

    /// <summary>
    /// The Dockerfile the build keeps in sync: the one the analyzers read, when it builds this project
    /// (<see cref="ContainerFileSelection.KeptDockerfile"/>, the rule the build task follows too: <c>VolumeGenDockerfile</c>
    /// when named, else the search's choice). Nothing when the Dockerfile step is off (<c>VolumeGenDockerfilePath</c> is
    /// <c>none</c>) or the image is another app's that copies this project.
    /// </summary>
    private static TextDocument? ProjectDockerfile(Project project, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions global = project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (global.TryGetValue(ProjectContainerFiles.DockerfilePathProperty, out string? configured) && string.Equals(configured?.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        ContainerFileSelection selection = ProjectContainerFiles.Select(project.AnalyzerOptions.AdditionalFiles, global, project.AssemblyName, cancellationToken);
        return selection.KeptDockerfile is DockerfileMatch kept
            ? project.AdditionalDocuments.FirstOrDefault(d => SamePath(d.FilePath, kept.File.Path))
            : null;
    }

    /// <summary>A file the build generates under <c>obj/</c> (global usings, assembly info): never where a user's class goes.</summary>
    private static bool IsGenerated(string path)
        => path.Replace('\\', '/').IndexOf("/obj/", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool SamePath(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        try
        {
            return string.Equals(System.IO.Path.GetFullPath(left), System.IO.Path.GetFullPath(right), StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or System.IO.PathTooLongException)
        {
            return string.Equals(left, right, StringComparison.Ordinal);
        }
    }
}
