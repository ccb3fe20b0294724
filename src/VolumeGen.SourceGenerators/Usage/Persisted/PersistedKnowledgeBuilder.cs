using System;
using System.Collections.Generic;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// Puts the sources of knowledge together, in the order that breaks ties for the same folder: ephemeral
/// declarations, C# declarations (manifest or attributes), compose, volumegen.persisted_paths, Dockerfile VOLUME.
/// Working directory: volumegen.working_directory, else ContainerWorkingDirectory, else the Dockerfile's final
/// WORKDIR, else /app.
/// </summary>
internal static class PersistedKnowledgeBuilder
{
    public static PersistedKnowledge Build(
        bool referencesVolumeGen,
        DeclaredStorage declared,
        DockerfileFacts? dockerfile,
        IReadOnlyList<KnownMount> compose,
        bool hasComposeFile,
        UsageOptions options)
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

        if (dockerfile is not null)
        {
            foreach (string volume in dockerfile.Volumes)
            {
                mounts.Add(new KnownMount(volume, Persistence.Persistent, false, "Dockerfile VOLUME " + volume));
            }
        }

        string workingDirectory = WorkingDirectoryOf(options, dockerfile?.WorkingDirectory);

        bool isActive = referencesVolumeGen || dockerfile is not null || hasComposeFile || options.SdkContainer
            || options.WorkingDirectory is not null || options.PersistedPaths is not null
            || options.EphemeralPaths is not null || options.AdditionalSinks is not null;

        return new PersistedKnowledge(isActive, mounts, workingDirectory, HomeOf(options, dockerfile), DataRootOf(options, mounts, workingDirectory));
    }

    /// <summary>
    /// The container's working directory: volumegen.working_directory, else ContainerWorkingDirectory, else the
    /// Dockerfile's final WORKDIR (<paramref name="dockerfileWorkingDirectory"/>), else /app.
    /// </summary>
    public static string WorkingDirectoryOf(UsageOptions options, string? dockerfileWorkingDirectory)
        => Absolute(options.WorkingDirectory)
            ?? Absolute(options.ContainerWorkingDirectory)
            ?? dockerfileWorkingDirectory
            ?? PersistedKnowledge.DefaultWorkingDirectory;

    /// <summary>
    /// volumegen.data_root, else the shallowest persisted writable folder below the working directory (ties: ordinal),
    /// else &lt;working directory&gt;/data; null for the working directory <c>/</c> (every path would be "under" it).
    /// </summary>
    private static string? DataRootOf(UsageOptions options, List<KnownMount> mounts, string workingDirectory)
    {
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

        return best ?? workingDirectory + "/data";
    }

    /// <summary>
    /// The container user's home: volumegen.home_directory, else from the Dockerfile's final USER or the
    /// ContainerUser property (root → /root; app, $APP_UID or 1654 → /home/app; another name → /home/name),
    /// else /root for a Dockerfile without USER (Docker's default user), else /home/app (the SDK containers' default user).
    /// </summary>
    public static string? HomeOf(UsageOptions options, DockerfileFacts? dockerfile)
    {
        if (Absolute(options.HomeDirectory) is string home)
        {
            return home;
        }

        string? user = dockerfile?.User ?? options.ContainerUser;
        if (string.IsNullOrEmpty(user))
        {
            return dockerfile is not null ? "/root" : "/home/app";
        }

        switch (user)
        {
            case "root":
            case "0":
                return "/root";
            case "app":
            case "$APP_UID":
            case "${APP_UID}":
            case "1654":
                return "/home/app";
        }

        foreach (char c in user!)
        {
            if (!ContainerPath.IsVolumeNameChar(c))
            {
                return null;
            }
        }

        return char.IsDigit(user[0]) ? null : "/home/" + user;
    }

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
