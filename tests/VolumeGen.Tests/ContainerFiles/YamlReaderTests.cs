using System.Collections.Generic;
using System.Linq;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Tests.ContainerFiles;

/// <summary>The YAML reader on the constructs compose files use; ComposeDifferentialTests compares it with YamlDotNet.</summary>
public sealed class YamlReaderTests
{
    private static YamlMapping Map(string yaml) => Assert.IsType<YamlMapping>(YamlReader.Read(yaml));

    private static string? At(YamlNode? node, params object[] path)
    {
        foreach (object step in path)
        {
            node = step is string key ? (node as YamlMapping)?.Get(key) : (node as YamlSequence)?.Items[(int)step];
        }

        return (node as YamlScalar)?.Value;
    }

    [Fact]
    public void Block_mappings_and_sequences_nest_by_indentation()
    {
        YamlMapping root = Map("services:\n  web:\n    image: nginx:1.25\n    ports:\n      - \"8080:80\"\n    volumes:\n    - data:/data\n    - type: bind\n      source: ./x\n      target: /x\nvolumes:\n  data:\n");

        Assert.Equal("nginx:1.25", At(root, "services", "web", "image"));
        Assert.Equal("8080:80", At(root, "services", "web", "ports", 0));
        Assert.Equal("data:/data", At(root, "services", "web", "volumes", 0));
        Assert.Equal("./x", At(root, "services", "web", "volumes", 1, "source"));
        Assert.Equal("/x", At(root, "services", "web", "volumes", 1, "target"));
        Assert.True(((YamlScalar)((YamlMapping)root.Get("volumes")!).Get("data")!).IsNull);
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_are_resolved()
    {
        const string yaml = "x-defaults: &defaults\n  restart: always\n  volumes:\n    - shared:/shared\nx-env: &env\n  A: \"1\"\nservices:\n  api:\n    <<: *defaults\n    image: api\n  worker:\n    <<: [*defaults, *env]\n    restart: \"no\"\n  copy: *defaults\n";
        YamlMapping root = Map(yaml);

        Assert.Equal("always", At(root, "services", "api", "restart"));
        Assert.Equal("shared:/shared", At(root, "services", "api", "volumes", 0));
        Assert.Equal("no", At(root, "services", "worker", "restart"));
        Assert.Equal("1", At(root, "services", "worker", "A"));
        Assert.Equal("always", At(root, "services", "copy", "restart"));
        Assert.False(((YamlMapping)((YamlMapping)root.Get("services")!).Get("api")!).ContainsKey("<<"));
    }

    [Fact]
    public void Flow_collections_may_span_lines()
    {
        YamlMapping root = Map("a: [x, \"y, z\", {k: v}]\nb: {c: 1,\n    d: [2, 3]}\ne: []\nf: {}\n");

        Assert.Equal("y, z", At(root, "a", 1));
        Assert.Equal("v", At(root, "a", 2, "k"));
        Assert.Equal("3", At(root, "b", "d", 1));
        Assert.Empty(((YamlSequence)root.Get("e")!).Items);
        Assert.Empty(((YamlMapping)root.Get("f")!).Entries);
    }

    [Theory]
    [InlineData("k: \"a\\tb\\u0041\\\"\"\n", "a\tbA\"")]
    [InlineData("k: 'it''s'\n", "it's")]
    [InlineData("k: \"one\n  two\"\n", "one two")]
    [InlineData("k: plain # comment\n", "plain")]
    [InlineData("k: a#b\n", "a#b")]
    [InlineData("k: one\n  two\n", "one two")]
    [InlineData("k: |\n  line1\n  line2\n", "line1\nline2\n")]
    [InlineData("k: |-\n  line1\n\n  line2\n\n", "line1\n\nline2")]
    [InlineData("k: >\n  a\n  b\n\n  c\n", "a b\nc\n")]
    [InlineData("k: !!str 123\n", "123")]
    [InlineData("\"quoted key\": v\n", null)]
    public void Scalars_are_unquoted_unescaped_and_folded(string yaml, string? expected)
    {
        YamlMapping root = Map(yaml);
        Assert.Equal(expected ?? "v", At(root, expected is null ? "quoted key" : "k"));
    }

    [Fact]
    public void Lines_are_recorded()
    {
        YamlMapping root = Map("# c\nservices:\n\n  web:\n    volumes:\n      - /a\n");
        YamlMapping web = (YamlMapping)((YamlMapping)root.Get("services")!).Get("web")!;

        Assert.Equal(5, web.Line);
        Assert.Equal(6, ((YamlSequence)web.Get("volumes")!).Items[0].Line);
    }

    [Fact]
    public void Only_the_first_document_is_read()
        => Assert.Equal("1", At(YamlReader.Read("---\na: 1\n---\na: 2\n"), "a"));

    [Theory]
    [InlineData("")]
    [InlineData("a: [unterminated\n")]
    [InlineData("a: \"unterminated\n")]
    [InlineData("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n")]
    [InlineData("a: *missing\n")]
    [InlineData("\t\tkey: : : value\n  - x\n - y\n")]
    public void Broken_text_never_throws(string yaml)
        => _ = YamlReader.Read(yaml);

    [Fact]
    public void Deep_flow_nesting_does_not_overflow_the_stack()
        => _ = YamlReader.Read("a: " + new string('[', 100_000));

    [Fact]
    public void Sequence_of_mappings_in_compact_form()
    {
        YamlNode? root = YamlReader.Read("- name: a\n  value: 1\n- - nested\n- &x {k: v}\n- *x\n");

        Assert.Equal("1", At(root, 0, "value"));
        Assert.Equal("nested", At(root, 1, 0));
        Assert.Equal("v", At(root, 3, "k"));
        Assert.Same(((YamlSequence)root!).Items[2], ((YamlSequence)root).Items[3]);
    }

    [Fact]
    public void Merged_entries_keep_the_keys_written_in_the_mapping()
    {
        YamlMapping root = Map("base: &b {a: 1, b: 2}\nm:\n  b: 3\n  <<: *b\n");
        IReadOnlyList<KeyValuePair<string, YamlNode>> entries = ((YamlMapping)root.Get("m")!).Entries;

        Assert.Equal(new[] { "b", "a" }, entries.Select(static e => e.Key));
        Assert.Equal("3", At(root, "m", "b"));
    }
}
