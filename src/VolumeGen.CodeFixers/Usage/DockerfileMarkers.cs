using System;
using System.Collections.Generic;
using System.Linq;
using VolumeGen.ContainerFiles;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// Adds the two VolumeGen marker lines (<see cref="GeneratedBlockMarkers"/>) to a Dockerfile that has none, so the build
/// writes the declared volumes into the image (without them the build only warns, VG3001), at the line
/// <see cref="GeneratedBlockPlacement"/> gives — the line VG3001 names. The file is read with the runtime library's
/// Dockerfile model, as the analyzers and the build task read it.
/// </summary>
internal static class DockerfileMarkers
{
    /// <summary>The text with the markers added, or null when it has markers already or no stage to put them in.</summary>
    /// <param name="target">The stage the image is built from (<c>VolumeGenDockerfileTarget</c>); null for the last one.</param>
    public static string? Insert(string text, string? target = null)
    {
        string[] lines = text.Split('\n');
        if (lines.Any(static l => l.TrimStart().StartsWith(GeneratedBlockMarkers.Begin, StringComparison.Ordinal) || l.TrimStart().StartsWith(GeneratedBlockMarkers.End, StringComparison.Ordinal)))
        {
            return null;
        }

        if (GeneratedBlockPlacement.LineBefore(Dockerfile.Parse(text), target) is not int before)
        {
            return null;
        }

        int line = before - 1; // 0-based index of the line the markers go before
        string eol = text.Contains("\r\n") ? "\r" : string.Empty; // the split kept '\r' at each line's end
        var output = new List<string>(lines.Length + 3);
        output.AddRange(lines.Take(Math.Min(line, lines.Length)));
        if (line >= lines.Length)
        {
            // After the last line, which has no line break of its own.
            output[output.Count - 1] += "\n" + GeneratedBlockMarkers.Begin + eol + "\n" + GeneratedBlockMarkers.End + eol;
            return string.Join("\n", output);
        }

        output.Add(GeneratedBlockMarkers.Begin + eol);
        output.Add(GeneratedBlockMarkers.End + eol);
        output.AddRange(lines.Skip(line));
        return string.Join("\n", output);
    }
}
