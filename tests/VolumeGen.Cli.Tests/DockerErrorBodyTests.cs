using VolumeGen.Cli;
using Xunit;

namespace VolumeGen.Cli.Tests;

/// <summary>The CLI's reading of the engine's JSON error body.</summary>
public sealed class DockerErrorBodyTests
{
    [Theory]
    [InlineData("{\"message\":\"No such image: \\\"shop:1\\\"\"}", "No such image: \"shop:1\"")]
    [InlineData("{\"message\": \"volume in use\\n(abc)\", \"extra\": 1}", "volume in use\n(abc)")]
    [InlineData("{\"message\":\"caf\\u00e9\"}", "café")]
    [InlineData("  plain text from a proxy \n", "plain text from a proxy")]
    [InlineData("{\"error\":\"no message field\"}", "{\"error\":\"no message field\"}")]
    [InlineData(null, "")]
    public void The_message_is_read_as_json(string? body, string expected)
        => Assert.Equal(expected, DockerErrorBody.Message(body));
}
