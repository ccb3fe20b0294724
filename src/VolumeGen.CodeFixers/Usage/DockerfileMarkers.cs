using System;
using System.Collections.Generic;
using System.Linq;
using VolumeGen.ContainerFiles;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// Adds the two VolumeGen marker lines (<see cref="GeneratedBlockMarkers"/>) to a Dockerfile that has none, so the build
/// writes the declared volumes into the image (without them the build only warns, VG3001). Placed where the image is
/// still built as root — before the first <c>USER</c> that leaves root in the final stage or the stages it is built
/// <c>FROM</c> (the Visual Studio Dockerfile's <c>base</c> stage) — so an ownership step in the block can create and
/// chown the folders; with no such <c>USER</c>, before the final stage's <c>ENTRYPOINT</c>/<c>CMD</c>, else at its end.
/// The file is read with the runtime library's Dockerfile model, as the analyzers and the build task read it.
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

        DockerfileStage? final = Dockerfile.Parse(text).FinalStage(target);
        if (final is null)
        {
            return null;
        }

        int line = Placement(final); // 0-based index of the line the markers go before
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

    private static int Placement(DockerfileStage final)
    {
        // The final stage and the stages it is built FROM, oldest first.
        var chain = new List<DockerfileStage>();
        for (DockerfileStage? stage = final; stage is not null && !chain.Contains(stage); stage = stage.Parent)
        {
            chain.Insert(0, stage);
        }

        foreach (DockerfileStage stage in chain)
        {
            DockerfileInstruction? user = stage.Instructions.FirstOrDefault(static i => i.Keyword == "USER" && !IsRoot(i.Arguments));
            if (user is not null)
            {
                return user.Line - 1;
            }
        }

        DockerfileInstruction? start = final.Instructions.FirstOrDefault(static i => i.Keyword is "ENTRYPOINT" or "CMD");
        return start is not null ? start.Line - 1 : (final.Instructions.LastOrDefault() ?? final.From).EndLine;
    }

    private static bool IsRoot(string user)
    {
        string name = user.Trim().Split(':')[0];
        return name is "root" or "0";
    }
}
