using System.Globalization;

namespace VolumeGen.SourceGenerators.Diagnostics;

/// <summary>Diagnostic IDs and their help links. Every ID has a page at docs/rules/&lt;ID&gt;.md (a test checks it).</summary>
internal static class RuleIdentifiers
{
    /// <summary>Where the rule pages live.</summary>
    public const string HelpLinkBase = "https://github.com/volumegen/volumegen/blob/main/docs/rules/";

    /// <summary>The help link of <paramref name="id"/>.</summary>
    public static string GetHelpUri(string id) => string.Format(CultureInfo.InvariantCulture, "{0}{1}.md", HelpLinkBase, id);
}
