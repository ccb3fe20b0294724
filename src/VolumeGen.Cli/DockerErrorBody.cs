using System.Text.Json;

namespace VolumeGen.Cli;

/// <summary>The Docker engine's error response body (<c>{"message": "..."}</c>), read as JSON.</summary>
internal static class DockerErrorBody
{
    /// <summary>The body's <c>message</c>; the trimmed body when it is not such a JSON object.</summary>
    public static string Message(string? body)
    {
        string text = body ?? string.Empty;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out JsonElement message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString() ?? string.Empty;
            }
        }
        catch (JsonException)
        {
        }

        return text.Trim();
    }
}
