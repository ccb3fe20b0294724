using System;
using System.IO;
using System.Linq;
using VolumeGen.Build.ContainerFileSearch;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// The container files the package passes to the analyzers from outside the project folder: the folders above it up
/// to the repository root and the conventional docker/ and deploy/ folders; never VolumeGen's own outputs, never a
/// sibling project's folder, nothing above the project without a repository.
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

    [Theory]
    [InlineData("Dockerfile", true)]
    [InlineData("Dockerfile.prod", true)]
    [InlineData("api.Dockerfile", true)]
    [InlineData("compose.yaml", true)]
    [InlineData("docker-compose.override.yml", true)]
    [InlineData("compose.volumegen.yaml", false)]
    [InlineData("Dockerfile.volumegen", false)]
    [InlineData(".dockerignore", false)]
    [InlineData("compose.json", false)]
    public void Container_file_names(string name, bool expected)
        => Assert.Equal(expected, ContainerFileLocations.IsContainerFile(name));

    private string Touch(string relative)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
        return path;
    }

    private string Relative(string path) => Path.GetRelativePath(_root, path).Replace('\\', '/');
}
