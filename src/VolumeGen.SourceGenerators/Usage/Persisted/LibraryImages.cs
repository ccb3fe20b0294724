using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.ContainerFiles;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The app images this project is built into as a class library (docs/analyzers.md, "Several projects, one image"): no
/// Dockerfile builds the project, and one copies it into another app's image (<see cref="ContainerFileSelection.ShippedIn"/>).
/// The library's writes are judged against that app: its declarations come from the app's committed storage lock
/// (<c>volumegen.lock.json</c> beside the app's project, found through the project files the Dockerfile copies:
/// <see cref="DockerfileProjects.AppFolder"/>; the app project's entries, <see cref="DockerfileProjects.AppProjectName"/>),
/// the rest from that Dockerfile. More than one app, or an app whose lock
/// cannot be read: it cannot tell (VG2009), and nothing is judged.
/// </summary>
internal sealed class LibraryImages
{
    private LibraryImages(IReadOnlyList<AppImage> images) => Images = images;

    public static LibraryImages None { get; } = new(Array.Empty<AppImage>());

    /// <summary>The app images, one per app, in the selection's order (nearest first).</summary>
    public IReadOnlyList<AppImage> Images { get; }

    /// <summary>True when the project is built into some other project's image (and no Dockerfile builds it).</summary>
    public bool IsLibrary => Images.Count > 0;

    /// <summary>The one app whose declarations the project's writes are judged against, or null.</summary>
    public AppImage? App => Images.Count == 1 && Images[0].Declarations is not null ? Images[0] : null;

    /// <summary>True when the project is a library whose writes cannot be judged (VG2009 says why).</summary>
    public bool CannotTell => IsLibrary && App is null;

    /// <summary>The images that ship <paramref name="project"/> when none of <paramref name="selection"/>'s Dockerfiles builds it.</summary>
    public static LibraryImages Find(ContainerFileSelection selection, ContainerProject project, IEnumerable<AdditionalText> files, CancellationToken cancellationToken)
    {
        if (selection.Dockerfile is not { BuildsProject: false })
        {
            return None; // the project's own image (it is the app), or no Dockerfile at all
        }

        var images = new List<AppImage>();
        var apps = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (DockerfileMatch shipping in selection.ShippedIn)
        {
            string? folder = DockerfileProjects.AppFolder(shipping, project);
            // Two Dockerfiles of one app (Dockerfile, Dockerfile.prod) are one app: the selection's nearest speaks for it.
            if (!apps.Add(folder ?? shipping.App ?? shipping.File.NormalizedPath))
            {
                continue;
            }

            (ProjectDeclarations? declarations, string? problem) = folder is null || DockerfileProjects.AppProjectName(shipping) is not string app
                ? (null, "'" + project.Display(shipping.File.Path) + "' does not copy " + shipping.App + "'s project file by name, so VolumeGen cannot find " + shipping.App + "'s storage lock")
                : ReadLock(app, folder, files, project, cancellationToken);
            images.Add(new AppImage(shipping, folder, declarations, problem));
        }

        return new LibraryImages(images);
    }

    /// <summary>What VG2009 says when the project is a library whose writes cannot be judged; null otherwise.</summary>
    public string? Report(ContainerProject project)
    {
        if (!CannotTell)
        {
            return null;
        }

        string library = project.DisplayName;
        if (Images.Count > 1)
        {
            var images = new StringBuilder();
            for (int i = 0; i < Images.Count; i++)
            {
                images.Append(i == 0 ? string.Empty : i == Images.Count - 1 ? " and " : ", ")
                    .Append(Images[i].Name).Append(" ('").Append(project.Display(Images[i].Dockerfile.File.Path)).Append("')");
            }

            return library + " is built into the images of " + images + ": VolumeGen cannot tell which image's declarations its writes land in, so they are not judged";
        }

        AppImage app = Images[0];
        return library + " is built into the image of " + app.Name + " ('" + project.Display(app.Dockerfile.File.Path) + "'), but " + app.Name + "'s declarations are not known: "
            + app.LockProblem + "; until then " + library + "'s writes are not judged";
    }

    /// <summary>True when <paramref name="file"/> lies directly in <paramref name="folder"/> (comparable form), as the app's configuration files do.</summary>
    public static bool IsInFolder(AdditionalText file, string folder)
        => string.Equals(RepositoryPath.Folder(RepositoryPath.Normalize(file.Path)), folder, RepositoryPath.Comparison);

    /// <summary>The declarations <paramref name="app"/>'s entries of its lock record (the build passes the lock among the AdditionalFiles), or why it tells nothing.</summary>
    private static (ProjectDeclarations? Declarations, string? Problem) ReadLock(string app, string folder, IEnumerable<AdditionalText> files, ContainerProject project, CancellationToken cancellationToken)
    {
        string path = folder + "/" + StorageLock.DefaultFileName;
        string shown = project.Display(path);
        foreach (AdditionalText file in files)
        {
            if (!string.Equals(RepositoryPath.Normalize(file.Path), path, RepositoryPath.Comparison))
            {
                continue;
            }

            if (file.GetText(cancellationToken) is not SourceText text)
            {
                return (null, "its storage lock '" + shown + "' cannot be read");
            }

            if (!StorageLock.TryParse(text.ToString(), out StorageLock? storageLock, out string? error))
            {
                return (null, "its storage lock '" + shown + "' cannot be used: " + error?.TrimEnd('.'));
            }

            if (storageLock!.DeclarationsOf(app) is ProjectDeclarations declarations)
            {
                return (declarations, null);
            }

            return storageLock.Volumes.Any(v => string.Equals(v.Project, app, StringComparison.Ordinal) || v.Project is null)
                ? (null, "its storage lock '" + shown + "' was written by an older VolumeGen and records only " + app + "'s named volumes: build " + app + " once and commit the file")
                : (null, "its storage lock '" + shown + "' records nothing of the project " + app + ": build " + app + " (its build records its declarations there) and commit the file");
        }

        return (null, "its storage lock '" + shown + "' does not exist: build " + app + " (its build writes the lock when " + app + " declares storage) and commit the file");
    }
}
