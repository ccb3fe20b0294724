using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace VolumeGen.Docker.Tests.Templates;

/// <summary>
/// What a person does in the browser against an Identity template: fill the register form (with its antiforgery
/// token and every hidden field), follow the confirmation link the template shows when no e-mail sender is set up,
/// sign in, and open a page only a signed-in user gets. Cookies are kept, redirects are not followed (a 302 is the
/// answer a test reads).
/// </summary>
public sealed class IdentityBrowser : IDisposable
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(5);
    private readonly HttpClient _http;
    private readonly AspNetTemplate _template;

    public IdentityBrowser(AspNetTemplate template, Uri baseAddress)
    {
        _template = template;
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Registers and confirms the account; fails the test with the page when a step goes wrong.</summary>
    public async Task RegisterAsync(string email, string password)
    {
        (HttpResponseMessage response, string body) = await SubmitAsync(_template.RegisterPath, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Register answered {(int)response.StatusCode}, not a redirect to the confirmation page:\n{Text(body)}");

        string confirmation = await GetAsync(response.Headers.Location!.ToString());
        Match link = Regex.Match(confirmation, "href=\"([^\"]*ConfirmEmail[^\"]*)\"", RegexOptions.None, RegexTimeout);
        Assert.True(link.Success, "The registration confirmation page shows no confirmation link:\n" + Text(confirmation));
        string confirmed = await GetAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Contains("Thank you for confirming your email", confirmed, StringComparison.Ordinal);
    }

    /// <summary>Signs in; true when the app accepted the password (a redirect and the Identity cookie).</summary>
    public async Task<bool> SignInAsync(string email, string password)
    {
        (HttpResponseMessage response, _) = await SubmitAsync(_template.LoginPath, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return response.StatusCode == HttpStatusCode.Redirect
            && Cookies.GetCookies(_http.BaseAddress!).Any(static c => c.Name == ".AspNetCore.Identity.Application");
    }

    /// <summary>True when the app takes the cookies as a signed-in user (the manage page answers 200, not a redirect to login).</summary>
    public async Task<bool> IsSignedInAsync()
    {
        using HttpResponseMessage response = await _http.GetAsync(_template.ManagePath);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Carries the cookies of another browser over (the same person, after the container was replaced).</summary>
    public void UseCookiesOf(IdentityBrowser other) => Cookies.Add(other.Cookies.GetAllCookies());

    public void Dispose() => _http.Dispose();

    private async Task<string> GetAsync(string url)
    {
        using HttpResponseMessage response = await _http.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}:\n{Text(body)}");
        return body;
    }

    /// <summary>Posts the form of <paramref name="path"/> that has the given fields, with all its hidden fields (antiforgery token, Blazor's handler name).</summary>
    private async Task<(HttpResponseMessage Response, string Body)> SubmitAsync(string path, Dictionary<string, string> fields)
    {
        string page = await GetAsync(path);
        Match form = Regex.Matches(page, "<form\\b[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase, RegexTimeout)
            .FirstOrDefault(f => f.Value.Contains("name=\"" + fields.Keys.First() + "\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{path} has no form with {fields.Keys.First()}:\n{Text(page)}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (Match input in Regex.Matches(form.Value, "<input\\b[^>]*>", RegexOptions.IgnoreCase, RegexTimeout))
        {
            if (Attribute(input.Value, "type") == "hidden" && Attribute(input.Value, "name") is string name && !fields.ContainsKey(name))
            {
                values.Add(new(name, WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? string.Empty)));
            }
        }

        values.AddRange(fields);
        string action = Attribute(Regex.Match(form.Value, "<form\\b[^>]*>", RegexOptions.IgnoreCase, RegexTimeout).Value, "action") is string a && a.Length > 0
            ? WebUtility.HtmlDecode(a)
            : path;
        HttpResponseMessage response = await _http.PostAsync(action, new FormUrlEncodedContent(values));
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static string? Attribute(string tag, string name)
    {
        Match match = Regex.Match(tag, "\\b" + name + "=\"([^\"]*)\"", RegexOptions.IgnoreCase, RegexTimeout);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The page's text without markup, shortened: enough to see why a step failed.</summary>
    private static string Text(string html)
    {
        string text = Regex.Replace(Regex.Replace(html, "<(script|style)\\b.*?</\\1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase, RegexTimeout), "<[^>]+>", " ", RegexOptions.None, RegexTimeout);
        text = Regex.Replace(WebUtility.HtmlDecode(text), "\\s+", " ", RegexOptions.None, RegexTimeout).Trim();
        return text.Length > 1500 ? text.Substring(0, 1500) + "…" : text;
    }
}
