using VolumeGen.ContainerFiles;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The image of an app that a class library is built into: the Dockerfile that ships the library (and names the app),
/// the app's project folder (where its committed storage lock and configuration files live) and the app's declarations
/// as that lock records them (the app project's entries: a lock may hold several projects').
/// </summary>
internal sealed class AppImage
{
    public AppImage(DockerfileMatch dockerfile, string? folder, ProjectDeclarations? declarations, string? lockProblem)
    {
        Dockerfile = dockerfile;
        Folder = folder;
        Declarations = declarations;
        LockProblem = lockProblem;
    }

    /// <summary>The app's project name (<c>Web</c>).</summary>
    public string Name => Dockerfile.App ?? "the app";

    /// <summary>The Dockerfile that builds the app's image and copies the library's project (<see cref="DockerfileRelation.ShipsProject"/>).</summary>
    public DockerfileMatch Dockerfile { get; }

    /// <summary>The app's project folder (comparable form), or null when the Dockerfile does not say where it is.</summary>
    public string? Folder { get; }

    /// <summary>The app's declarations when its storage lock was read and records them; else null and <see cref="LockProblem"/> says why.</summary>
    public ProjectDeclarations? Declarations { get; }

    /// <summary>Why the app's declarations are not known (its folder unknown; the lock missing, old or unusable), or null.</summary>
    public string? LockProblem { get; }
}
