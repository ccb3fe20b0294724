using System;
using System.Collections.Generic;

namespace VolumeGen.Benchmarks.Synthetic;

/// <summary>
/// One size of synthetic project: how many source files, how many of them are storage classes (the VolumeGen
/// attributes), and how many file-system calls (writes inside and outside volumes, unknown paths, reads) the
/// other files hold.
/// </summary>
public sealed record ProjectSize(string Name, int Files, int StorageClasses, int FileSystemCalls)
{
    /// <summary>About 200 files.</summary>
    public static ProjectSize Small { get; } = new("200", 200, 20, 500);

    /// <summary>The reference size: 2,000 files, 200 storage classes, 5,000 writes.</summary>
    public static ProjectSize Medium { get; } = new("2000", 2_000, 200, 5_000);

    /// <summary>About 10,000 files.</summary>
    public static ProjectSize Large { get; } = new("10000", 10_000, 1_000, 25_000);

    /// <summary>The three sizes, smallest first.</summary>
    public static IReadOnlyList<ProjectSize> All { get; } = new[] { Small, Medium, Large };

    /// <summary>The size named <paramref name="name"/> (200, 2000 or 10000).</summary>
    public static ProjectSize Parse(string name)
    {
        foreach (ProjectSize size in All)
        {
            if (string.Equals(size.Name, name.Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal))
            {
                return size;
            }
        }

        throw new ArgumentException($"Unknown project size '{name}'. Use 200, 2000 or 10000 (comma-separated for several).");
    }
}
