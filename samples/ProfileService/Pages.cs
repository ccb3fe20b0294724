using System.Net;

namespace ProfileService;

/// <summary>The HTML the service serves. Every user value is HTML-encoded.</summary>
public static class Pages
{
    public static string Register(string? error = null) => Layout("Register", $"""
        <h1>Register</h1>
        {(error is null ? string.Empty : $"<p class=\"error\">{WebUtility.HtmlEncode(error)}</p>")}
        <form method="post" action="/register">
          <label>Name <input name="name" required pattern="[a-z0-9-]{1,40}"></label>
          <label>E-mail <input name="email" type="email" required></label>
          <button type="submit">Register</button>
        </form>
        """);

    public static string Profile(Profile profile, bool hasAvatar)
    {
        string name = WebUtility.HtmlEncode(profile.Name);
        string avatar = hasAvatar ? $"<img src=\"/u/{name}/avatar\" alt=\"avatar of {name}\" width=\"128\">" : "<p>No avatar yet.</p>";
        return Layout(profile.Name, $"""
            <h1>{name}</h1>
            {avatar}
            <p>E-mail: {WebUtility.HtmlEncode(profile.Email)}</p>
            <p>Registered: {profile.Registered:yyyy-MM-dd}</p>
            <form method="post" action="/u/{name}/avatar" enctype="multipart/form-data">
              <input type="file" name="avatar" accept="image/*" required>
              <button type="submit">Upload avatar</button>
            </form>
            """);
    }

    private static string Layout(string title, string body)
        => $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body>\n{body}\n</body></html>\n";
}
