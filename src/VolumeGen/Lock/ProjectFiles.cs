using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VolumeGen;

/// <summary>
/// The MSBuild project files a folder holds (<c>*.csproj</c>, <c>*.fsproj</c>, <c>*.vbproj</c>), by project name — the
/// name a storage lock records its entries under, and how the CLI finds the project (and lock) of a built assembly.
/// </summary>
public static class ProjectFiles
{
    private static readonly string[] Extensions = { ".csproj", ".fsproj", ".vbproj" };

    /// <summary>The names (file names without extension) of the project files in <paramref name="folder"/>, sorted; none when it cannot be read.</summary>
    public static IReadOnlyList<string> NamesIn(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder)
                .Where(static f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Select(static f => Path.GetFileNameWithoutExtension(f))
                .OrderBy(static n => n, StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>The nearest folder at or above <paramref name="folder"/> holding a project file, or null.</summary>
    public static string? FolderAtOrAbove(string folder)
    {
        for (string? current = Path.GetFullPath(folder); current is not null; current = Path.GetDirectoryName(current))
        {
            if (NamesIn(current).Count > 0)
            {
                return current;
            }
        }

        return null;
    }
}
