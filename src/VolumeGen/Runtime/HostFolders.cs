using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VolumeGen;

/// <summary>
/// Where a declared container path is for the process that asks. In a container that has the declared mount, the
/// container path itself. Outside one (<c>dotnet run</c> on a developer's machine, an Aspire project resource), a
/// host folder: the configured one, else a bind mount's own host source, else a folder under the project's
/// <c>.volumegen</c> folder. A published app outside a container with nothing configured keeps the container path,
/// as it did before. See docs/interop.md.
/// </summary>
public static class HostFolders
{
    /// <summary>
    /// Configuration key of the folder that holds every declared path outside a container (environment:
    /// <c>VolumeGen__HostRoot</c>). <c>/app/data</c> becomes <c>{HostRoot}/app/data</c>.
    /// </summary>
    public const string HostRootKey = "VolumeGen:HostRoot";

    /// <summary>
    /// Prefix of the per-path keys: <c>VolumeGen:Paths:app:data</c> (environment: <c>VolumeGen__Paths__app__data</c>)
    /// is the host folder for <c>/app/data</c>. See <see cref="PathKey"/>.
    /// </summary>
    public const string PathKeyPrefix = "VolumeGen:Paths:";

    /// <summary>
    /// The <c>runtimeconfig.json</c> property (<see cref="AppContext.GetData"/>) the VolumeGen package writes for a
    /// development build: the project folder. <c>dotnet publish</c> leaves it out.
    /// </summary>
    public const string ProjectDirectoryProperty = "VolumeGen.ProjectDirectory";

    /// <summary>The folder under the project folder that holds the declared paths of a development build.</summary>
    public const string DefaultFolderName = ".volumegen";

    private static readonly Lazy<IReadOnlyCollection<string>> ProcessMountPoints = new(ReadMountPoints);

    /// <summary>
    /// Where <paramref name="containerPath"/> (a declared path, or a path under one) is for this process. Nothing
    /// is created.
    /// </summary>
    /// <param name="mounts">The declared mounts (a storage class's <c>Mounts</c>).</param>
    /// <param name="containerPath">An absolute container path.</param>
    /// <param name="settings">
    /// Optional configuration lookup (e.g. <c>key =&gt; builder.Configuration[key]</c>); asked before the environment.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="containerPath"/> is not an absolute POSIX path.</exception>
    public static string Resolve(MountSet mounts, string containerPath, Func<string, string?>? settings = null)
        => Resolve(mounts, containerPath, settings, ProcessMountPoints.Value, AppContext.GetData(ProjectDirectoryProperty) as string);

    /// <summary>
    /// <see cref="Resolve(MountSet, string, Func{string, string?})"/> with the facts given instead of read from the
    /// process: the mount points of its mount table, and the project folder of a development build (null when published).
    /// For tests and tools. The environment is still read for keys <paramref name="settings"/> does not answer.
    /// </summary>
    public static string Resolve(MountSet mounts, string containerPath, Func<string, string?>? settings, IReadOnlyCollection<string> mountPoints, string? projectDirectory)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        if (mountPoints is null)
        {
            throw new ArgumentNullException(nameof(mountPoints));
        }

        if (containerPath is null || !ContainerPath.IsAbsolute(containerPath))
        {
            throw new ArgumentException(
                $"'{containerPath}' is not a container path; pass an absolute POSIX path such as a storage class constant (AppStorage.Data).",
                nameof(containerPath));
        }

        string target = ContainerPath.Resolve("/", containerPath);
        Mount? owner = Owner(mounts, target);
        string remainder = owner is null ? target.TrimStart('/') : target.Substring(owner.Target.Length).TrimStart('/');

        // The strongest evidence: the declared mount is there, so this is the container it was declared for.
        if (owner is not null && mountPoints.Contains(owner.Target))
        {
            return target;
        }

        // Relative settings and bind sources are relative to the project folder (development build), else the working directory.
        string baseFolder = string.IsNullOrWhiteSpace(projectDirectory) ? Directory.GetCurrentDirectory() : projectDirectory!;
        if (owner is not null && Setting(PathKey(owner.Target), settings) is string folder)
        {
            return Append(Path.GetFullPath(Path.Combine(baseFolder, folder)), remainder);
        }

        string? hostRoot = Setting(HostRootKey, settings);
        if (hostRoot is null && string.IsNullOrWhiteSpace(projectDirectory))
        {
            // A published app: in a container, or outside one with nothing configured, the container path as always.
            return target;
        }

        if (owner is { Kind: MountKind.Bind })
        {
            // Outside a container a bind mount's path is its own host folder.
            return Append(Path.GetFullPath(RunArguments.ResolveBindSource(owner.Source ?? string.Empty, baseFolder)), remainder);
        }

        string root = hostRoot is null ? Path.Combine(baseFolder, DefaultFolderName) : Path.GetFullPath(Path.Combine(baseFolder, hostRoot));
        return Append(root, target.TrimStart('/'));
    }

    /// <summary>The configuration key of one declared path: <c>/app/data</c> gives <c>VolumeGen:Paths:app:data</c>.</summary>
    public static string PathKey(string containerPath)
    {
        if (containerPath is null || !ContainerPath.IsAbsolute(containerPath))
        {
            throw new ArgumentException($"'{containerPath}' is not a container path; pass an absolute POSIX path.", nameof(containerPath));
        }

        return PathKeyPrefix + string.Join(":", ContainerPath.Segments(ContainerPath.Resolve("/", containerPath)));
    }

    /// <summary>The environment variable that sets a configuration key: <c>:</c> becomes <c>__</c>, as .NET configuration reads it.</summary>
    public static string EnvironmentVariable(string key)
        => (key ?? throw new ArgumentNullException(nameof(key))).Replace(":", "__");

    private static Mount? Owner(MountSet mounts, string target)
    {
        Mount? owner = null;
        foreach (Mount mount in mounts)
        {
            if (ContainerPath.IsUnder(target, mount.Target) && (owner is null || mount.Target.Length > owner.Target.Length))
            {
                owner = mount;
            }
        }

        return owner;
    }

    private static string? Setting(string key, Func<string, string?>? settings)
    {
        string? value = settings?.Invoke(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            // .NET configuration matches environment variable names case-insensitively; so does this.
            string name = EnvironmentVariable(key);
            value = Environment.GetEnvironmentVariable(name);
            if (value is null)
            {
                foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
                {
                    if (variable.Key is string found && string.Equals(found, name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = variable.Value as string;
                        break;
                    }
                }
            }
        }

        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    private static string Append(string folder, string relative)
    {
        if (relative.Length == 0)
        {
            return folder;
        }

        return Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    private static IReadOnlyCollection<string> ReadMountPoints()
    {
        try
        {
            return new HashSet<string>(
                MountInfo.Parse(File.ReadAllText(MountVerifier.MountInfoPath)).Select(static e => ContainerPath.Normalize(e.MountPoint)),
                StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // No mount table (Windows, macOS): nothing is a declared mount here.
            return Array.Empty<string>();
        }
    }
}
