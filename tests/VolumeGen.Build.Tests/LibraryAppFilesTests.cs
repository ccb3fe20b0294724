using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VolumeGen.Build.ContainerFileSearch;
using VolumeGen.ContainerFiles;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// What the build passes a class library besides the container files: the storage lock and appsettings files of each
/// app whose Dockerfile copies the library's project file (Visual Studio's multi-project Dockerfile, at the solution
/// root or in the app's folder with the solution as context); nothing for the app itself or a project no Dockerfile copies.
/// </summary>
public sealed class LibraryAppFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_library_the_root_Dockerfile_copies_gets_the_apps_lock_and_settings()
    {
        string dockerfile = Write("Dockerfile", VisualStudioContainerFiles.Dockerfile("Web", "Application", "Infrastructure"));
        string library = Write("Infrastructure/Infrastructure.csproj", "<Project />");
        Write("Web/Web.csproj", "<Project />");
        Write("Web/volumegen.lock.json", "{}");
        Write("Web/appsettings.json", "{}");
        Write("Web/appsettings.Production.json", "{}");
        Write("Web/settings.json", "{}");
        Write("Application/volumegen.lock.json", "{}");

        Assert.Equal(
            new[] { "Web/volumegen.lock.json", "Web/appsettings.Production.json", "Web/appsettings.json" },
            Find(library, dockerfile).Select(Relative));
        Assert.Empty(Find(_folder.File("Web/Web.csproj"), dockerfile));
        Assert.Empty(Find(Write("Tools/Tools.csproj", "<Project />"), dockerfile));
    }

    [Fact]
    public void Visual_Studios_Dockerfile_in_the_app_folder_with_the_solution_as_context_and_a_missing_lock()
    {
        string dockerfile = Write("src/Web/Dockerfile", VisualStudioContainerFiles.Dockerfile("Web", "Infrastructure")
            .Replace("\"Web/", "\"src/Web/", StringComparison.Ordinal).Replace("\"Infrastructure/", "\"src/Infrastructure/", StringComparison.Ordinal));
        string library = Write("src/Infrastructure/Infrastructure.csproj", "<Project />");
        Write("src/Web/appsettings.json", "{}");

        Assert.Equal(new[] { "src/Web/appsettings.json" }, Find(library, dockerfile, Write("compose.yaml", "services: {}")).Select(Relative));
    }

    [Fact]
    public void A_library_in_two_images_gets_both_apps_files_and_the_analyzers_decide()
    {
        string web = Write("Web/Dockerfile", VisualStudioContainerFiles.Dockerfile("Web", "Infrastructure"));
        string worker = Write("Worker/Dockerfile", VisualStudioContainerFiles.Dockerfile("Worker", "Infrastructure"));
        string library = Write("Infrastructure/Infrastructure.csproj", "<Project />");
        Write("Web/volumegen.lock.json", "{}");
        Write("Worker/volumegen.lock.json", "{}");

        Assert.Equal(new[] { "Web/volumegen.lock.json", "Worker/volumegen.lock.json" }, Find(library, web, worker).Select(Relative));
    }

    /// <summary>The app files for the project file <paramref name="projectFile"/>, choosing among <paramref name="containerFiles"/> as the build does.</summary>
    private static IReadOnlyList<string> Find(string projectFile, params string[] containerFiles)
    {
        var project = new ContainerProject(Path.GetDirectoryName(projectFile), new[] { Path.GetFileNameWithoutExtension(projectFile) });
        ContainerFileSelection selection = ContainerFileSelection.Select(containerFiles.Select(f => ContainerFileCandidate.Create(f, File.ReadAllText(f))!), project);
        return LibraryAppFiles.Find(selection, project);
    }

    private string Write(string relative, string text)
    {
        string path = _folder.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Relative(string path) => Path.GetRelativePath(_folder.Path, path).Replace('\\', '/');
}
