using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>
/// The block of a Dockerfile VolumeGen owns: from a line starting with <see cref="BeginMarker"/> to a line
/// starting with <see cref="EndMarker"/>, both included. Only those lines are ever rewritten.
/// </summary>
public static class DockerfileRegion
{
    /// <summary>The begin marker; the rest of the line is VolumeGen's and is rewritten with the block.</summary>
    public const string BeginMarker = ContainerFiles.GeneratedBlockMarkers.Begin;

    /// <summary>The end marker.</summary>
    public const string EndMarker = ContainerFiles.GeneratedBlockMarkers.End;

    /// <summary>
    /// The full begin line for the given storage classes: <c># >>> VolumeGen: Project (generated from AppStorage; …)</c>.
    /// The project name says whose block it is, so a second project sharing the Dockerfile is refused instead of
    /// flipping the block on every build; without <paramref name="projectName"/> the line names none.
    /// </summary>
    public static string BeginLine(IEnumerable<string> classNames, string? projectName = null)
    {
        string[] names = ShortNames(classNames);
        string owner = string.IsNullOrWhiteSpace(projectName) ? string.Empty : ": " + OneLine(projectName!.Trim());
        return names.Length == 0
            ? BeginMarker + owner + " (edits inside this block are overwritten)"
            : BeginMarker + owner + " (generated from " + string.Join(", ", names) + "; edits inside this block are overwritten)";
    }

    /// <summary>
    /// The project a begin line names (<c># >>> VolumeGen: Project (…)</c>), or null for a line that names none —
    /// the two marker lines a user adds, and blocks written before blocks named their project — which any project
    /// may claim.
    /// </summary>
    public static string? ProjectOf(string beginLine)
    {
        string text = beginLine.Trim();
        if (!text.StartsWith(BeginMarker + ":", StringComparison.Ordinal))
        {
            return null;
        }

        string rest = text.Substring(BeginMarker.Length + 1).Trim();
        int details = rest.EndsWith(")", StringComparison.Ordinal) ? rest.LastIndexOf(" (", StringComparison.Ordinal) : -1;
        string project = (details >= 0 ? rest.Substring(0, details) : rest).Trim();
        return project.Length == 0 ? null : project;
    }

    // A project name comes from a file name; keep the begin line one line whatever it holds.
    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>
    /// The lines of the block (markers included) for <paramref name="mounts"/>: optional ownership step, then the
    /// <c>VOLUME</c> line written by <see cref="DockerfileVolume"/> with the file's escape character.
    /// </summary>
    /// <param name="classNames">Names of the storage classes, for the begin line.</param>
    /// <param name="mounts">All declared mounts.</param>
    /// <param name="escapeCharacter">The Dockerfile's escape character.</param>
    /// <param name="ownership">Whether and how to create and chown the volume directories.</param>
    /// <param name="owner">The user (and optional group) for the ownership step, e.g. <c>$APP_UID</c>.</param>
    /// <param name="emptyDirectory">For <see cref="DockerfileOwnership.Copy"/>: an empty folder in the build context, relative to it.</param>
    /// <param name="projectName">The project that owns the block, named on the begin line.</param>
    /// <param name="userAtBlock">
    /// For <see cref="DockerfileOwnership.Run"/>: the non-root <c>USER</c> in effect where the block stands (as the
    /// Dockerfile writes it), or null when that is root. <c>chown</c> needs root, so the block switches to root for
    /// its <c>RUN</c> and back to this user after it.
    /// </param>
    public static IReadOnlyList<string> Lines(
        IEnumerable<string> classNames,
        IEnumerable<Mount> mounts,
        char escapeCharacter = '\\',
        DockerfileOwnership ownership = DockerfileOwnership.None,
        string? owner = null,
        string? emptyDirectory = null,
        string? projectName = null,
        string? userAtBlock = null)
    {
        IReadOnlyList<string> paths = VolumePaths(mounts);
        var lines = new List<string> { BeginLine(classNames, projectName) };
        if (paths.Count == 0)
        {
            lines.Add("# (no named or anonymous volumes declared)");
        }
        else
        {
            if (ownership == DockerfileOwnership.Run)
            {
                string quoted = string.Join(" ", paths.Select(static p => ShellQuoting.Quote(p, ShellDialect.Posix)));
                if (userAtBlock is not null)
                {
                    lines.Add("USER root");
                }

                lines.Add("RUN mkdir -p " + quoted + " && chown -R " + owner + " " + quoted);
                if (userAtBlock is not null)
                {
                    lines.Add("USER " + userAtBlock);
                }
            }
            else if (ownership == DockerfileOwnership.Copy)
            {
                string source = (emptyDirectory ?? DefaultEmptyDirectory).TrimEnd('/') + "/";
                foreach (string path in paths)
                {
                    // DockerfileVolume applies both escaping layers (word processor, then JSON); COPY's JSON form uses the same.
                    string json = DockerfileVolume.FormatPaths(new[] { source, path.TrimEnd('/') + "/" }, escapeCharacter);
                    lines.Add("COPY --chown=" + owner + " " + json.Substring("VOLUME ".Length));
                }
            }

            lines.Add(DockerfileVolume.FormatPaths(paths, escapeCharacter));
        }

        lines.Add(EndMarker);
        return lines;
    }

    /// <summary>The container paths of the named and anonymous volumes, each once, in order: what <c>VOLUME</c> declares.</summary>
    public static IReadOnlyList<string> VolumePaths(IEnumerable<Mount> mounts)
    {
        var paths = new List<string>();
        foreach (Mount mount in mounts)
        {
            if (mount.Kind is MountKind.NamedVolume or MountKind.AnonymousVolume && !paths.Contains(mount.Target))
            {
                paths.Add(mount.Target);
            }
        }

        return paths;
    }

    /// <summary>
    /// The default empty folder the <c>copy</c> form copies, relative to the Docker build context. Not under <c>obj/</c>:
    /// the .dockerignore Visual Studio writes leaves <c>**/obj</c> and <c>**/bin</c> out of the context.
    /// </summary>
    public const string DefaultEmptyDirectory = ".volumegen-empty";

    /// <summary>The two marker lines users add to opt in, as shown in the VG3001 warning.</summary>
    public static string MarkerHelp => BeginMarker + Environment.NewLine + EndMarker;

    /// <summary>True when <paramref name="owner"/> is a user or user:group Docker and a shell accept unquoted (names, ids, $VAR, ${VAR}).</summary>
    public static bool IsValidOwner(string owner)
    {
        if (owner.Length == 0)
        {
            return false;
        }

        foreach (char c in owner)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.' or ':' or '$' or '{' or '}'))
            {
                return false;
            }
        }

        return true;
    }

    internal static RegionLocation Locate(DockerfileText file)
    {
        int begin = -1;
        int end = -1;
        for (int i = 0; i < file.Lines.Count; i++)
        {
            string text = file.Lines[i].Text.TrimStart();
            if (text.StartsWith(BeginMarker, StringComparison.Ordinal))
            {
                if (begin >= 0)
                {
                    return new RegionLocation(RegionState.Malformed, begin, i, $"line {i + 1} starts a second VolumeGen block ('{BeginMarker}' appears twice); keep one block");
                }

                begin = i;
            }
            else if (text.StartsWith(EndMarker, StringComparison.Ordinal))
            {
                if (begin < 0)
                {
                    return new RegionLocation(RegionState.Malformed, -1, i, $"line {i + 1} has '{EndMarker}' without a '{BeginMarker}' line before it");
                }

                if (end >= 0)
                {
                    return new RegionLocation(RegionState.Malformed, begin, i, $"line {i + 1} has a second '{EndMarker}'; keep one block");
                }

                end = i;
            }
        }

        if (begin < 0 && end < 0)
        {
            return new RegionLocation(RegionState.Missing, -1, -1, string.Empty);
        }

        if (end < 0)
        {
            return new RegionLocation(RegionState.Malformed, begin, -1, $"line {begin + 1} has '{BeginMarker}' but no '{EndMarker}' line follows it");
        }

        return new RegionLocation(RegionState.Found, begin, end, string.Empty);
    }

    /// <summary>
    /// The file's bytes with the block (begin line through end line, not the end line's terminator) replaced by
    /// <paramref name="lines"/> joined with the begin line's own line ending.
    /// </summary>
    internal static byte[] Replace(DockerfileText file, RegionLocation location, IReadOnlyList<string> lines)
    {
        DockerfileLine begin = file.Lines[location.BeginLine];
        DockerfileLine end = file.Lines[location.EndLine];
        string newline = begin.Terminator(file.Bytes);
        if (newline.Length == 0)
        {
            newline = file.LineEnding;
        }

        int start = begin.Start + (begin.Text.Length - begin.Text.TrimStart().Length);
        return file.Splice(start, end.ContentEnd, string.Join(newline, lines));
    }

    private static string[] ShortNames(IEnumerable<string> classNames)
    {
        string[] full = classNames.Distinct(StringComparer.Ordinal).OrderBy(static n => n, StringComparer.Ordinal).ToArray();
        string[] simple = full.Select(static n => n.Substring(n.LastIndexOf('.') + 1)).ToArray();
        return simple.Distinct(StringComparer.Ordinal).Count() == simple.Length ? simple : full;
    }
}
