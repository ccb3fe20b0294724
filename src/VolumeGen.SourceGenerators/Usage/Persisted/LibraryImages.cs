using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.ContainerFiles;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The app images this project is built into as a class library (docs/analyzers.md, "Several projects, one image"): a
/// Dockerfile that copies the project's project file from its build context but runs another project — Visual Studio's
/// multi-project Dockerfile copies every project the app references — builds that app's image with this project in
/// it. The library's writes are judged against the app: its declarations come from the app's committed storage lock
/// (<c>volumegen.lock.json</c> beside the app's project), the rest from that Dockerfile. None found: the project is
/// judged on its own, as an app. More than one app, or an app whose lock cannot be read: it cannot tell (VG2009).
/// </summary>
internal sealed class LibraryImages
{
    private LibraryImages(IReadOnlyList<AppImage> images) => Images = images;

    public static LibraryImages None { get; } = new(Array.Empty<AppImage>());

    /// <summary>The app images, one per app project folder, in the folders' ordinal order.</summary>
    public IReadOnlyList<AppImage> Images { get; }

    /// <summary>True when the project is built into some other project's image.</summary>
    public bool IsLibrary => Images.Count > 0;

    /// <summary>The one app whose declarations the project's writes are judged against, or null.</summary>
    public AppImage? App => Images.Count == 1 && Images[0].Lock is not null ? Images[0] : null;

    /// <summary>True when the project is a library whose writes cannot be judged (VG2009 says why).</summary>
    public bool CannotTell => IsLibrary && App is null;

    /// <summary>
    /// Finds the images among <paramref name="dockerfiles"/>. Not a library when the Dockerfile chosen for the project
    /// (<paramref name="selection"/>) is in its folder or runs it; with VolumeGenDockerfile only that file is considered.
    /// </summary>
    public static LibraryImages Find(
        IReadOnlyList<(AdditionalText File, Dockerfile Model)> dockerfiles,
        ContainerFileSelection selection,
        ContainerFileSelection.Project project,
        string? target,
        IEnumerable<AdditionalText> files,
        CancellationToken cancellationToken)
    {
        if (project.Directory is not string directory)
        {
            return None;
        }

        var found = new List<(string Name, string Folder, AdditionalText File, Dockerfile Model)>();
        foreach ((AdditionalText file, Dockerfile model) in dockerfiles)
        {
            string path = ContainerFileSelection.Normalize(file.Path);
            if (project.ExplicitDockerfile is string named && !string.Equals(path, named, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            DockerfileProjects projects = DockerfileProjects.Of(model, target);
            if (ReferenceEquals(file, selection.Dockerfile) && (project.IsOwn(file.Path) || Runs(projects, project)))
            {
                return None; // the project's own image: it is the app
            }

            if (Runs(projects, project) || AppFolderOf(projects, project, directory) is not (string name, string folder))
            {
                continue;
            }

            bool known = false;
            foreach ((string _, string existing, AdditionalText _, Dockerfile _) in found)
            {
                known |= string.Equals(existing, folder, StringComparison.OrdinalIgnoreCase);
            }

            if (!known)
            {
                found.Add((name, folder, file, model));
            }
        }

        if (found.Count == 0)
        {
            return None;
        }

        // The compiler's order of AdditionalFiles is not the project's: the app folders' order is.
        found.Sort(static (a, b) => string.CompareOrdinal(a.Folder, b.Folder));
        var images = new List<AppImage>();
        foreach ((string name, string folder, AdditionalText file, Dockerfile model) in found)
        {
            (StorageLock? storageLock, string? problem) = ReadLock(name, folder, files, project, cancellationToken);
            images.Add(new AppImage(name, folder, file, model, storageLock, problem));
        }

        return new LibraryImages(images);
    }

    /// <summary>What VG2009 says when the project is a library whose writes cannot be judged; null otherwise.</summary>
    public string? Report(ContainerFileSelection.Project project)
    {
        if (!CannotTell)
        {
            return null;
        }

        string library = project.ProjectName;
        if (Images.Count > 1)
        {
            var images = new StringBuilder();
            for (int i = 0; i < Images.Count; i++)
            {
                images.Append(i == 0 ? string.Empty : i == Images.Count - 1 ? " and " : ", ")
                    .Append(Images[i].Name).Append(" ('").Append(project.Display(Images[i].Dockerfile.Path)).Append("')");
            }

            return library + " is built into the images of " + images + ": VolumeGen cannot tell which image's declarations its writes land in, so they are not judged";
        }

        AppImage app = Images[0];
        return library + " is built into the image of " + app.Name + " ('" + project.Display(app.Dockerfile.Path) + "'), but " + app.Name + "'s declarations are not known: "
            + app.LockProblem + "; until then " + library + "'s writes are not judged";
    }

    /// <summary>True when <paramref name="file"/> lies directly in <paramref name="folder"/> (normalised), as the app's configuration files do.</summary>
    public static bool IsInFolder(AdditionalText file, string folder)
    {
        string path = ContainerFileSelection.Normalize(file.Path);
        int slash = path.LastIndexOf('/');
        return slash > 0 && string.Equals(path.Substring(0, slash), folder, StringComparison.OrdinalIgnoreCase);
    }

    private static bool Runs(DockerfileProjects projects, ContainerFileSelection.Project project)
    {
        foreach (string name in project.Names)
        {
            if (projects.Runs(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The app and its project folder when the Dockerfile copies this project's project file and the app's; else null.</summary>
    private static (string Name, string Folder)? AppFolderOf(DockerfileProjects projects, ContainerFileSelection.Project project, string directory)
    {
        if (projects.AppProjectFile is not string appFile)
        {
            return null;
        }

        foreach (string name in project.Names)
        {
            if (projects.CopiedProjectFile(name) is string copied
                && DockerfileProjects.BuildContext(copied, directory + "/" + copied.Substring(copied.LastIndexOf('/') + 1)) is string context)
            {
                string folder = DockerfileProjects.ProjectFolder(context, appFile);
                string fileName = appFile.Substring(appFile.LastIndexOf('/') + 1);
                return string.Equals(folder, directory, StringComparison.OrdinalIgnoreCase) ? null : (Path.GetFileNameWithoutExtension(fileName), folder);
            }
        }

        return null;
    }

    /// <summary>The app's lock among the AdditionalFiles (the build passes it), or why it tells nothing.</summary>
    private static (StorageLock? Lock, string? Problem) ReadLock(string app, string folder, IEnumerable<AdditionalText> files, ContainerFileSelection.Project project, CancellationToken cancellationToken)
    {
        string path = folder + "/" + StorageLock.DefaultFileName;
        string shown = project.Display(path);
        foreach (AdditionalText file in files)
        {
            if (!string.Equals(ContainerFileSelection.Normalize(file.Path), path, StringComparison.OrdinalIgnoreCase))
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

            return storageLock!.RecordsDeclarations
                ? (storageLock, null)
                : (null, "its storage lock '" + shown + "' was written by an older VolumeGen and records only the named volumes: build " + app + " once and commit the file");
        }

        return (null, "its storage lock '" + shown + "' does not exist: build " + app + " (its build writes the lock when " + app + " declares storage) and commit the file");
    }
}
