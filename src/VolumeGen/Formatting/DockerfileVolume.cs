using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen;

/// <summary>
/// The Dockerfile <c>VOLUME</c> instruction in JSON-array form. Docker applies two layers to it: JSON, and
/// before that the Dockerfile word processor (VOLUME undergoes environment replacement). So each path is
/// first escaped for the word processor — <c>\</c>, <c>$</c>, <c>"</c> and <c>'</c> take the file's escape
/// character — and then JSON-encoded. Plain JSON escaping silently turns <c>/app/d$x</c> into <c>/app/d</c>.
/// </summary>
public static class DockerfileVolume
{
    /// <summary>
    /// <c>VOLUME ["/app/data", "/app/cache"]</c> for the named and anonymous volumes of <paramref name="mounts"/>
    /// (bind and tmpfs mounts have no Dockerfile form); empty when there are none.
    /// </summary>
    /// <param name="mounts">The mounts.</param>
    /// <param name="escapeCharacter">The Dockerfile's escape character: <c>\</c>, or <c>`</c> after <c># escape=`</c>.</param>
    public static string Format(IEnumerable<Mount> mounts, char escapeCharacter = '\\')
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        var paths = new List<string>();
        foreach (Mount mount in mounts)
        {
            if (mount.Kind is MountKind.NamedVolume or MountKind.AnonymousVolume && !paths.Contains(mount.Target))
            {
                paths.Add(mount.Target);
            }
        }

        return FormatPaths(paths, escapeCharacter);
    }

    /// <summary><c>VOLUME [...]</c> for the given container paths; empty when there are none.</summary>
    public static string FormatPaths(IReadOnlyList<string> paths, char escapeCharacter = '\\')
    {
        if (paths.Count == 0)
        {
            return string.Empty;
        }

        var line = new StringBuilder("VOLUME [");
        for (int i = 0; i < paths.Count; i++)
        {
            if (i > 0)
            {
                line.Append(", ");
            }

            Json.WriteString(line, EscapeWord(paths[i], escapeCharacter));
        }

        return line.Append(']').ToString();
    }

    /// <summary>Escapes <c>\</c>, <c>$</c>, <c>"</c>, <c>'</c> and the escape character itself for the Dockerfile word processor.</summary>
    public static string EscapeWord(string path, char escapeCharacter = '\\')
    {
        var escaped = new StringBuilder(path.Length + 8);
        foreach (char c in path)
        {
            if (c is '\\' or '$' or '"' or '\'' || c == escapeCharacter)
            {
                escaped.Append(escapeCharacter);
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
