using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace VolumeGen.Cli.Tests;

/// <summary>docs/cli.md's command table says what the command tree defines: every command, and exactly its options.</summary>
public sealed class CliDocumentationTests
{
    // A row of the table: | `command <arguments and options>` | what it does |
    private static readonly Regex Row = new("^\\| `(?<name>[a-z0-9-]+)(?<syntax>.*?)` \\|", RegexOptions.Multiline);

    // An option as the syntax writes it: --name or -X, not the '-' inside a word.
    private static readonly Regex OptionToken = new("(?<![A-Za-z0-9])(--[a-z][a-z0-9-]*|-[A-Za-z])(?![A-Za-z0-9-])");

    [Fact]
    public void The_command_table_lists_every_command_with_exactly_its_options()
    {
        Dictionary<string, string> rows = Row.Matches(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "cli.md")))
            .ToDictionary(static m => m.Groups["name"].Value, static m => m.Groups["syntax"].Value, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (Command command in VolumeGenCli.CreateRootCommand().Subcommands)
        {
            if (!rows.TryGetValue(command.Name, out string? syntax))
            {
                problems.Add($"{command.Name}: no row in docs/cli.md");
                continue;
            }

            var documented = OptionToken.Matches(syntax).Select(static m => m.Value).ToHashSet(StringComparer.Ordinal);
            var defined = command.Options.Where(static o => o is not HelpOption).ToList();
            var names = defined.SelectMany(static o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(documented.Where(t => !names.Contains(t)).Select(t => $"{command.Name}: docs/cli.md shows {t}, which the command does not have"));
            problems.AddRange(defined.Where(o => !documented.Overlaps(o.Aliases.Append(o.Name))).Select(o => $"{command.Name}: {o.Name} is not in its docs/cli.md row"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("--class", rows["show"]);
        Assert.DoesNotContain("--class", rows["lock"]);
    }

    [Fact]
    public void Verify_documents_every_finding_the_comparison_reports()
    {
        string cli = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "cli.md"));
        string docker = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "docker.md"));

        foreach (string finding in Enum.GetNames<VolumeGen.Docker.ContainerMountFinding>())
        {
            Assert.Contains($"`{finding}`", cli);
            Assert.Contains($"`{finding}`", docker);
        }
    }

    [Fact]
    public void The_k8s_row_names_only_build_properties_the_package_has()
    {
        string root = RepoRoot();
        string row = File.ReadAllText(Path.Combine(root, "docs", "cli.md")).Split('\n').Single(static l => l.StartsWith("| `k8s ", StringComparison.Ordinal));
        string targets = File.ReadAllText(Path.Combine(root, "src", "VolumeGen.Build", "build", "VolumeGen.targets"));
        var properties = Regex.Matches(row, "VolumeGenKubernetes[A-Za-z]+").Select(static m => m.Value).ToList();

        Assert.NotEmpty(properties);
        Assert.All(properties, p => Assert.Contains("$(" + p + ")", targets));
    }

    private static string RepoRoot()
    {
        string? folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "VolumeGen.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new DirectoryNotFoundException("VolumeGen.sln not found above " + AppContext.BaseDirectory);
    }
}
