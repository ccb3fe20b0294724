using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen;

/// <summary>
/// POSIX path rules for paths inside a Linux container. Never uses the host's <c>System.IO.Path</c>:
/// a Windows build machine must reason about <c>/app/data</c> exactly as Linux does.
/// </summary>
public static class ContainerPath
{
    /// <summary>True when <paramref name="path"/> starts with <c>/</c>.</summary>
    public static bool IsAbsolute(string? path) => path is { Length: > 0 } && path[0] == '/';

    /// <summary>
    /// Normalises separators: collapses repeated <c>/</c>, drops <c>.</c> segments and trailing slashes
    /// (<c>/app//data/./</c> becomes <c>/app/data</c>). <c>..</c> segments are kept: resolving them is a
    /// decision the caller makes (<see cref="Resolve"/>), and the validator reports them.
    /// </summary>
    public static string Normalize(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (path.Length == 0)
        {
            return path;
        }

        bool absolute = path[0] == '/';
        var segments = new List<string>();
        foreach (string segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            segments.Add(segment);
        }

        string joined = string.Join("/", segments);
        if (absolute)
        {
            return "/" + joined;
        }

        return joined.Length == 0 ? "." : joined;
    }

    /// <summary>
    /// Resolves <paramref name="path"/> against <paramref name="workingDirectory"/> (when relative) and
    /// folds <c>..</c> segments, never above <c>/</c>. Returns a normalised absolute path.
    /// </summary>
    public static string Resolve(string workingDirectory, string path)
    {
        string combined = IsAbsolute(path) ? path : Combine(workingDirectory, path);
        var stack = new List<string>();
        foreach (string segment in combined.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                continue;
            }

            stack.Add(segment);
        }

        return "/" + string.Join("/", stack);
    }

    /// <summary>POSIX <c>Path.Combine</c>: an absolute right-hand part replaces everything before it.</summary>
    public static string Combine(string left, string right) => Combine(left, right, IsAbsolute(right));

    /// <summary>
    /// <c>Path.Combine</c>'s rule with the caller saying whether <paramref name="right"/> is rooted (the analyzers'
    /// symbolic roots count as rooted too): a rooted right-hand part replaces the left, otherwise one <c>/</c> joins them.
    /// </summary>
    internal static string Combine(string left, string right, bool rightIsRooted)
    {
        if (rightIsRooted || left.Length == 0)
        {
            return right;
        }

        if (right.Length == 0)
        {
            return left;
        }

        return left[left.Length - 1] == '/' ? left + right : left + "/" + right;
    }

    /// <summary>The folder containing <paramref name="path"/> (<c>/app/data</c> → <c>/app</c>; <c>/app</c> and <c>/</c> → <c>/</c>). Trailing slashes are ignored.</summary>
    public static string Parent(string path)
    {
        string trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        int slash = trimmed.LastIndexOf('/');
        return slash <= 0 ? "/" : trimmed.Substring(0, slash);
    }

    /// <summary>The last segment of <paramref name="path"/> (<c>/app/data/</c> → <c>data</c>; <c>/</c> → empty).</summary>
    public static string LastSegment(string path)
    {
        string trimmed = path.TrimEnd('/');
        return trimmed.Substring(trimmed.LastIndexOf('/') + 1);
    }

    /// <summary>True when <paramref name="path"/> equals <paramref name="folder"/> or lies below it. Both normalised.</summary>
    public static bool IsUnder(string path, string folder)
    {
        if (folder == "/")
        {
            return IsAbsolute(path);
        }

        return path.Length >= folder.Length
            && string.CompareOrdinal(path, 0, folder, 0, folder.Length) == 0
            && (path.Length == folder.Length || path[folder.Length] == '/');
    }

    /// <summary>The segments of a path, without empty ones.</summary>
    public static IReadOnlyList<string> Segments(string path)
    {
        var segments = new List<string>();
        foreach (string segment in path.Split('/'))
        {
            if (segment.Length > 0)
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    /// <summary>
    /// Derives a Docker volume name from a container path: <c>/app/data</c> becomes <c>app-data</c>.
    /// Characters outside <c>[a-zA-Z0-9_.-]</c> become <c>-</c>.
    /// </summary>
    public static string DefaultVolumeName(string target)
    {
        var builder = new StringBuilder(target.Length);
        foreach (string segment in Segments(target))
        {
            if (builder.Length > 0)
            {
                builder.Append('-');
            }

            foreach (char c in segment)
            {
                builder.Append(IsVolumeNameChar(c) ? c : '-');
            }
        }

        string name = builder.ToString().Trim('-', '.', '_');
        return name.Length >= 2 ? name : "volume-" + name;
    }

    internal static bool IsVolumeNameChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or '-';
}
