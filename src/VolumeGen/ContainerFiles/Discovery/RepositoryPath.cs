using System;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// Paths of files in the repository (host paths, as MSBuild and the compiler give them) in one comparable form:
/// <c>/</c> separators, <c>.</c> and <c>..</c> folded, always starting with <c>/</c> (a Windows drive stays the first
/// segment: <c>C:\repo</c> is <c>/C:/repo</c>). Compared without regard to case, as the analyzers always have.
/// Never touches the file system: the analyzers use it too.
/// </summary>
internal static class RepositoryPath
{
    public const StringComparison Comparison = StringComparison.OrdinalIgnoreCase;

    /// <summary>The comparable form of <paramref name="path"/>.</summary>
    public static string Normalize(string path)
    {
        string slashes = path.Replace('\\', '/');
        return ContainerPath.Resolve("/", slashes.StartsWith("/", StringComparison.Ordinal) ? slashes : "/" + slashes);
    }

    /// <summary>True when <paramref name="path"/> does not depend on a folder: <c>/x</c>, <c>\x</c>, <c>C:\x</c>, <c>C:/x</c>.</summary>
    public static bool IsRooted(string path)
        => path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) || HostPath.IsWindowsDrivePath(path);

    /// <summary><paramref name="path"/> against <paramref name="folder"/> (normalised) unless rooted, normalised.</summary>
    public static string Resolve(string folder, string path) => Normalize(IsRooted(path) ? path : folder + "/" + path);

    /// <summary>The file name of a path with either separator (a Windows path on Linux too).</summary>
    public static string FileName(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    /// <summary>The folder of a normalised path, or null for <c>/</c>.</summary>
    public static string? Folder(string normalized)
    {
        int slash = normalized.LastIndexOf('/');
        return slash < 0 || normalized.Length <= 1 ? null : slash == 0 ? "/" : normalized.Substring(0, slash);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (both normalised).</summary>
    public static bool IsAtOrBelow(string path, string folder)
        => string.Equals(path, folder, Comparison)
        || (path.StartsWith(folder, Comparison) && (folder == "/" || (path.Length > folder.Length && path[folder.Length] == '/')));

    /// <summary>
    /// <paramref name="path"/> for messages: relative to <paramref name="from"/> (<c>Dockerfile</c>, <c>../../compose.yaml</c>)
    /// when they share a folder below the root, else as normalised.
    /// </summary>
    public static string Display(string path, string? from)
    {
        string normalized = Normalize(path);
        if (from is null)
        {
            return FileName(path);
        }

        string prefix = string.Empty;
        for (string? folder = from; folder is not null && folder != "/"; folder = Folder(folder), prefix += "../")
        {
            if (normalized.StartsWith(folder + "/", Comparison))
            {
                return prefix + normalized.Substring(folder.Length + 1);
            }
        }

        return normalized;
    }

    /// <summary>How many folders <paramref name="path"/> lies away from <paramref name="from"/>: the separators of <see cref="Display"/>.</summary>
    public static int Distance(string path, string? from)
    {
        int distance = 0;
        foreach (char c in Display(path, from))
        {
            distance += c == '/' ? 1 : 0;
        }

        return distance;
    }
}
