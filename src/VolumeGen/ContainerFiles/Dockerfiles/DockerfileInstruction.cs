using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// One instruction of a Dockerfile as the builder's parser reads it: continuation lines joined, comments inside
/// them dropped, builder flags (<c>--from=build</c>) split off, arguments split the way the keyword splits them.
/// </summary>
public sealed class DockerfileInstruction
{
    internal DockerfileInstruction(
        string keyword,
        int line,
        int endLine,
        string text,
        string arguments,
        IReadOnlyList<string> flags,
        bool isJsonForm,
        IReadOnlyList<string> words,
        IReadOnlyList<KeyValuePair<string, string?>> assignments,
        IReadOnlyList<DockerfileHeredoc> heredocs,
        int stageIndex,
        bool isInGeneratedBlock)
    {
        Keyword = keyword;
        Line = line;
        EndLine = endLine;
        Text = text;
        Arguments = arguments;
        Flags = flags;
        IsJsonForm = isJsonForm;
        Words = words;
        Assignments = assignments;
        Heredocs = heredocs;
        StageIndex = stageIndex;
        IsInGeneratedBlock = isInGeneratedBlock;
    }

    /// <summary>The keyword in upper case (<c>VOLUME</c>, <c>RUN</c>, …).</summary>
    public string Keyword { get; }

    /// <summary>The 1-based line the instruction starts on.</summary>
    public int Line { get; }

    /// <summary>The 1-based last line (continuations and here-documents included).</summary>
    public int EndLine { get; }

    /// <summary>The whole instruction, continuation lines joined, as the parser sees it.</summary>
    public string Text { get; }

    /// <summary>What follows the keyword and the flags, trimmed.</summary>
    public string Arguments { get; }

    /// <summary>The builder flags as written, e.g. <c>--from=build</c>, <c>--chown=app</c>.</summary>
    public IReadOnlyList<string> Flags { get; }

    /// <summary>True for the exec/JSON form (<c>VOLUME ["/data"]</c>, <c>ENTRYPOINT ["dotnet", "app.dll"]</c>).</summary>
    public bool IsJsonForm { get; }

    /// <summary>
    /// The arguments as the keyword splits them, before word processing: the JSON form's strings; for
    /// <c>VOLUME</c>, <c>COPY</c>, <c>ADD</c>, <c>FROM</c>, <c>EXPOSE</c> the whitespace-separated words; for
    /// <c>ENV</c>, <c>LABEL</c>, <c>ARG</c> the <c>name=value</c> words; otherwise the whole argument text.
    /// </summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The here-documents of a <c>RUN</c>, <c>COPY</c> or <c>ADD</c>.</summary>
    public IReadOnlyList<DockerfileHeredoc> Heredocs { get; }

    /// <summary>The index of the build stage the instruction belongs to; -1 before the first <c>FROM</c>.</summary>
    public int StageIndex { get; }

    /// <summary>True inside VolumeGen's generated block (<see cref="GeneratedBlockMarkers"/>).</summary>
    public bool IsInGeneratedBlock { get; }

    /// <summary>For <c>ENV</c>, <c>LABEL</c> and <c>ARG</c>: name and value as written (value null for <c>ARG name</c>).</summary>
    internal IReadOnlyList<KeyValuePair<string, string?>> Assignments { get; }

    /// <summary>The value of flag <c>--<paramref name="name"/>=value</c>, or null when the flag is absent.</summary>
    public string? GetFlag(string name)
    {
        string prefix = "--" + name + "=";
        foreach (string flag in Flags)
        {
            if (flag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return flag.Substring(prefix.Length);
            }

            if (string.Equals(flag, "--" + name, StringComparison.OrdinalIgnoreCase))
            {
                return string.Empty;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
