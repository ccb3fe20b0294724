using VolumeGen.CodeFixers.Usage;
using Xunit;

namespace VolumeGen.CodeFixers.Tests.Usage;

/// <summary>Finding one configuration value in JSON text the way the JSON configuration provider reads it.</summary>
public sealed class JsonSettingsTextTests
{
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
    public void Finds_the_string_and_its_span(string key, string expected)
    {
        var found = JsonSettingsText.FindString(Settings, key);

        Assert.NotNull(found);
        Assert.Equal(expected, found.Value.Value);
        Assert.Equal(JsonSettingsText.Quote(expected), Settings.Substring(found.Value.Start, found.Value.Length));
    }

    [Theory]
    [InlineData("ConnectionStrings")]
    [InlineData("ConnectionStrings:Other")]
    [InlineData("Number")]
    [InlineData("Serilog:WriteTo:2:Args:path")]
    public void Finds_nothing_for_an_absent_key_an_object_or_a_number(string key)
        => Assert.Null(JsonSettingsText.FindString(Settings, key));

    [Theory]
    [InlineData("{ \"a\": ")]
    [InlineData("{ \"a\": \"x\" } trailing")]
    [InlineData("{ /* open")]
    [InlineData("")]
    public void Broken_text_finds_nothing(string text)
        => Assert.Null(JsonSettingsText.FindString(text, "a"));

    [Fact]
    public void The_last_duplicate_wins()
        => Assert.Equal("second", JsonSettingsText.FindString("{\"a\":\"first\",\"A\":\"second\"}", "a")!.Value.Value);
}
