using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// Runs a Dockerfile's instructions the way the builder does, without building: stage by stage, the image's
/// <c>ENV</c>, <c>WORKDIR</c>, <c>USER</c>, <c>VOLUME</c>, <c>ENTRYPOINT</c> and <c>CMD</c>, with <c>ARG</c>
/// and <c>ENV</c> substitution; <c>FROM &lt;stage&gt;</c> starts from that stage's image.
/// </summary>
internal static class DockerfileEvaluator
{
    /// <summary>The PATH the builder gives an image that has none (every <c>FROM scratch</c>).</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static List<DockerfileStage> Evaluate(
        IReadOnlyList<DockerfileInstruction> instructions,
        char escape,
        IReadOnlyDictionary<string, string>? buildArguments,
        List<DockerfileProblem> problems)
    {
        var stages = new List<DockerfileStage>();
        var global = new DockerfileScope(baseKnown: true);
        DockerfileStage? stage = null;
        DockerfileScope? scope = null;
        bool commandSetInStage = false;
        foreach (DockerfileInstruction instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                stage = StartStage(instruction, stages, global, escape, problems, out scope);
                commandSetInStage = false;
                continue;
            }

            if (stage is null || scope is null)
            {
                if (instruction.Keyword == "ARG")
                {
                    DeclareArguments(instruction, global, global, escape, buildArguments, problems);
                }
                else
                {
                    problems.Add(new DockerfileProblem(instruction.Line, $"{instruction.Keyword} before the first FROM: no build stage in current context"));
                }

                continue;
            }

            stage.InstructionList.Add(instruction);
            switch (instruction.Keyword)
            {
                case "ARG":
                    DeclareArguments(instruction, scope, global, escape, buildArguments, problems);
                    break;
                case "ENV":
                    SetEnvironment(instruction, stage, scope, escape, problems);
                    break;
                case "WORKDIR":
                    SetWorkingDirectory(instruction, stage, scope, escape, problems);
                    break;
                case "USER":
                    if (instruction.Words.Count > 0)
                    {
                        stage.User = Expand(instruction.Words[0], instruction, scope, escape, problems);
                    }

                    break;
                case "VOLUME":
                    AddVolumes(instruction, stage, scope, escape, problems);
                    break;
                case "CMD":
                    stage.Command = instruction;
                    commandSetInStage = true;
                    break;
                case "ENTRYPOINT":
                    stage.Entrypoint = instruction;
                    if (!commandSetInStage)
                    {
                        stage.Command = null; // a new ENTRYPOINT drops the CMD the stage inherited
                    }

                    break;
                case "COPY":
                case "ADD":
                    AddCopy(instruction, stage, scope, escape, problems);
                    break;
                case "RUN":
                    stage.RunList.Add(new DockerfileRun(instruction, stage.WorkingDirectory is { IsKnown: true } directory ? directory.Text : null));
                    break;
            }
        }

        return stages;
    }

    private static DockerfileStage StartStage(DockerfileInstruction from, List<DockerfileStage> stages, DockerfileScope global, char escape, List<DockerfileProblem> problems, out DockerfileScope scope)
    {
        IReadOnlyList<string> words = from.Words;
        if (words.Count is not (1 or 3) || (words.Count == 3 && !string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new DockerfileProblem(from.Line, "FROM requires either one or three arguments (FROM image [AS name])"));
        }

        DockerfileValue image = words.Count > 0 ? Expand(words[0], from, global, escape, problems) : DockerfileValue.Literal(string.Empty);
        string? name = words.Count >= 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase) ? words[2].ToLowerInvariant() : null;
        DockerfileStage? parent = null;
        if (image.IsKnown)
        {
            foreach (DockerfileStage earlier in stages)
            {
                if (earlier.Name is not null && string.Equals(earlier.Name, image.Text, StringComparison.OrdinalIgnoreCase))
                {
                    parent = earlier;
                }
            }
        }

        var stage = new DockerfileStage(stages.Count, name, image, parent, from);
        stage.InstructionList.Add(from);
        if (parent is not null)
        {
            stage.IsBaseKnown = parent.IsBaseKnown;
            stage.EnvironmentList.AddRange(parent.EnvironmentList);
            stage.VolumeList.AddRange(parent.VolumeList);
            stage.WorkingDirectory = parent.WorkingDirectory;
            stage.User = parent.User;
            stage.Entrypoint = parent.Entrypoint;
            stage.Command = parent.Command;
        }
        else if (image.IsKnown && string.Equals(image.Text, "scratch", StringComparison.OrdinalIgnoreCase))
        {
            stage.IsBaseKnown = true;
            stage.EnvironmentList.Add(new DockerfileVariable("PATH", DockerfileValue.Literal(DefaultPath), from.Line));
        }

        scope = new DockerfileScope(stage.IsBaseKnown);
        foreach (DockerfileVariable variable in stage.EnvironmentList)
        {
            scope.SetEnvironment(variable.Name, variable.Value.IsKnown ? variable.Value.Text : null);
        }

        stages.Add(stage);
        return stage;
    }

    private static void DeclareArguments(DockerfileInstruction instruction, DockerfileScope scope, DockerfileScope global, char escape, IReadOnlyDictionary<string, string>? buildArguments, List<DockerfileProblem> problems)
    {
        if (instruction.Assignments.Count == 0)
        {
            problems.Add(new DockerfileProblem(instruction.Line, "ARG requires at least one argument"));
        }

        foreach (KeyValuePair<string, string?> argument in instruction.Assignments)
        {
            string name = argument.Key;
            string? value;
            if (buildArguments is not null && buildArguments.TryGetValue(name, out string? given))
            {
                value = given;
            }
            else if (argument.Value is not null)
            {
                DockerfileValue expanded = Expand(argument.Value, instruction, scope, escape, problems);
                value = expanded.IsKnown ? expanded.Text : null;
            }
            else if (scope != global && global.Arguments.TryGetValue(name, out string? globalValue))
            {
                // "ARG name" in a stage takes the default of the ARG before the first FROM.
                value = globalValue;
                if (global.UnsetArguments.Contains(name))
                {
                    scope.UnsetArguments.Add(name);
                }
            }
            else
            {
                value = null;
                if (buildArguments is not null)
                {
                    scope.UnsetArguments.Add(name);
                }
            }

            scope.Arguments[name] = value;
        }
    }

    private static void SetEnvironment(DockerfileInstruction instruction, DockerfileStage stage, DockerfileScope scope, char escape, List<DockerfileProblem> problems)
    {
        // Every word of one ENV is processed with the variables as they were before it.
        var values = new List<KeyValuePair<string, DockerfileValue>>();
        foreach (KeyValuePair<string, string?> assignment in instruction.Assignments)
        {
            DockerfileValue name = Expand(assignment.Key, instruction, scope, escape, problems);
            DockerfileValue value = Expand(assignment.Value ?? string.Empty, instruction, scope, escape, problems);
            if (name.Text.Length == 0)
            {
                problems.Add(new DockerfileProblem(instruction.Line, "ENV names can not be blank"));
                continue;
            }

            values.Add(new KeyValuePair<string, DockerfileValue>(name.Text, value));
        }

        foreach (KeyValuePair<string, DockerfileValue> value in values)
        {
            scope.SetEnvironment(value.Key, value.Value.IsKnown ? value.Value.Text : null);
            var variable = new DockerfileVariable(value.Key, value.Value, instruction.Line);
            int existing = stage.EnvironmentList.FindIndex(v => v.Name == value.Key);
            if (existing >= 0)
            {
                stage.EnvironmentList[existing] = variable;
            }
            else
            {
                stage.EnvironmentList.Add(variable);
            }
        }
    }

    private static void SetWorkingDirectory(DockerfileInstruction instruction, DockerfileStage stage, DockerfileScope scope, char escape, List<DockerfileProblem> problems)
    {
        if (instruction.Words.Count == 0)
        {
            problems.Add(new DockerfileProblem(instruction.Line, "WORKDIR requires exactly one argument"));
            return;
        }

        DockerfileValue value = Expand(instruction.Words[0], instruction, scope, escape, problems);
        if (!value.IsKnown)
        {
            stage.WorkingDirectory = value;
            return;
        }

        if (value.Text.Length == 0)
        {
            problems.Add(new DockerfileProblem(instruction.Line, "WORKDIR cannot be empty"));
            return;
        }

        if (ContainerPath.IsAbsolute(value.Text))
        {
            stage.WorkingDirectory = new DockerfileValue(value.Written, ContainerPath.Resolve("/", value.Text), true, value.UnsetVariables);
            return;
        }

        // Relative: below the previous WORKDIR; with none, below the base image's, assumed / (the .NET images set none).
        DockerfileValue? previous = stage.WorkingDirectory;
        bool known = previous is null || previous.IsKnown;
        string text = known ? ContainerPath.Resolve(previous?.Text ?? "/", value.Text) : previous!.Text + "/" + value.Text;
        stage.WorkingDirectory = new DockerfileValue(value.Written, text, known, value.UnsetVariables);
    }

    private static void AddVolumes(DockerfileInstruction instruction, DockerfileStage stage, DockerfileScope scope, char escape, List<DockerfileProblem> problems)
    {
        if (instruction.Words.Count == 0 && !instruction.IsJsonForm)
        {
            problems.Add(new DockerfileProblem(instruction.Line, "VOLUME requires at least one argument"));
        }

        foreach (string word in instruction.Words)
        {
            DockerfileValue value = Expand(word, instruction, scope, escape, problems);
            if (value.IsKnown && value.Text.Length == 0)
            {
                problems.Add(new DockerfileProblem(instruction.Line, "VOLUME specified can not be an empty string"));
            }

            stage.VolumeList.Add(new DockerfileVolumePath(instruction, stage, value));
        }
    }

    private static void AddCopy(DockerfileInstruction instruction, DockerfileStage stage, DockerfileScope scope, char escape, List<DockerfileProblem> problems)
    {
        var sources = new List<DockerfileValue>();
        DockerfileValue? destination = null;
        for (int i = 0; i < instruction.Words.Count; i++)
        {
            DockerfileValue value = Expand(instruction.Words[i], instruction, scope, escape, problems);
            if (i == instruction.Words.Count - 1 && instruction.Words.Count > 1)
            {
                destination = value;
            }
            else
            {
                sources.Add(value);
            }
        }

        string? workingDirectory = stage.WorkingDirectory is { IsKnown: true } directory ? directory.Text : null;
        stage.CopyList.Add(new DockerfileCopy(instruction, instruction.GetFlag("from"), sources, destination, workingDirectory));
    }

    private static DockerfileValue Expand(string word, DockerfileInstruction instruction, DockerfileScope scope, char escape, List<DockerfileProblem> problems)
    {
        DockerfileValue value = DockerfileExpander.Expand(word, escape, scope, out string? error);
        if (error is not null)
        {
            problems.Add(new DockerfileProblem(instruction.Line, $"failed to process \"{word}\": {error}"));
        }

        return value;
    }
}
