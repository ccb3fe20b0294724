using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>A service of a compose file: its image or build, its mounts and its environment.</summary>
public sealed class ComposeService
{
    /// <summary>Creates a service.</summary>
    public ComposeService(
        string name,
        string? image,
        ComposeBuild? build,
        IReadOnlyList<ComposeServiceVolume> volumes,
        IReadOnlyList<ComposeEnvironmentVariable> environment,
        IReadOnlyList<string> environmentFiles,
        string? workingDirectory,
        string? user,
        int line)
    {
        Name = name;
        Image = image;
        Build = build;
        Volumes = volumes;
        Environment = environment;
        EnvironmentFiles = environmentFiles;
        WorkingDirectory = workingDirectory;
        User = user;
        Line = line;
    }

    /// <summary>The service's key.</summary>
    public string Name { get; }

    /// <summary><c>image:</c>, or null.</summary>
    public string? Image { get; }

    /// <summary><c>build:</c>, or null when the service runs a ready-made image.</summary>
    public ComposeBuild? Build { get; }

    /// <summary>The mounts: <c>volumes:</c> entries in order, then <c>tmpfs:</c> entries.</summary>
    public IReadOnlyList<ComposeServiceVolume> Volumes { get; }

    /// <summary><c>environment:</c>, in order.</summary>
    public IReadOnlyList<ComposeEnvironmentVariable> Environment { get; }

    /// <summary><c>env_file:</c> paths, relative to the compose file's folder unless absolute.</summary>
    public IReadOnlyList<string> EnvironmentFiles { get; }

    /// <summary><c>working_dir:</c>, or null.</summary>
    public string? WorkingDirectory { get; }

    /// <summary><c>user:</c>, or null.</summary>
    public string? User { get; }

    /// <summary>The 1-based line of the service's key.</summary>
    public int Line { get; }
}
