using System.IO;
using Xunit;

namespace VolumeGen.Build.Tests;

public class RulePagesTests
{
    internal static string RepoRoot()
    {
        string? folder = System.AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "VolumeGen.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new DirectoryNotFoundException("VolumeGen.sln not found above " + System.AppContext.BaseDirectory);
    }

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (string id in BuildDiagnostics.All)
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_build_diagnostic_has_a_page_a_readme_row_and_a_help_link_to_the_page(string id)
    {
        string root = RepoRoot();

        Assert.True(File.Exists(Path.Combine(root, "docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
        Assert.Contains($"| [{id}]({id}.md) |", File.ReadAllText(Path.Combine(root, "docs", "rules", "README.md")));
        Assert.EndsWith($"/docs/rules/{id}.md", BuildDiagnostics.GetHelpUri(id));
    }
}
