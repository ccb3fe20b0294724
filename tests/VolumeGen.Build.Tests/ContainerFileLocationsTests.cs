using System;
using System.IO;
using System.Linq;
using VolumeGen.Build.ContainerFileSearch;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// Where the build looks for container files: the folders above the project up to the repository root (however deep),
/// the conventional docker/ and deploy/ folders, and everything below the root but bin/, obj/, node_modules/ and
/// dot-folders (bounded, saying where it stopped); never VolumeGen's own outputs, nothing outside the project without a
/// repository. Which files are container files is <see cref="VolumeGen.ContainerFiles.ContainerFileNames"/> (tested in VolumeGen.Tests).
/// </summary>
public sealed class ContainerFileLocationsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "volumegen-locations-" + Guid.NewGuid().ToString("N").Substring(0, 8));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Files_above_the_project_up_to_the_repository_root_and_in_conventional_folders_are_found_nearest_first()
    {
        Directory.CreateDirectory(Path.Combine(_root, "repo", ".git"));
        string project = Touch("repo/src/App/App.csproj");
        Touch("repo/src/App/Dockerfile");                 // the project folder's own: the targets add it
        Touch("repo/src/App/deploy/compose.prod.yml");
        Touch("repo/src/Dockerfile.dev");
        Touch("repo/src/compose.volumegen.yaml");         // VolumeGen's own output
        Touch("repo/src/readme.md");
        Touch("repo/Dockerfile");
        Touch("repo/compose.yaml");
        Touch("repo/docker/api.Dockerfile");
        Touch("repo/other/Dockerfile");                   // a sibling project's folder
        Touch("Dockerfile");                              // above the repository

        string[] found = ContainerFileLocations.Find(Path.GetDirectoryName(project)!).Select(Relative).ToArray();

        Assert.Equal(new[] { "repo/src/App/deploy/compose.prod.yml", "repo/src/Dockerfile.dev", "repo/Dockerfile", "repo/compose.yaml", "repo/docker/api.Dockerfile" }, found);
    }

    [Fact]
    public void A_git_file_of_a_worktree_marks_the_repository_root()
    {
        Touch("repo/.git");
        string project = Touch("repo/src/App/App.csproj");
        Touch("repo/docker-compose.yml");

        Assert.Equal(new[] { "repo/docker-compose.yml" }, ContainerFileLocations.Find(Path.GetDirectoryName(project)!).Select(Relative));
    }

    [Fact]
    public void Without_a_repository_nothing_above_the_project_is_searched()
    {
        string project = Touch("loose/App/App.csproj");
        Touch("loose/App/docker/App.dockerfile");
        Touch("loose/Dockerfile");

        Assert.Equal(new[] { "loose/App/docker/App.dockerfile" }, ContainerFileLocations.Find(Path.GetDirectoryName(project)!).Select(Relative));
    }

    [Fact]
    public void A_project_at_the_repository_root_searches_nothing_above_it()
    {
        Directory.CreateDirectory(Path.Combine(_root, "repo", ".git"));
        string project = Touch("repo/App.csproj");
        Touch("Dockerfile");

        Assert.Empty(ContainerFileLocations.Find(Path.GetDirectoryName(project)!));
    }

    [Fact]
    public void A_project_far_below_the_repository_root_searches_every_folder_up_to_it()
    {
        // No fixed number of levels: the root's Dockerfile is found from a project 20 folders down.
        Directory.CreateDirectory(Path.Combine(_root, "repo", ".git"));
        string folders = string.Join("/", Enumerable.Range(1, 20).Select(static i => "f" + i));
        string project = Touch("repo/" + folders + "/App/App.csproj");
        Touch("repo/Dockerfile");

        Assert.Equal(new[] { "repo/Dockerfile" }, ContainerFileLocations.Find(Path.GetDirectoryName(project)!).Select(Relative));
    }

    [Fact]
    public void Below_the_root_every_folder_is_searched_but_bin_obj_node_modules_and_dot_folders()
    {
        Directory.CreateDirectory(Path.Combine(_root, "repo", ".git"));
        Touch("repo/Dockerfile");
        Touch("repo/docker-compose/docker-compose.yml");
        Touch("repo/src/Web/Dockerfile");
        Touch("repo/src/Web/deploy/k8s/compose.prod.yaml");
        Touch("repo/src/Web/bin/Debug/Dockerfile");
        Touch("repo/src/Web/obj/Dockerfile");
        Touch("repo/web/node_modules/pkg/Dockerfile");
        Touch("repo/.github/Dockerfile");
        Touch("repo/.git/Dockerfile");
        Touch("repo/src/Web/compose.volumegen.yaml");
        Touch("repo/src/Web/Program.cs");

        RepositoryFiles found = ContainerFileLocations.BelowRoot(Path.Combine(_root, "repo"));

        Assert.Equal(
            new[] { "repo/Dockerfile", "repo/docker-compose/docker-compose.yml", "repo/src/Web/Dockerfile", "repo/src/Web/deploy/k8s/compose.prod.yaml" },
            found.Files.Select(Relative));
        Assert.Null(found.Stopped);
    }

    [SkippableFact]
    public void Below_the_root_a_linked_folder_is_not_followed()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "symbolic links without privileges: Linux");
        Directory.CreateDirectory(Path.Combine(_root, "repo", ".git"));
        Touch("repo/src/Dockerfile");
        Directory.CreateSymbolicLink(Path.Combine(_root, "repo", "src", "loop"), Path.Combine(_root, "repo"));

        Assert.Equal(new[] { "repo/src/Dockerfile" }, ContainerFileLocations.BelowRoot(Path.Combine(_root, "repo")).Files.Select(Relative));
    }

    [Fact]
    public void Below_the_root_the_search_is_bounded_and_says_where_it_stopped()
    {
        Directory.CreateDirectory(Path.Combine(_root, "repo", ".git"));
        string deep = "repo/" + string.Join("/", Enumerable.Range(1, ContainerFileLocations.MaxDepthBelowRoot + 2).Select(static i => "d" + i));
        Touch(deep + "/Dockerfile");
        Touch("repo/d1/d2/Dockerfile");

        RepositoryFiles found = ContainerFileLocations.BelowRoot(Path.Combine(_root, "repo"));

        Assert.Equal(new[] { "repo/d1/d2/Dockerfile" }, found.Files.Select(Relative));
        Assert.Equal($"it does not look deeper than {ContainerFileLocations.MaxDepthBelowRoot} folders below the root", found.Stopped);
    }

    private string Touch(string relative)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
        return path;
    }

    private string Relative(string path) => Path.GetRelativePath(_root, path).Replace('\\', '/');
}
