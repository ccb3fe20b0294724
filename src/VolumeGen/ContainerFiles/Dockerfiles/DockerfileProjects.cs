using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// The .NET project files a Dockerfile copies from its build context (Visual Studio's multi-project Dockerfile copies
/// the app's and every referenced project's for <c>dotnet restore</c>), and through them the folder of the app a class
/// library is shipped in (<see cref="DockerfileRelation.ShipsProject"/>): the build context is where the library's copied
/// project file meets its real path, the app's project folder is where the app's project file is copied from. What is
/// not written out (globs, unknown variables, <c>COPY . .</c>) names no project file.
/// </summary>
public sealed class DockerfileProjects
{
    private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj" };

    private DockerfileProjects(IReadOnlyList<string> projectFiles) => ProjectFiles = projectFiles;

    /// <summary>The project files copied from the build context, relative to it, <c>/</c>-separated (<c>Web/Web.csproj</c>).</summary>
    public IReadOnlyList<string> ProjectFiles { get; }

    /// <summary>Reads the project files <paramref name="dockerfile"/> copies, in every stage.</summary>
    public static DockerfileProjects Of(Dockerfile dockerfile)
    {
        var files = new List<string>();
        foreach ((_, DockerfileValue source) in dockerfile.ContextSources())
        {
            if (source.IsKnown && IsProjectFile(source.Text) && source.Text.IndexOfAny(new[] { '*', '?', '[' }) < 0 && ContextRelative(source.Text) is string relative
                && !files.Exists(f => string.Equals(f, relative, RepositoryPath.Comparison)))
            {
                files.Add(relative);
            }
        }

        return new DockerfileProjects(files);
    }

    /// <summary>
    /// The project folder (comparable form, <see cref="RepositoryPath"/>) of the app <paramref name="shipping"/> ships
    /// <paramref name="project"/> in, or null when the Dockerfile does not copy both the project's and the app's project
    /// files by name, or the project folder is not known.
    /// </summary>
    public static string? AppFolder(DockerfileMatch shipping, ContainerProject project)
    {
        if (shipping.App is not string app || shipping.File.Dockerfile is not Dockerfile model || project.Directory is not string directory)
        {
            return null;
        }

        DockerfileProjects projects = Of(model);
        if (projects.CopiedProjectFile(app) is not string appFile)
        {
            return null;
        }

        foreach (string name in project.Names)
        {
            if (projects.CopiedProjectFile(name) is string copied
                && BuildContext(copied, directory + "/" + RepositoryPath.FileName(copied)) is string context)
            {
                string folder = ProjectFolder(context, appFile);
                return string.Equals(folder, directory, RepositoryPath.Comparison) ? null : folder;
            }
        }

        return null;
    }

    /// <summary>
    /// The project name of the app <paramref name="shipping"/> runs, as its copied project file spells it (the name its
    /// storage lock records the app's entries under: <c>Web</c> of <c>Web/Web.csproj</c>), or null when the Dockerfile
    /// does not copy the app's project file by name.
    /// </summary>
    public static string? AppProjectName(DockerfileMatch shipping)
    {
        if (shipping.App is not string app || shipping.File.Dockerfile is not Dockerfile model || Of(model).CopiedProjectFile(app) is not string appFile)
        {
            return null;
        }

        string name = RepositoryPath.FileName(appFile);
        return name.Substring(0, name.LastIndexOf('.'));
    }

    /// <summary>The copied project file named <c>&lt;<paramref name="projectName"/>&gt;.csproj</c> (or .fsproj, .vbproj), or null.</summary>
    public string? CopiedProjectFile(string projectName)
    {
        foreach (string file in ProjectFiles)
        {
            string name = RepositoryPath.FileName(file);
            if (string.Equals(name.Substring(0, name.LastIndexOf('.')), projectName, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>
    /// The build context folder, given where the project file <paramref name="copiedProjectFile"/> (a <see cref="ProjectFiles"/>
    /// entry) really is: <paramref name="projectFilePath"/> without the copied relative path (<c>/repo/Web/Web.csproj</c> and
    /// <c>Web/Web.csproj</c> give <c>/repo</c>). Null when the path does not end with it. Paths in <c>/</c> form.
    /// </summary>
    public static string? BuildContext(string copiedProjectFile, string projectFilePath)
    {
        string path = projectFilePath.Replace('\\', '/');
        string suffix = "/" + copiedProjectFile;
        return path.Length > suffix.Length && path.EndsWith(suffix, RepositoryPath.Comparison) ? path.Substring(0, path.Length - suffix.Length) : null;
    }

    /// <summary>The folder of a copied project file inside the build context <paramref name="context"/> (<c>/repo</c> and <c>Web/Web.csproj</c> give <c>/repo/Web</c>).</summary>
    public static string ProjectFolder(string context, string copiedProjectFile)
    {
        int slash = copiedProjectFile.LastIndexOf('/');
        return slash < 0 ? context : context + "/" + copiedProjectFile.Substring(0, slash);
    }

    private static bool IsProjectFile(string path)
    {
        foreach (string extension in ProjectExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && path.Length > extension.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>./src/Web/Web.csproj</c>, <c>/src/Web/Web.csproj</c> → <c>src/Web/Web.csproj</c> (a source is always inside the context).</summary>
    private static string? ContextRelative(string source)
    {
        if (source.IndexOf('$') >= 0 || source.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        string resolved = ContainerPath.Resolve("/", "/" + source.Replace('\\', '/'));
        return resolved.Length > 1 ? resolved.Substring(1) : null;
    }
}
