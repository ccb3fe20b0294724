using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// What container-file discovery knows about the project it serves, from the build (the analyzers read the same facts
/// as compiler-visible properties): its folder (<c>MSBuildProjectDirectory</c>), its names (<c>MSBuildProjectName</c> and
/// the assembly's), the Dockerfile the user named (<c>VolumeGenDockerfile</c>), the files the user listed
/// (<c>VolumeGenContainerFiles</c>) and the image SDK container publishing makes of it (<c>ContainerRepository</c>).
/// </summary>
public sealed class ContainerProject
{
    /// <summary>Creates the facts; relative listed files resolve against <paramref name="directory"/>.</summary>
    /// <param name="directory">The project folder, or null when the build does not say (every file then counts as the project's own).</param>
    /// <param name="names">The project's and the assembly's names (empty and repeated ones are dropped).</param>
    /// <param name="namedDockerfile">The Dockerfile <c>VolumeGenDockerfile</c> names (full path), or null when it names none.</param>
    /// <param name="listedFiles">The files <c>VolumeGenContainerFiles</c> lists.</param>
    /// <param name="containerRepository">The image name SDK container publishing gives the project, or null.</param>
    public ContainerProject(string? directory, IEnumerable<string?> names, string? namedDockerfile = null, IEnumerable<string>? listedFiles = null, string? containerRepository = null)
    {
        Directory = string.IsNullOrWhiteSpace(directory) ? null : RepositoryPath.Normalize(directory!.Trim());
        var list = new List<string>();
        foreach (string? name in names)
        {
            string? trimmed = name?.Trim();
            if (!string.IsNullOrEmpty(trimmed) && !list.Exists(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                list.Add(trimmed!);
            }
        }

        Names = list;
        NamedDockerfile = string.IsNullOrWhiteSpace(namedDockerfile) ? null : Resolve(namedDockerfile!.Trim());
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in listedFiles ?? Array.Empty<string>())
        {
            if (!string.IsNullOrWhiteSpace(file))
            {
                listed.Add(Resolve(file.Trim()));
            }
        }

        ListedFiles = listed;
        ContainerRepository = string.IsNullOrWhiteSpace(containerRepository) ? null : containerRepository!.Trim();
    }

    /// <summary>The project folder in the comparable form (<c>/</c> separators), or null.</summary>
    public string? Directory { get; }

    /// <summary>The project's and the assembly's names: <c>&lt;name&gt;.csproj</c> and <c>&lt;name&gt;.dll</c> in a Dockerfile name the project.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The Dockerfile the user named, comparable form, or null.</summary>
    public string? NamedDockerfile { get; }

    /// <summary>The files the user listed, comparable form.</summary>
    public IReadOnlyCollection<string> ListedFiles { get; }

    /// <summary>The image SDK container publishing makes (<c>ContainerRepository</c>), or null.</summary>
    public string? ContainerRepository { get; }

    /// <summary>The project's name for messages.</summary>
    public string DisplayName => Names.Count > 0 ? Names[0] : "this project";

    /// <summary>True when <paramref name="path"/> is in the project folder itself (not below it); always without a project folder.</summary>
    public bool IsInProjectFolder(string path)
        => Directory is null || string.Equals(RepositoryPath.Folder(RepositoryPath.Normalize(path)), Directory, RepositoryPath.Comparison);

    /// <summary>True when the user listed <paramref name="path"/> in <c>VolumeGenContainerFiles</c>.</summary>
    public bool IsListed(string path) => ((HashSet<string>)ListedFiles).Contains(RepositoryPath.Normalize(path));

    /// <summary>True when the user named <paramref name="path"/> in <c>VolumeGenDockerfile</c>.</summary>
    public bool IsNamed(string path) => NamedDockerfile is not null && string.Equals(RepositoryPath.Normalize(path), NamedDockerfile, RepositoryPath.Comparison);

    /// <summary><paramref name="path"/> for messages: relative to the project folder when it shares a folder with it.</summary>
    public string Display(string path) => RepositoryPath.Display(path, Directory);

    private string Resolve(string path) => Directory is null || RepositoryPath.IsRooted(path) ? RepositoryPath.Normalize(path) : RepositoryPath.Resolve(Directory, path);
}
