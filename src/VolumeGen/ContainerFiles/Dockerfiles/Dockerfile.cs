using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// A Dockerfile read the way the Docker builder reads it: parser directives, comments, continuation lines,
/// here-documents, the JSON and plain forms, <c>ARG</c>/<c>ENV</c> substitution, build stages and
/// <c>FROM &lt;stage&gt;</c> inheritance, <c>VOLUME</c>, <c>WORKDIR</c> (relative to the previous one) and <c>USER</c>.
/// The one reader of Dockerfiles in VolumeGen: the analyzers, the build task and the CLI use it.
/// Never throws: what the builder would reject is listed in <see cref="Problems"/>. Equal when the texts
/// and build arguments are equal. See docs/container-files.md for what each fact means.
/// </summary>
public sealed class Dockerfile : IEquatable<Dockerfile>
{
    private readonly string? _buildArgumentsKey;

    private Dockerfile(string text, string? buildArgumentsKey)
    {
        Text = text;
        _buildArgumentsKey = buildArgumentsKey;
    }

    /// <summary>The text the model was read from.</summary>
    public string Text { get; }

    /// <summary>The escape character: <c>\</c>, or <c>`</c> after <c># escape=`</c>.</summary>
    public char EscapeCharacter { get; private set; } = '\\';

    /// <summary>The <c># syntax=</c> directive's value, or null.</summary>
    public string? Syntax { get; private set; }

    /// <summary>Every instruction, in order.</summary>
    public IReadOnlyList<DockerfileInstruction> Instructions { get; private set; } = Array.Empty<DockerfileInstruction>();

    /// <summary>The build stages, in order.</summary>
    public IReadOnlyList<DockerfileStage> Stages { get; private set; } = Array.Empty<DockerfileStage>();

    /// <summary>What the builder would reject, with the line.</summary>
    public IReadOnlyList<DockerfileProblem> Problems { get; private set; } = Array.Empty<DockerfileProblem>();

    /// <summary>
    /// Reads <paramref name="text"/>. <paramref name="buildArguments"/> are the <c>--build-arg</c> values; null
    /// means they are not known, so an <c>ARG</c> without a default has an unknown value.
    /// </summary>
    public static Dockerfile Parse(string text, IReadOnlyDictionary<string, string>? buildArguments = null)
    {
        var dockerfile = new Dockerfile(text ?? string.Empty, VariablesKey.Of(buildArguments));
        try
        {
            var lexer = new DockerfileLexer(dockerfile.Text);
            var problems = new List<DockerfileProblem>(lexer.Problems);
            dockerfile.EscapeCharacter = lexer.Escape;
            dockerfile.Syntax = lexer.Syntax;
            dockerfile.Instructions = lexer.Instructions;
            dockerfile.Stages = DockerfileEvaluator.Evaluate(lexer.Instructions, lexer.Escape, buildArguments, problems);
            problems.Sort(static (a, b) => a.Line.CompareTo(b.Line));
            dockerfile.Problems = problems;
        }
        catch (Exception exception) when (exception is ArgumentException or IndexOutOfRangeException or InvalidOperationException or FormatException)
        {
            // Written not to throw; this keeps the analyzers free of AD0001 if it ever does.
            dockerfile.Problems = new[] { new DockerfileProblem(1, "VolumeGen could not read the Dockerfile: " + exception.Message) };
        }

        return dockerfile;
    }

    /// <summary>The stage named <paramref name="name"/> (case-insensitive), or null.</summary>
    public DockerfileStage? FindStage(string name)
    {
        foreach (DockerfileStage stage in Stages)
        {
            if (stage.Name is not null && string.Equals(stage.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return stage;
            }
        }

        return null;
    }

    /// <summary>
    /// The stage whose image the build produces: the one named <paramref name="target"/> (<c>docker build
    /// --target</c>, the VolumeGenDockerfileTarget property), else the last stage. Null when the file has no
    /// stage, or no stage has that name.
    /// </summary>
    public DockerfileStage? FinalStage(string? target = null)
        => string.IsNullOrWhiteSpace(target) ? (Stages.Count == 0 ? null : Stages[Stages.Count - 1]) : FindStage(target!.Trim());

    /// <summary>
    /// The sources every stage copies from the build context, known or not (<c>COPY --from</c> another stage or image and
    /// the generated block's own <c>COPY</c> left out), each with its instruction: what the Dockerfile needs of the folder it is built in.
    /// </summary>
    public IEnumerable<(DockerfileCopy Copy, DockerfileValue Source)> ContextSources()
    {
        foreach (DockerfileStage stage in Stages)
        {
            foreach (DockerfileCopy copy in stage.Copies)
            {
                if (copy.From is not null || copy.Instruction.IsInGeneratedBlock)
                {
                    continue;
                }

                foreach (DockerfileValue source in copy.Sources)
                {
                    yield return (copy, source);
                }
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(Dockerfile? other)
        => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal) && string.Equals(_buildArgumentsKey, other._buildArgumentsKey, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Dockerfile);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}
