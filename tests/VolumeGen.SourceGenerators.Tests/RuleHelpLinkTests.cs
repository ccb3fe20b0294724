using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.SourceGenerators.Tests;

/// <summary>Every diagnostic's help link points at a real page in docs/rules, listed in the rule index and the release notes.</summary>
public sealed class RuleHelpLinkTests
{
    public static IEnumerable<object[]> AllDescriptors() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(static f => (DiagnosticDescriptor)f.GetValue(null)!)
        .Select(static d => new object[] { d.Id });

    [Theory]
    [MemberData(nameof(AllDescriptors))]
    public void Help_link_has_its_page_index_row_and_release_entry(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        Assert.Equal(RuleHelpLinks.For(id), descriptor.HelpLinkUri);
        Assert.StartsWith(RuleHelpLinks.Base, descriptor.HelpLinkUri, StringComparison.Ordinal);

        string relative = descriptor.HelpLinkUri.Substring(RuleHelpLinks.Base.Length);
        string page = Path.Combine(RepositoryRoot.Path, "docs", "rules", relative);
        Assert.True(File.Exists(page), $"{id}: help link {descriptor.HelpLinkUri} has no page at {page}");
        Assert.StartsWith("# " + id, File.ReadAllText(page), StringComparison.Ordinal);

        string index = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules", "README.md"));
        Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal);

        string releases = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "VolumeGen.SourceGenerators", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "VolumeGen.SourceGenerators", "AnalyzerReleases.Shipped.md"));
        Assert.Contains(id + " |", releases, StringComparison.Ordinal);
    }

    [Fact]
    public void Declaration_analyzer_supports_exactly_the_declaration_rules()
    {
        string[] supported = new DeclarationAnalyzer().SupportedDiagnostics.Select(static d => d.Id).OrderBy(static i => i, StringComparer.Ordinal).ToArray();
        string[] declared = AllDescriptors().Select(static a => (string)a[0]).Where(static i => i.StartsWith("VG1", StringComparison.Ordinal)).OrderBy(static i => i, StringComparer.Ordinal).ToArray();

        Assert.Equal(declared, supported);
        Assert.Equal(17, supported.Length);
    }

    private static DiagnosticDescriptor Descriptor(string id) => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(static f => (DiagnosticDescriptor)f.GetValue(null)!)
        .First(d => d.Id == id);
}
