using System.Globalization;

namespace VolumeGen;

/// <summary>Where every VolumeGen rule's page lives: the help link of each diagnostic, analyzer or build task alike.</summary>
public static class RuleHelpLinks
{
    /// <summary>The folder of the rule pages (docs/rules/ of the repository).</summary>
    public const string Base = "https://github.com/volumegen/volumegen/blob/main/docs/rules/";

    /// <summary>The help link of rule <paramref name="id"/>: its page docs/rules/&lt;ID&gt;.md.</summary>
    public static string For(string id) => string.Format(CultureInfo.InvariantCulture, "{0}{1}.md", Base, id);
}
