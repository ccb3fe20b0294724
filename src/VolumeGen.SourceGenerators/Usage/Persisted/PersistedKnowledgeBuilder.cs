using System;
using System.Collections.Generic;
using VolumeGen.ContainerFiles;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// Puts the sources of knowledge together, in the order that breaks ties for the same folder: ephemeral
/// declarations, C# declarations (manifest or attributes), compose, volumegen.persisted_paths, Dockerfile VOLUME.
/// Working directory: volumegen.working_directory, else ContainerWorkingDirectory, else the Dockerfile's final
/// WORKDIR, else /app. The Dockerfile's final stage is the one VolumeGenDockerfileTarget names, else the last
/// (docs/container-files.md). For a class library built into an app's image, the declarations are the app's
/// (<see cref="DeclaredStorage.OfApp"/>) and the Dockerfile is the app's.
/// </summary>
internal static class PersistedKnowledgeBuilder
{
    public static PersistedKnowledge Build(
        bool referencesVolumeGen,
        DeclaredStorage declared,
        Dockerfile? dockerfile,
        IReadOnlyList<KnownMount> compose,
        bool hasComposeFile,
        UsageOptions options,
        LibraryImages? images = null)
    {
        var mounts = new List<KnownMount>();

        string? ephemeralOption = options.EphemeralPaths ?? UsageOptions.DefaultEphemeralPaths;
        foreach (string path in UsageOptions.SplitList(ephemeralOption))
        {
            AddPath(mounts, path, Persistence.Ephemeral, "volumegen.ephemeral_paths entry " + path);
        }

        foreach (string path in declared.EphemeralPaths)
        {
            AddPath(mounts, path, Persistence.Ephemeral, "[EphemeralPath(\"" + path + "\")]");
        }

        mounts.AddRange(declared.Mounts);
        mounts.AddRange(compose);

        foreach (string path in UsageOptions.SplitList(options.PersistedPaths))
        {
            AddPath(mounts, path, Persistence.Persistent, "volumegen.persisted_paths entry " + path);
        }

        // A hand-written VOLUME counts as persisted: the author mounts something there when running the image
        // (docs/container-files.md). The generated block is skipped: it repeats the C# declarations.
        DockerfileStage? image = FinalStage(dockerfile, options);
        if (image is not null)
        {
            foreach (DockerfileVolumePath volume in image.Volumes)
            {
                if (!volume.IsInGeneratedBlock && volume.ContainerPath is string path)
                {
                    mounts.Add(new KnownMount(path, Persistence.Persistent, false, "Dockerfile VOLUME " + path));
                }
            }
        }

        string workingDirectory = WorkingDirectoryOf(options, image);

        // A class library whose app's declarations are not known says nothing (VG2009 says why): unknown is silent.
        bool isActive = images?.CannotTell != true
            && (referencesVolumeGen || dockerfile is not null || hasComposeFile || options.SdkContainer
            || options.WorkingDirectory is not null || options.PersistedPaths is not null
            || options.EphemeralPaths is not null || options.AdditionalSinks is not null);

        string? dataRoot = DataRootOf(options, mounts, workingDirectory, out bool isDefault);
        return new PersistedKnowledge(isActive, mounts, workingDirectory, HomeOf(options, image), dataRoot, isDefault, images?.App?.Name);
    }

    /// <summary>
    /// The container's working directory: volumegen.working_directory, else ContainerWorkingDirectory, else the
    /// Dockerfile's final stage WORKDIR (<paramref name="image"/>, when known), else /app.
    /// </summary>
    public static string WorkingDirectoryOf(UsageOptions options, DockerfileStage? image)
        => Absolute(options.WorkingDirectory)
            ?? Absolute(options.ContainerWorkingDirectory)
            ?? (image?.WorkingDirectory is { IsKnown: true } workdir ? workdir.Text : null)
            ?? PersistedKnowledge.DefaultWorkingDirectory;

    /// <summary>
    /// volumegen.data_root, else the shallowest persisted writable folder below the working directory (ties: ordinal),
    /// else &lt;working directory&gt;/data (<paramref name="isDefault"/>: the app's own data folder may replace it); null for
    /// the working directory <c>/</c> (every path would be "under" it).
    /// </summary>
    private static string? DataRootOf(UsageOptions options, List<KnownMount> mounts, string workingDirectory, out bool isDefault)
    {
        isDefault = false;
        if (Absolute(options.DataRoot) is string configured)
        {
            return configured;
        }

        if (workingDirectory == "/")
        {
            return null;
        }

        string? best = null;
        foreach (KnownMount mount in mounts)
        {
            if (mount.Persistence == Persistence.Persistent && !mount.ReadOnly && mount.Path != workingDirectory && ContainerPath.IsUnder(mount.Path, workingDirectory)
                && (best is null || mount.Path.Length < best.Length || (mount.Path.Length == best.Length && string.CompareOrdinal(mount.Path, best) < 0)))
            {
                best = mount.Path;
            }
        }

        isDefault = best is null;
        return best ?? workingDirectory + "/data";
    }

    /// <summary>The stage whose image runs: the one VolumeGenDockerfileTarget names, else the last (a target naming no stage is the build task's VG3007).</summary>
    public static DockerfileStage? FinalStage(Dockerfile? dockerfile, UsageOptions options)
        => dockerfile?.FinalStage(options.DockerfileTarget) ?? dockerfile?.FinalStage();

    /// <summary>
    /// The container user's home: volumegen.home_directory, else the image's (<see cref="ImageFactsOf"/>): /root for
    /// root, /home/app for the .NET images' app user, /home/&lt;name&gt; for another name; null when it cannot be told.
    /// </summary>
    public static string? HomeOf(UsageOptions options, DockerfileStage? image)
        => Absolute(options.HomeDirectory) ?? ImageFactsOf(options, image).Home;

    /// <summary>The image the app runs in: the Dockerfile's final stage when there is one, else the SDK's container settings.</summary>
    public static ImageFacts ImageFactsOf(UsageOptions options, DockerfileStage? image)
        => image is not null ? ImageFacts.FromDockerfile(image) : ImageFacts.FromSdk(options.ContainerUser, options.ContainerBaseImage, options.ContainerFamily);

    private static void AddPath(List<KnownMount> mounts, string path, Persistence persistence, string description)
    {
        if (ContainerPath.IsAbsolute(path))
        {
            mounts.Add(new KnownMount(ContainerPath.Resolve("/", path), persistence, false, description));
        }
    }

    private static string? Absolute(string? path)
        => path is not null && ContainerPath.IsAbsolute(path) ? ContainerPath.Resolve("/", path) : null;
}
