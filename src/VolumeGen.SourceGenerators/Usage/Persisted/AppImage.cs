using Microsoft.CodeAnalysis;
using VolumeGen.ContainerFiles;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The image of an app that a class library is built into: the app, the Dockerfile that builds it, the app's project
/// folder (where its committed storage lock and configuration files live) and what that lock says.
/// </summary>
internal sealed class AppImage
{
    public AppImage(string name, string folder, AdditionalText dockerfile, Dockerfile model, StorageLock? storageLock, string? lockProblem)
    {
        Name = name;
        Folder = folder;
        Dockerfile = dockerfile;
        Model = model;
        Lock = storageLock;
        LockProblem = lockProblem;
    }

    /// <summary>The app's project name (<c>Web</c>).</summary>
    public string Name { get; }

    /// <summary>The app's project folder, normalised (<see cref="ContainerFileSelection.Normalize"/>).</summary>
    public string Folder { get; }

    /// <summary>The Dockerfile that builds the app's image and copies the library's project.</summary>
    public AdditionalText Dockerfile { get; }

    public Dockerfile Model { get; }

    /// <summary>The app's storage lock when it was read and records the app's declarations; else null and <see cref="LockProblem"/> says why.</summary>
    public StorageLock? Lock { get; }

    /// <summary>Why the app's declarations are not known (the lock is missing, old or unusable), or null.</summary>
    public string? LockProblem { get; }
}
