namespace VolumeGen.ContainerFiles;

/// <summary>
/// One line of YAML text for <see cref="YamlParser"/>: its number, its raw text and the column its content starts
/// at (the indentation, or, for a sequence item's content, the column after <c>- </c>).
/// </summary>
internal readonly struct YamlLine
{
    private YamlLine(int number, string raw, int start)
    {
        Number = number;
        Raw = raw;
        Start = start;
    }

    /// <summary>The 1-based line number.</summary>
    public int Number { get; }

    /// <summary>The whole line without its line break.</summary>
    public string Raw { get; }

    /// <summary>The column the content starts at.</summary>
    public int Start { get; }

    /// <summary>The text from <see cref="Start"/>.</summary>
    public string Content => Raw.Substring(Start);

    /// <summary>Nothing but spaces and tabs.</summary>
    public bool IsBlank => Raw.Trim().Length == 0;

    /// <summary>Blank, or a comment line.</summary>
    public bool IsBlankOrComment
    {
        get
        {
            string trimmed = Raw.TrimStart(' ', '\t');
            return trimmed.Length == 0 || trimmed[0] == '#';
        }
    }

    public static YamlLine Create(int number, string raw)
    {
        int indent = 0;
        while (indent < raw.Length && raw[indent] == ' ')
        {
            indent++;
        }

        return new YamlLine(number, raw, indent);
    }

    /// <summary>The same line, its content starting at <paramref name="column"/>.</summary>
    public YamlLine StartingAt(int column) => new(Number, Raw, column);
}
