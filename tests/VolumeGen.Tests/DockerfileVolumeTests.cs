using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace VolumeGen.Tests;

public class DockerfileVolumeTests
{
    public static IEnumerable<object[]> EscapeCharacters() => new[] { new object[] { '\\' }, new object[] { '`' } };

    public static IEnumerable<object[]> PathAndEscape()
        => from path in HostileValues.Paths from escape in new[] { '\\', '`' } select new object[] { path, escape };

    /// <summary>
    /// Undoes what Docker does to a JSON-form VOLUME: the JSON layer (System.Text.Json), then the Dockerfile word
    /// processor, where the escape character takes the next character literally and an unescaped <c>$</c>,
    /// <c>"</c> or <c>'</c> would be expanded or removed (so generated text must never hold one).
    /// </summary>
    private static string[] Decode(string line, char escape)
    {
        Assert.StartsWith("VOLUME [", line, StringComparison.Ordinal);
        string[] words = JsonSerializer.Deserialize<string[]>(line.Substring("VOLUME ".Length))!;
        return words.Select(word => UndoWordEscapes(word, escape)).ToArray();
    }

    private static string UndoWordEscapes(string word, char escape)
    {
        var result = new StringBuilder();
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (c == escape)
            {
                Assert.True(i + 1 < word.Length, "a trailing escape character in " + word);
                result.Append(word[++i]);
                continue;
            }

            Assert.False(c is '$' or '"' or '\'', $"unescaped {c} in {word}: the word processor would expand or remove it");
            result.Append(c);
        }

        return result.ToString();
    }

    [Fact]
    public void Readme_example()
    {
        var set = new MountSet(
            Mount.NamedVolume("/app/data", name: "profiles"),
            Mount.AnonymousVolume("/app/cache"),
            Mount.Bind("./config", "/app/config", readOnly: true),
            Mount.Tmpfs("/app/scratch"));
        Assert.Equal("VOLUME [\"/app/data\", \"/app/cache\"]", set.ToDockerfileVolume());
    }

    [Fact]
    public void Empty_without_volumes()
    {
        Assert.Equal(string.Empty, new MountSet(Mount.Bind("./c", "/app/c"), Mount.Tmpfs("/app/t")).ToDockerfileVolume());
        Assert.Equal(string.Empty, MountSet.Empty.ToDockerfileVolume());
    }

    [Fact]
    public void A_path_declared_twice_appears_once()
        => Assert.Equal(new[] { "/app/data" }, Decode(new MountSet(Mount.NamedVolume("/app/data", "a1"), Mount.AnonymousVolume("/app/data/")).ToDockerfileVolume(), '\\'));

    [Theory]
    [MemberData(nameof(PathAndEscape))]
    public void Hostile_paths_stay_on_one_line_and_decode_exactly(string path, char escape)
    {
        var set = new MountSet(Mount.NamedVolume(path + "/named", "data"), Mount.AnonymousVolume(path + "/anonymous"), Mount.Tmpfs(path + "/tmpfs"));
        string line = set.ToDockerfileVolume(escape);

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\u2028', line);
        Assert.DoesNotContain('\u2029', line);
        Assert.False(line.EndsWith(escape.ToString(), StringComparison.Ordinal), "a line ending in the escape character continues on the next line");
        Assert.Equal(new[] { path + "/named", path + "/anonymous" }, Decode(line, escape));
    }

    [Theory]
    [InlineData("/app/a${HOME}b", "VOLUME [\"/app/a\\\\${HOME}b\"]")]
    [InlineData("/app/d$x", "VOLUME [\"/app/d\\\\$x\"]")]
    public void Dollar_is_escaped_for_the_word_processor_then_json(string path, string expected)
        => Assert.Equal(expected, DockerfileVolume.FormatPaths(new[] { path }));

    [Fact]
    public void Backtick_escape_directive_escapes_with_backtick()
        => Assert.Equal("VOLUME [\"/app/a`${HOME}b`\\\\c\"]", DockerfileVolume.FormatPaths(new[] { "/app/a${HOME}b\\c" }, '`'));

    [Theory]
    [MemberData(nameof(EscapeCharacters))]
    public void EscapeWord_is_undone_by_the_word_processor(char escape)
    {
        foreach (string path in HostileValues.Paths)
        {
            Assert.Equal(path, UndoWordEscapes(DockerfileVolume.EscapeWord(path, escape), escape));
        }
    }
}
