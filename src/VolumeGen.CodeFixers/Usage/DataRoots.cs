using System;
using System.Collections.Generic;
using System.Linq;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>The folders a fix declares: one volume per data root, never one nested in another or in a declared one.</summary>
internal static class DataRoots
{
    /// <summary>
    /// <paramref name="folders"/> (normalised absolute paths) without those that lie in another of them or in one of
    /// <paramref name="declared"/>; first-seen order kept. Nested volumes would split one data root into several
    /// (VG1007), and a folder inside a declared volume is persisted already.
    /// </summary>
    public static IReadOnlyList<string> Collapse(IEnumerable<string> folders, IEnumerable<string> declared)
    {
        var candidates = folders.Select(ContainerPath.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var existing = declared.Select(ContainerPath.Normalize).ToList();
        var roots = new List<string>();
        foreach (string folder in candidates)
        {
            bool covered = existing.Any(d => ContainerPath.IsUnder(folder, d))
                || candidates.Any(other => !string.Equals(other, folder, StringComparison.Ordinal) && ContainerPath.IsUnder(folder, other));
            if (!covered)
            {
                roots.Add(folder);
            }
        }

        return roots;
    }
}
