using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VolumeGen;

/// <summary>
/// One project's declarations as its storage lock records them: every mount (named and anonymous volumes, bind mounts,
/// tmpfs) and every ephemeral path — what the class libraries built into the project's image judge their writes by
/// (docs/analyzers.md, "Several projects, one image"). Value equality; mounts sorted by target, paths sorted.
/// </summary>
public sealed class ProjectDeclarations : IEquatable<ProjectDeclarations>
{
    private readonly string[] _mountLines;

    /// <summary>Creates a project's record; mounts and paths are de-duplicated and sorted.</summary>
    public ProjectDeclarations(string project, IEnumerable<Mount> mounts, IEnumerable<string>? ephemeralPaths)
    {
        Project = string.IsNullOrEmpty(project) ? throw new ArgumentException("Name the project whose declarations these are.", nameof(project)) : project;
        // Sorted by target, then by the entry's text: one order whatever order the classes declare them in.
        (Mount Mount, string Line)[] sorted = (mounts ?? throw new ArgumentNullException(nameof(mounts)))
            .Select(static m => (Mount: m, Line: MountText(m)))
            .GroupBy(static x => x.Line, StringComparer.Ordinal).Select(static g => g.First())
            .OrderBy(static x => x.Mount.Target, StringComparer.Ordinal).ThenBy(static x => x.Line, StringComparer.Ordinal)
            .ToArray();
        Mounts = sorted.Select(static x => x.Mount).ToArray();
        _mountLines = sorted.Select(static x => x.Line).ToArray();
        EphemeralPaths = (ephemeralPaths ?? Array.Empty<string>()).Select(ContainerPath.Normalize).Distinct(StringComparer.Ordinal).OrderBy(static p => p, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The project (its project file's name, e.g. <c>Web</c>).</summary>
    public string Project { get; }

    /// <summary>Every mount the project declares, sorted by target.</summary>
    public IReadOnlyList<Mount> Mounts { get; }

    /// <summary>Every path the project declares ephemeral (<c>[EphemeralPath]</c>), sorted.</summary>
    public IReadOnlyList<string> EphemeralPaths { get; }

    /// <summary>True when the project declares no mount and no ephemeral path (the lock then records nothing of it).</summary>
    public bool IsEmpty => Mounts.Count == 0 && EphemeralPaths.Count == 0;

    /// <summary>The lines the lock's <c>"mounts"</c> array holds for this project: the manifest's object of each mount, led by the project.</summary>
    internal IEnumerable<string> MountLines => _mountLines.Select(line => WithProject(line.Substring(1)));

    /// <summary>The lines the lock's <c>"ephemeralPaths"</c> array holds for this project.</summary>
    internal IEnumerable<string> EphemeralPathLines
        => EphemeralPaths.Select(path =>
        {
            var json = new StringBuilder("\"path\":");
            Json.WriteString(json, path);
            return WithProject(json.Append('}').ToString());
        });

    private string WithProject(string rest)
    {
        var json = new StringBuilder("{\"project\":");
        Json.WriteString(json, Project);
        return json.Append(',').Append(rest).ToString();
    }

    private static string MountText(Mount mount)
    {
        var json = new StringBuilder();
        ManifestMountJson.Write(json, mount);
        return json.ToString();
    }

    /// <inheritdoc />
    public bool Equals(ProjectDeclarations? other)
        => other is not null && string.Equals(Project, other.Project, StringComparison.Ordinal)
        && _mountLines.SequenceEqual(other._mountLines, StringComparer.Ordinal) && EphemeralPaths.SequenceEqual(other.EphemeralPaths, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ProjectDeclarations);

    /// <inheritdoc />
    public override int GetHashCode() => _mountLines.Aggregate(StringComparer.Ordinal.GetHashCode(Project), static (hash, line) => unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(line)));
}
