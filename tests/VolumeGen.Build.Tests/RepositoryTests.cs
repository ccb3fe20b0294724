using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// Facts about the repository's own files: no registry or mirror addresses, no repo scripts in library messages, docs
/// that match the code, the runtime library's analyzer-linked folders checked for the APIs an analyzer may not use.
/// </summary>
public sealed class RepositoryTests
{
    // The only hosts a tracked file may address: loopback, the rule pages' links, and reserved example names
    // (RFC 2606). Anything else — a package registry, a distribution mirror — must come from the machine's config.
    private static readonly Regex Address = new("https?://(?<host>[A-Za-z0-9.-]+)", RegexOptions.CultureInvariant);

    private static bool Allowed(string host)
        => host is "127.0.0.1" or "localhost" or "github.com"
            || host.EndsWith(".example", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)
            || host.Equals("example.invalid", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> TrackedFiles()
    {
        string root = RulePagesTests.RepoRoot();
        (int exit, string output) = Processes.Run("git", new[] { "ls-files" }, root);
        Assert.True(exit == 0, output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(f => Path.Combine(root, f.Trim())).Where(File.Exists);
    }

    [Fact]
    public void No_tracked_file_names_a_package_registry_or_mirror_address()
    {
        var hits = new List<string>();
        foreach (string file in TrackedFiles())
        {
            foreach (Match address in Address.Matches(File.ReadAllText(file)))
            {
                if (!Allowed(address.Groups["host"].Value))
                {
                    hits.Add($"{file}: {address.Value}");
                }
            }
        }

        Assert.Empty(hits);
    }

    [Fact]
    public void Library_messages_name_no_repository_script()
    {
        string src = Path.Combine(RulePagesTests.RepoRoot(), "src");
        var hits = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("eng/", StringComparison.Ordinal) || text.Contains(".ci/", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(hits);
    }

    /// <summary>
    /// The folders the analyzer assembly compiles from the runtime library (its <c>Compile Include</c> items) are exactly the
    /// folders src/VolumeGen/.editorconfig makes RS0030 an error in, so a banned API there fails the library's own build
    /// with the reason, wherever a newcomer edits it.
    /// </summary>
    [Fact]
    public void The_folders_linked_into_the_analyzer_are_the_folders_checked_for_banned_APIs()
    {
        string root = RulePagesTests.RepoRoot();
        string project = File.ReadAllText(Path.Combine(root, "src", "VolumeGen.SourceGenerators", "VolumeGen.SourceGenerators.csproj"));
        string[] linked = Regex.Matches(project, @"<Compile Include=""\.\.\\VolumeGen\\(?<folder>[^\\""]+)\\", RegexOptions.CultureInvariant)
            .Select(static m => m.Groups["folder"].Value).Order(StringComparer.Ordinal).ToArray();
        string editorConfig = File.ReadAllText(Path.Combine(root, "src", "VolumeGen", ".editorconfig"));
        Match section = Regex.Match(editorConfig, @"^\[\{(?<folders>[^}]+)\}/\*\*\.cs\]\s*\ndotnet_diagnostic\.RS0030\.severity = error$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        Assert.True(section.Success, "src/VolumeGen/.editorconfig has no [{Folder,...}/**.cs] section making RS0030 an error");
        Assert.NotEmpty(linked);
        Assert.Equal(linked, section.Groups["folders"].Value.Split(',').Order(StringComparer.Ordinal).ToArray());
    }

    [SkippableFact]
    public void The_engine_script_takes_debootstraps_mirror_only_from_apt_sources_and_fails_clearly_without_one()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "eng/docker-engine.sh is a Linux script");
        string root = RulePagesTests.RepoRoot();
        string apt = Path.Combine(Path.GetTempPath(), "volumegen-apt-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(Path.Combine(apt, "sources.list.d"));
        try
        {
            var environment = new Dictionary<string, string> { ["VOLUMEGEN_APT_ETC"] = apt };
            (int none, string message) = Processes.Run("bash", new[] { "eng/docker-engine.sh", "mirror" }, root, environment);
            Assert.Equal(2, none);
            Assert.Contains("no Debian mirror in " + apt, message);

            File.WriteAllText(Path.Combine(apt, "sources.list.d", "debian.sources"),
                "Types: deb\nURIs: http://mirror.example/debian\nSuites: bookworm\nComponents: main\n\nTypes: deb\nURIs: http://mirror.example/debian-security\nSuites: bookworm-security\n");
            (int found, string mirror) = Processes.Run("bash", new[] { "eng/docker-engine.sh", "mirror" }, root, environment);
            Assert.Equal(0, found);
            Assert.Equal("http://mirror.example/debian", mirror.Trim());

            File.Delete(Path.Combine(apt, "sources.list.d", "debian.sources"));
            File.WriteAllText(Path.Combine(apt, "sources.list"), "# comment\ndeb http://security.example/debian-security bookworm-security main\ndeb [arch=amd64] http://mirror.example/debian bookworm main\n");
            (found, mirror) = Processes.Run("bash", new[] { "eng/docker-engine.sh", "mirror" }, root, environment);
            Assert.Equal(0, found);
            Assert.Equal("http://mirror.example/debian", mirror.Trim());
        }
        finally
        {
            Directory.Delete(apt, recursive: true);
        }
    }

    [Fact]
    public void Every_build_diagnostic_the_sources_name_is_declared_and_has_a_row_in_build_md()
    {
        string root = RulePagesTests.RepoRoot();
        var named = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"(VG3[0-9]{3})\"").Select(static m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        string table = Section(File.ReadAllText(Path.Combine(root, "docs", "build.md")), "## Diagnostics");
        var rows = Regex.Matches(table, "^\\| \\[(VG3[0-9]{3})\\]\\(rules/\\1\\.md\\) \\|", RegexOptions.Multiline).Select(static m => m.Groups[1].Value).ToList();
        var declared = BuildDiagnostics.All.Where(static id => id.StartsWith("VG3", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(named);
        Assert.Empty(named.Except(declared));
        Assert.Equal(declared.OrderBy(static id => id, StringComparer.Ordinal), rows.OrderBy(static id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Each_compiler_visible_property_is_declared_once_read_by_the_analyzers_and_listed_in_build_md()
    {
        string root = RulePagesTests.RepoRoot();
        var declared = Regex.Matches(File.ReadAllText(Path.Combine(root, "src", "VolumeGen.Build", "build", "VolumeGen.props")), "<CompilerVisibleProperty Include=\"([^\"]+)\"")
            .Select(static m => m.Groups[1].Value).ToList();
        var read = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "build_property\\.([A-Za-z]+)").Select(static m => m.Groups[1].Value))
            .Where(static p => p != "ProjectDir") // the .NET SDK's own compiler-visible property (Microsoft.NET.Sdk.Analyzers.targets)
            .ToHashSet(StringComparer.Ordinal);
        string listed = Regex.Match(File.ReadAllText(Path.Combine(root, "docs", "build.md")), "`VolumeGen\\.props` \\(`CompilerVisibleProperty` for (?<list>[^)]*)\\)").Groups["list"].Value;
        var documented = Regex.Matches(listed, "`([A-Za-z]+)`").Select(static m => m.Groups[1].Value).ToList();

        Assert.Equal(declared.Distinct(StringComparer.Ordinal), declared);
        Assert.Equal(declared.OrderBy(static p => p, StringComparer.Ordinal), read.OrderBy(static p => p, StringComparer.Ordinal));
        Assert.Equal(declared.OrderBy(static p => p, StringComparer.Ordinal), documented.OrderBy(static p => p, StringComparer.Ordinal));
    }

    // The text of a markdown section: from its heading to the next heading of any level.
    private static string Section(string markdown, string heading)
    {
        int start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, heading + " not found");
        int end = markdown.IndexOf("\n#", start + heading.Length + 2, StringComparison.Ordinal);
        return end < 0 ? markdown.Substring(start) : markdown.Substring(start, end - start);
    }
}
