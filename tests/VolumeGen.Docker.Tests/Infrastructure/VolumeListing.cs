using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// What volumes hold, seen from a container with <c>find</c> and <c>sha256sum</c> — independent of VolumeGen's own archive
/// reader: per path (<c>.</c> for the root) one line with its type, mode, owner and, for a file, size and checksum, for
/// a symbolic link its target. A volume that does not exist lists as nothing (and is not created).
/// </summary>
internal static class VolumeListing
{
    private const string Image = "mcr.microsoft.com/dotnet/aspnet:10.0";

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Of(IEnumerable<string> volumes)
    {
        string[] names = volumes.Distinct(StringComparer.Ordinal).ToArray();
        IReadOnlySet<string> existing = DockerEngine.VolumeNames();
        var result = names.ToDictionary(static n => n, static _ => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        string[] present = names.Where(existing.Contains).ToArray();
        if (present.Length == 0)
        {
            return result;
        }

        var arguments = new List<string> { "run", "--rm", "--network", "none" };
        var script = new StringBuilder();
        for (int i = 0; i < present.Length; i++)
        {
            arguments.AddRange(new[] { "-v", present[i] + ":/v/" + i + ":ro" });
            script.Append($"echo '=== {i}'; cd /v/{i} && find . -printf '%y %m %U:%G %s|%p|%l\\n' && echo '--- sha' && find . -type f -exec sha256sum {{}} + ; ");
        }

        arguments.AddRange(new[] { Image, "sh", "-c", script.ToString() });
        string output = DockerEngine.Docker(arguments.ToArray()).EnsureSuccess().Output;

        Dictionary<string, string>? current = null;
        Dictionary<string, string[]>? facts = null;
        bool checksums = false;
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                Finish(current, facts);
                current = (Dictionary<string, string>)result[present[int.Parse(line.Substring(4), System.Globalization.CultureInfo.InvariantCulture)]];
                facts = new Dictionary<string, string[]>(StringComparer.Ordinal);
                checksums = false;
            }
            else if (line == "--- sha")
            {
                checksums = true;
            }
            else if (checksums)
            {
                // "<sha256>  ./path"
                string path = Relative(line.Substring(66));
                facts![path] = facts[path].Append(line.Substring(0, 64)).ToArray();
            }
            else
            {
                string[] parts = line.Split('|');
                string[] head = parts[0].Split(' ');
                facts![Relative(parts[1])] = new[] { head[0], head[1], head[2], head[3], parts[2] };
            }
        }

        Finish(current, facts);
        return result;
    }

    /// <summary>The line <see cref="Of"/> gives a path that holds <paramref name="entry"/>.</summary>
    public static string Line(VolumeEntry entry) => entry.Type switch
    {
        VolumeEntryType.Directory => $"d {Octal(entry.Mode)} {entry.Uid}:{entry.Gid}",
        VolumeEntryType.File => $"f {Octal(entry.Mode)} {entry.Uid}:{entry.Gid} {entry.Size} {entry.Sha256}",
        VolumeEntryType.SymbolicLink => $"l {entry.Uid}:{entry.Gid} -> {entry.LinkTarget}",
        _ => $"{entry.Type} {Octal(entry.Mode)} {entry.Uid}:{entry.Gid}",
    };

    private static void Finish(Dictionary<string, string>? listing, Dictionary<string, string[]>? facts)
    {
        if (listing is null || facts is null)
        {
            return;
        }

        foreach ((string path, string[] f) in facts)
        {
            // f: type, mode, uid:gid, size, link target[, sha256]
            listing[path] = f[0] switch
            {
                "d" => $"d {f[1]} {f[2]}",
                "f" => $"f {f[1]} {f[2]} {f[3]} {f[5]}",
                "l" => $"l {f[2]} -> {f[4]}",
                _ => $"{f[0]} {f[1]} {f[2]}",
            };
        }
    }

    private static string Relative(string path) => path == "." ? "." : path.StartsWith("./", StringComparison.Ordinal) ? path.Substring(2) : path;

    private static string Octal(int mode) => Convert.ToString(mode & 0xFFF, 8);
}
