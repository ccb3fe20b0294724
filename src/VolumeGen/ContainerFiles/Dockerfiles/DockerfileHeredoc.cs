namespace VolumeGen.ContainerFiles;

/// <summary>A here-document of a <c>RUN</c>, <c>COPY</c> or <c>ADD</c> (<c>RUN &lt;&lt;EOF</c> … <c>EOF</c>).</summary>
public sealed class DockerfileHeredoc
{
    /// <summary>Creates a here-document.</summary>
    public DockerfileHeredoc(string name, string content, bool expands, bool stripsLeadingTabs, int line)
    {
        Name = name;
        Content = content;
        Expands = expands;
        StripsLeadingTabs = stripsLeadingTabs;
        Line = line;
    }

    /// <summary>The terminator word (<c>EOF</c>), quotes removed.</summary>
    public string Name { get; }

    /// <summary>The lines between the instruction and the terminator, each ending with a line feed.</summary>
    public string Content { get; }

    /// <summary>False when the terminator was quoted (<c>&lt;&lt;"EOF"</c>): the content is taken literally.</summary>
    public bool Expands { get; }

    /// <summary>True for <c>&lt;&lt;-EOF</c>: leading tabs are removed from the content and the terminator.</summary>
    public bool StripsLeadingTabs { get; }

    /// <summary>The 1-based line of the first content line.</summary>
    public int Line { get; }
}
