namespace VolumeGen.SourceGenerators.Diagnostics;

/// <summary>Diagnostic IDs and their help links. Every ID has a page at docs/rules/&lt;ID&gt;.md (a test checks it).</summary>
internal static class RuleIdentifiers
{
    /// <summary>Where the rule pages live (<see cref="RuleHelpLinks.Base"/>, shared with the build task).</summary>
    public const string HelpLinkBase = RuleHelpLinks.Base;

    /// <summary>The help link of <paramref name="id"/>.</summary>
    public static string GetHelpUri(string id) => RuleHelpLinks.For(id);
}
