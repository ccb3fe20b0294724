using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// Checks how a Dockerfile's <c>VOLUME</c>s are written — mistakes no other linter reports, each with a rule page
/// (docs/rules/VG4001.md …): the JSON form that is not JSON, commas in the plain form, relative paths, unset
/// variables, the same path twice, a volume over the working directory, and a <c>RUN</c> that writes into a volume
/// declared before it. VolumeGen's generated block is not checked (its lines are VolumeGen's), but its volumes count.
/// </summary>
public static class DockerfileLint
{
    /// <summary>VG4001: <c>VOLUME</c> starts like the JSON form but is not valid JSON (<c>VOLUME ['/data']</c>).</summary>
    public const string JsonFormNotJson = "VG4001";

    /// <summary>VG4002: a comma in the plain form (<c>VOLUME /a, /b</c> creates <c>/a,</c>).</summary>
    public const string CommaInPlainForm = "VG4002";

    /// <summary>VG4003: a relative <c>VOLUME</c> path (mounted below <c>/</c>, not below <c>WORKDIR</c>).</summary>
    public const string RelativePath = "VG4003";

    /// <summary>VG4004: a <c>VOLUME</c> path that depends on a variable nothing in the Dockerfile sets.</summary>
    public const string UnsetVariable = "VG4004";

    /// <summary>VG4005: the same <c>VOLUME</c> path twice in one image.</summary>
    public const string DuplicatePath = "VG4005";

    /// <summary>VG4006: a <c>VOLUME</c> over the image's working directory.</summary>
    public const string OverWorkingDirectory = "VG4006";

    /// <summary>VG4007: a <c>RUN</c> writes into a volume declared before it.</summary>
    public const string RunWritesIntoVolume = "VG4007";

    /// <summary>Every rule ID.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        JsonFormNotJson, CommaInPlainForm, RelativePath, UnsetVariable, DuplicatePath, OverWorkingDirectory, RunWritesIntoVolume,
    };

    /// <summary>
    /// The findings for <paramref name="dockerfile"/>, by line. <paramref name="target"/> names the final stage (as
    /// <see cref="Dockerfile.FinalStage"/>); the working-directory rule applies to the image that runs, the others to
    /// every stage.
    /// </summary>
    public static IReadOnlyList<DockerfileFinding> Check(Dockerfile dockerfile, string? target = null)
    {
        var findings = new List<DockerfileFinding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Report(string id, int line, string message)
        {
            if (seen.Add(id + "\n" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + message))
            {
                findings.Add(new DockerfileFinding(id, line, message));
            }
        }

        // What the image records for each VOLUME instruction (after word processing), for the messages.
        var recorded = new Dictionary<DockerfileInstruction, List<string>>();
        foreach (DockerfileStage stage in dockerfile.Stages)
        {
            foreach (DockerfileVolumePath volume in stage.Volumes)
            {
                if (volume.Stage == stage)
                {
                    if (!recorded.TryGetValue(volume.Instruction, out List<string>? values))
                    {
                        recorded[volume.Instruction] = values = new List<string>();
                    }

                    values.Add(volume.Value.Text);
                }
            }
        }

        foreach (DockerfileInstruction instruction in dockerfile.Instructions)
        {
            if (instruction.Keyword == "VOLUME" && !instruction.IsInGeneratedBlock)
            {
                CheckForm(instruction, recorded.TryGetValue(instruction, out List<string>? values) ? values : instruction.Words, Report);
            }
        }

        foreach (DockerfileStage stage in dockerfile.Stages)
        {
            CheckValues(stage, Report);
            CheckDuplicates(stage, Report);
            CheckRuns(stage, Report);
        }

        DockerfileStage? image = dockerfile.FinalStage(target) ?? dockerfile.FinalStage();
        if (image is not null)
        {
            CheckWorkingDirectory(image, Report);
        }

        findings.Sort(static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.Id, b.Id));
        return findings;
    }

    private static void CheckForm(DockerfileInstruction instruction, IReadOnlyList<string> recorded, Action<string, int, string> report)
    {
        string arguments = instruction.Arguments;
        if (!instruction.IsJsonForm && arguments.StartsWith("[", StringComparison.Ordinal))
        {
            string why = arguments.IndexOf('\'') >= 0
                ? "JSON strings take double quotes, not single quotes"
                : arguments.IndexOf('"') < 0 ? "JSON strings must be quoted" : "it is not valid JSON (a missing or extra comma, or an unclosed quote or bracket)";
            report(JsonFormNotJson, instruction.Line,
                $"'VOLUME {arguments}' is not the JSON form: {why}, so Docker reads it as the plain form and creates volumes named {Quoted(recorded)}. Write {SuggestedJson(arguments)}.");
            return;
        }

        if (instruction.IsJsonForm)
        {
            return;
        }

        foreach (string word in instruction.Words)
        {
            if (word.IndexOf(',') >= 0)
            {
                var paths = new List<string>();
                foreach (string part in string.Join(" ", instruction.Words).Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    paths.Add(part);
                }

                report(CommaInPlainForm, instruction.Line,
                    $"'VOLUME {arguments}' separates paths with a comma: the plain form splits on spaces only, so Docker creates a volume at '{word}' (comma included). Write 'VOLUME {string.Join(" ", paths)}' or {JsonOf(paths)}.");
                return;
            }
        }
    }

    private static void CheckValues(DockerfileStage stage, Action<string, int, string> report)
    {
        foreach (DockerfileVolumePath volume in stage.Volumes)
        {
            if (volume.IsInGeneratedBlock || volume.Stage != stage || (volume.Instruction.Arguments.StartsWith("[", StringComparison.Ordinal) && !volume.Instruction.IsJsonForm))
            {
                continue; // reported once, by the stage that declares it; broken JSON already has VG4001
            }

            if (volume.Value.UnsetVariables.Count > 0)
            {
                string names = "$" + string.Join(", $", volume.Value.UnsetVariables);
                string result = volume.Value.IsKnown
                    ? (volume.Value.Text.Length == 0 ? ": the path is empty and the build fails" : $", so the volume is at '{volume.Value.Text}'")
                    : string.Empty;
                report(UnsetVariable, volume.Line,
                    $"VOLUME '{volume.Value.Written}' refers to {names}, which no ENV or ARG with a default before it sets: Docker substitutes an empty string unless the base image or a --build-arg sets it{result}. Set it with ENV or ARG {volume.Value.UnsetVariables[0]}=<path> before the VOLUME, or give a default: ${{{volume.Value.UnsetVariables[0]}:-<path>}}.");
                continue;
            }

            if (volume.IsRelative && volume.ContainerPath is string path)
            {
                string? workdir = WorkingDirectoryAt(stage, volume.Line);
                string intended = workdir is null ? string.Empty : $" (VOLUME {ContainerPath.Resolve(workdir, volume.Value.Text)} if the folder below WORKDIR {workdir} is meant)";
                report(RelativePath, volume.Line,
                    $"VOLUME '{volume.Value.Text}' is relative: Docker mounts it at '{path}', below /, not below the working directory{(workdir is null ? string.Empty : " " + workdir)}. Write the absolute path{intended}.");
            }
        }
    }

    private static void CheckDuplicates(DockerfileStage stage, Action<string, int, string> report)
    {
        var first = new Dictionary<string, DockerfileVolumePath>(StringComparer.Ordinal);
        foreach (DockerfileVolumePath volume in stage.Volumes)
        {
            if (volume.ContainerPath is not string path)
            {
                continue;
            }

            if (!first.TryGetValue(path, out DockerfileVolumePath? earlier))
            {
                first[path] = volume;
                continue;
            }

            if (volume.IsInGeneratedBlock && earlier.IsInGeneratedBlock)
            {
                continue;
            }

            // Report the hand-written one: the generated block's line is VolumeGen's to keep.
            DockerfileVolumePath at = volume.IsInGeneratedBlock ? earlier : volume;
            DockerfileVolumePath other = at == volume ? earlier : volume;
            string where = other.IsInGeneratedBlock ? $"VolumeGen's block (line {other.Line}) declares it from C# already" : $"line {other.Line} declares it already ('{other.Value.Text}')";
            report(DuplicatePath, at.Line,
                $"VOLUME '{at.Value.Text}' is the mount point '{path}' again: {where}. One mount point needs one VOLUME; delete this one.");
        }
    }

    private static void CheckWorkingDirectory(DockerfileStage image, Action<string, int, string> report)
    {
        if (image.WorkingDirectory is not { IsKnown: true } workdir)
        {
            return;
        }

        foreach (DockerfileVolumePath volume in image.Volumes)
        {
            if (!volume.IsInGeneratedBlock && volume.ContainerPath is string path && ContainerPath.IsUnder(workdir.Text, path))
            {
                string covers = path == workdir.Text ? "is the working directory" : $"contains the working directory {workdir.Text}";
                report(OverWorkingDirectory, volume.Line,
                    $"VOLUME '{path}' {covers}: the app's own files are copied into the volume when it is first used, and the volume then hides the image's files, so a container on a newer image keeps running the old files from an existing volume. Put the volume on a data folder below it, e.g. VOLUME {ContainerPath.Combine(workdir.Text, "data")}.");
            }
        }
    }

    private static void CheckRuns(DockerfileStage stage, Action<string, int, string> report)
    {
        foreach (DockerfileRun run in stage.Runs)
        {
            if (run.Instruction.IsInGeneratedBlock)
            {
                continue;
            }

            var script = new StringBuilder(run.Command);
            foreach (DockerfileHeredoc heredoc in run.Heredocs)
            {
                script.Append('\n').Append(heredoc.Content);
            }

            List<string> written = ShellWrites.Paths(script.ToString(), run.WorkingDirectory);
            if (written.Count == 0)
            {
                continue;
            }

            foreach (DockerfileVolumePath volume in stage.Volumes)
            {
                if (volume.ContainerPath is not string path || (volume.Stage == stage && volume.Line > run.Line))
                {
                    continue;
                }

                string? into = written.Find(p => ContainerPath.IsUnder(p, path));
                if (into is not null)
                {
                    report(RunWritesIntoVolume, run.Line,
                        $"RUN writes '{into}', inside VOLUME '{path}' declared before it (line {volume.Line}): the classic builder discards what a RUN writes into a volume (BuildKit keeps it), so the image's content there depends on the builder. Move the RUN before the VOLUME, or the VOLUME after the RUN.");
                    break;
                }
            }
        }
    }

    private static string? WorkingDirectoryAt(DockerfileStage stage, int line)
    {
        // The WORKDIR in effect at the line: the last one before it in the stage, else the inherited one.
        string? workdir = stage.Parent?.WorkingDirectory is { IsKnown: true } inherited ? inherited.Text : null;
        foreach (DockerfileInstruction instruction in stage.Instructions)
        {
            if (instruction.Line >= line)
            {
                break;
            }

            if (instruction.Keyword == "WORKDIR" && instruction.Words.Count > 0)
            {
                string word = instruction.Words[0];
                if (word.IndexOf('$') >= 0)
                {
                    return null;
                }

                workdir = ContainerPath.Resolve(workdir ?? "/", word.Trim('"', '\''));
            }
        }

        return workdir;
    }

    private static string Quoted(IReadOnlyList<string> words)
    {
        var quoted = new List<string>();
        foreach (string word in words)
        {
            quoted.Add("'" + word + "'");
        }

        return string.Join(", ", quoted);
    }

    private static string SuggestedJson(string arguments)
    {
        string inner = arguments.Trim().TrimStart('[').TrimEnd(']');
        var paths = new List<string>();
        foreach (string part in inner.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string path = part.Trim().Trim('\'', '"');
            if (path.Length > 0)
            {
                paths.Add(path);
            }
        }

        return JsonOf(paths);
    }

    private static string JsonOf(IReadOnlyList<string> paths)
    {
        var json = new StringBuilder("VOLUME [");
        for (int i = 0; i < paths.Count; i++)
        {
            if (i > 0)
            {
                json.Append(", ");
            }

            Json.WriteString(json, paths[i]);
        }

        return json.Append(']').ToString();
    }
}
