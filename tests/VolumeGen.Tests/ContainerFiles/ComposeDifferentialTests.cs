using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using VolumeGen.ContainerFiles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VolumeGen.Tests.ContainerFiles;

/// <summary>
/// VolumeGen's YAML reader against YamlDotNet, over every compose file of the tests: the compose files in the
/// repository (samples, the compose-specification examples in ComposeExamples/), every compose text written as a
/// string literal in the test sources, and the compose overrides VolumeGen generates for hostile values. Both trees
/// are compared after merge keys are applied (YamlDotNet keeps <c>&lt;&lt;</c> as a key, so the test applies the YAML
/// merge rule to its tree). Texts YamlDotNet rejects (the robustness tests' broken ones) are not compose files and
/// are left out; their count is bounded.
/// </summary>
public sealed class ComposeDifferentialTests
{
    public static TheoryData<string> ComposeTexts()
    {
        var data = new TheoryData<string>();
        foreach (string text in Corpus())
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ComposeTexts))]
    public void The_reader_and_YamlDotNet_read_the_same_tree(string yaml)
    {
        string? expected = YamlDotNetTree(yaml);
        if (expected is null)
        {
            return; // not YAML: a broken text of the robustness tests
        }

        Assert.Equal(expected, Canonical(YamlReader.Read(yaml), 0));
    }

    [Fact]
    public void The_corpus_holds_the_repository_files_the_test_literals_and_the_generated_overrides()
    {
        List<string> corpus = Corpus().ToList();
        int accepted = corpus.Count(static text => YamlDotNetTree(text) is not null);

        Assert.True(corpus.Count(static t => t.Contains("x-app: &app", StringComparison.Ordinal)) >= 1);
        Assert.True(accepted >= 40, $"{accepted} of {corpus.Count} texts are YAML");
        Assert.True(corpus.Count - accepted <= 3, $"{corpus.Count - accepted} texts are not YAML");
    }

    private static IEnumerable<string> Corpus()
    {
        string root = Root();
        var texts = new List<string>();
        foreach (string file in Directory.EnumerateFiles(root, "*.y*ml", SearchOption.AllDirectories).OrderBy(static f => f, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            bool ignored = relative.Split('/').Any(static part => part is "bin" or "obj" or "artifacts" or ".git" or "node_modules");
            if (!ignored && (name.StartsWith("compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase) || relative.Contains("/ComposeExamples/", StringComparison.Ordinal)))
            {
                texts.Add(File.ReadAllText(file));
            }
        }

        // Compose texts written as C# string literals in the tests.
        var literal = new Regex("\"(?:[^\"\\\\\\n]|\\\\.)*\"", RegexOptions.CultureInvariant);
        foreach (string file in Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories).OrderBy(static f => f, StringComparer.Ordinal))
        {
            if (file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            string source = File.ReadAllText(file);
            foreach (Match match in literal.Matches(source))
            {
                // An interpolated string ($"...{service}...") is a template, not the compose text the test writes.
                if (match.Index > 0 && source[match.Index - 1] == '$')
                {
                    continue;
                }

                string? text = Unescape(match.Value);
                if (text is not null && text.Contains("services:", StringComparison.Ordinal) && text.Contains('\n', StringComparison.Ordinal))
                {
                    texts.Add(text);
                }
            }
        }

        // The overrides VolumeGen writes, over values built to break YAML.
        texts.Add(ComposeOverride.Format(HostileValues.Paths.Select(static (p, i) => i % 2 == 0 ? Mount.NamedVolume(p, "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) : Mount.Bind(p, p, readOnly: true)), "app"));
        texts.Add(ComposeOverride.Format(HostileValues.Paths.Select(static p => Mount.Tmpfs(p, 1024, 0x1ff)), "svc.with-dots"));
        return texts.Distinct(StringComparer.Ordinal);
    }

    private static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "VolumeGen.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("VolumeGen.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A regular C# string literal's value; null for one this small decoder does not handle.</summary>
    private static string? Unescape(string literal)
    {
        var text = new StringBuilder();
        for (int i = 1; i < literal.Length - 1; i++)
        {
            char c = literal[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            char e = literal[++i];
            switch (e)
            {
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case '0': text.Append('\0'); break;
                case '"': text.Append('"'); break;
                case '\'': text.Append('\''); break;
                case '\\': text.Append('\\'); break;
                case 'u':
                    text.Append((char)Convert.ToInt32(literal.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                default: return null;
            }
        }

        return text.ToString();
    }

    private static string? YamlDotNetTree(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException)
        {
            return null;
        }

        return stream.Documents.Count == 0 ? Canonical((YamlDotNet.RepresentationModel.YamlNode?)null, 0) : Canonical(stream.Documents[0].RootNode, 0);
    }

    private static string Canonical(YamlDotNet.RepresentationModel.YamlNode? node, int depth)
    {
        if (depth > 40)
        {
            return "…";
        }

        switch (node)
        {
            case null:
                return "null";
            case YamlScalarNode scalar:
                return Quote(scalar.Value ?? string.Empty);
            case YamlSequenceNode sequence:
                return "[" + string.Join(",", sequence.Children.Select(c => Canonical(c, depth + 1))) + "]";
            case YamlMappingNode mapping:
            {
                // The YAML merge key: entries of the merged mappings the mapping does not set; earlier merges win.
                var entries = new Dictionary<string, string>(StringComparer.Ordinal);
                var merges = new List<YamlDotNet.RepresentationModel.YamlNode>();
                foreach (KeyValuePair<YamlDotNet.RepresentationModel.YamlNode, YamlDotNet.RepresentationModel.YamlNode> entry in mapping.Children)
                {
                    if (entry.Key is not YamlScalarNode key)
                    {
                        continue;
                    }

                    if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
                    {
                        merges.Add(entry.Value);
                    }
                    else
                    {
                        entries[key.Value ?? string.Empty] = Canonical(entry.Value, depth + 1);
                    }
                }

                foreach (YamlDotNet.RepresentationModel.YamlNode merge in merges)
                {
                    IEnumerable<YamlDotNet.RepresentationModel.YamlNode> sources = merge is YamlSequenceNode list ? list.Children : new[] { merge };
                    foreach (YamlMappingNode source in sources.OfType<YamlMappingNode>())
                    {
                        foreach (KeyValuePair<string, string> merged in Entries(source, depth))
                        {
                            entries.TryAdd(merged.Key, merged.Value);
                        }
                    }
                }

                return "{" + string.Join(",", entries.OrderBy(static e => e.Key, StringComparer.Ordinal).Select(static e => Quote(e.Key) + ":" + e.Value)) + "}";
            }

            default:
                return "?";
        }
    }

    private static Dictionary<string, string> Entries(YamlMappingNode mapping, int depth)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<YamlDotNet.RepresentationModel.YamlNode, YamlDotNet.RepresentationModel.YamlNode> entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode key && !(key.Value == "<<" && key.Style == ScalarStyle.Plain))
            {
                entries[key.Value ?? string.Empty] = Canonical(entry.Value, depth + 1);
            }
        }

        return entries;
    }

    private static string Canonical(VolumeGen.ContainerFiles.YamlNode? node, int depth)
    {
        if (depth > 40)
        {
            return "…";
        }

        return node switch
        {
            null => "null",
            YamlScalar scalar => Quote(scalar.Value),
            YamlSequence sequence => "[" + string.Join(",", sequence.Items.Select(i => Canonical(i, depth + 1))) + "]",
            YamlMapping mapping => "{" + string.Join(",", mapping.Entries.OrderBy(static e => e.Key, StringComparer.Ordinal).Select(e => Quote(e.Key) + ":" + Canonical(e.Value, depth + 1))) + "}",
            _ => "?",
        };
    }

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in text)
        {
            quoted.Append(c is '"' or '\\' ? "\\" + c : c < ' ' ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return quoted.Append('"').ToString();
    }
}
