using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.CodeFixers.Usage;
using VolumeGen.SourceGenerators.Usage.Configuration;
using Xunit;

namespace VolumeGen.CodeFixers.Tests.Usage;

/// <summary>
/// Issue 24: the code fix rewrites a JSON settings value at the span the analyzer's reader gives it — one reader, so a
/// file the diagnostics cannot read (a duplicate key, a character JSON does not allow as whitespace) is one the fix leaves alone.
/// </summary>
public sealed class JsonSettingsEditTests
{
    private const string File = "/app/appsettings.json";

    private const string Settings = """
        {
          // The database of the accounts.
          "ConnectionStrings": {
            "DefaultConnection": "DataSource=app.db;Cache=Shared", /* trailing comma next */
          },
          "Serilog": { "WriteTo": [ { "Name": "Console" }, { "Name": "File", "Args": { "path": "logs/app-.log" } } ] },
          "Path": "C:\\data\\x \"quoted\"",
          "Number": 12,
        }
        """;

    [Theory]
    [InlineData("ConnectionStrings:DefaultConnection", "DataSource=app.db;Cache=Shared")]
    [InlineData("connectionstrings:defaultconnection", "DataSource=app.db;Cache=Shared")]
    [InlineData("Serilog:WriteTo:1:Args:path", "logs/app-.log")]
    [InlineData("Path", "C:\\data\\x \"quoted\"")]
    public void Replaces_only_the_string_token_and_the_analyzer_reads_the_new_value(string key, string expected)
    {
        SourceText text = SourceText.From(Settings);

        TextChange change = Assert.NotNull(JsonSettingsEdit.Replace(text, File, key, expected, "/app/data/new \"value\"\n"));
        string updated = text.WithChanges(change).ToString();

        ConfigurationEntry entry = Read(Settings).Single(e => string.Equals(e.Key, key, System.StringComparison.OrdinalIgnoreCase));
        Assert.Equal(entry.Span, change.Span);
        Assert.Equal(Settings.Substring(0, entry.Span.Start), updated.Substring(0, entry.Span.Start));
        Assert.Equal(Settings.Substring(entry.Span.End), updated.Substring(updated.Length - (Settings.Length - entry.Span.End)));
        Assert.Equal("/app/data/new \"value\"\n", Read(updated).Single(e => e.Key == entry.Key).Value);
    }

    [Fact]
    public void Every_string_the_analyzer_reads_is_edited_at_the_analyzer_s_span()
    {
        SourceText text = SourceText.From(Settings);
        IReadOnlyList<ConfigurationEntry> entries = Read(Settings);

        foreach (ConfigurationEntry entry in entries.Where(e => Settings[e.Span.Start] == '"'))
        {
            Assert.Equal(entry.Span, JsonSettingsEdit.Replace(text, File, entry.Key, entry.Value, "x")?.Span);
        }

        Assert.Equal(5, entries.Count(e => Settings[e.Span.Start] == '"'));
    }

    [Theory]
    [InlineData("ConnectionStrings", "")]
    [InlineData("ConnectionStrings:Other", "")]
    [InlineData("Number", "12")]
    [InlineData("Serilog:WriteTo:2:Args:path", "")]
    [InlineData("Serilog:WriteTo:1:Args:path", "logs/other.log")]
    public void Edits_nothing_for_an_absent_key_an_object_a_number_or_a_value_changed_since(string key, string expected)
        => Assert.Null(JsonSettingsEdit.Replace(SourceText.From(Settings), File, key, expected, "/app/data/x"));

    [Theory]
    [InlineData("{ \"a\": ")]
    [InlineData("{ \"a\": \"x\" } trailing")]
    [InlineData("{ /* open")]
    [InlineData("")]
    public void Broken_text_is_edited_nowhere(string text)
        => Assert.Null(JsonSettingsEdit.Replace(SourceText.From(text), File, "a", "x", "y"));

    // The former disagreements: the fix's own reader took the last of two duplicate keys and any Unicode whitespace;
    // the analyzer (and the JSON configuration provider) refuse such a file, and now the fix does too.
    [Theory]
    [InlineData("{\"a\":\"first\",\"A\":\"second\"}", "second")]
    [InlineData("{\"a\":\"first\",\"A\":\"second\"}", "first")]
    [InlineData("{\"a\":{\"b\":\"first\"},\"a:b\":\"second\"}", "second")]
    [InlineData("{\u00A0\"a\":\"first\"}", "first")]
    [InlineData("{\"a\":\"first\"\u000B}", "first")]
    public void A_file_the_analyzer_cannot_read_is_one_the_fix_leaves_alone(string json, string value)
    {
        Assert.Null(ConfigurationJsonReader.Read(SourceText.From(json), File, "appsettings.json"));
        Assert.Null(JsonSettingsEdit.Replace(SourceText.From(json), File, "a", value, "/app/data/x"));
        Assert.Null(JsonSettingsEdit.Replace(SourceText.From(json), File, "a:b", value, "/app/data/x"));
    }

    private static IReadOnlyList<ConfigurationEntry> Read(string json)
        => Assert.IsAssignableFrom<IReadOnlyList<ConfigurationEntry>>(ConfigurationJsonReader.Read(SourceText.From(json), File, "appsettings.json"));
}
