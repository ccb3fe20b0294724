using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Usage.KeyRing;

/// <summary>
/// The ASP.NET Core registrations that use the Data Protection key ring without an <c>AddDataProtection()</c> call of
/// the app's own (Identity, cookies, session, antiforgery — also MVC views and Razor Pages, which add antiforgery), and
/// what the user sees when the ring is lost. Matched by containing type name (two assemblies define
/// <c>IdentityServiceCollectionExtensions</c>, so a metadata-name lookup would be ambiguous).
/// </summary>
internal static class KeyRingUser
{
    private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection";
    private const string Identity = "Microsoft.AspNetCore.Identity";

    private const string LoggedOut = "every signed-in user is logged out and forms opened before it are rejected";
    private const string SessionLost = "every session is lost and forms opened before it are rejected";
    private const string FormsRejected = "forms opened before it are rejected";

    /// <summary>The registrations' names, for a search of the text before any syntax is walked.</summary>
    public static IReadOnlyList<string> Names { get; } = new[]
    {
        "AddDefaultIdentity", "AddIdentity", "AddIdentityApiEndpoints", "AddIdentityCookies", "AddSignInManager", "AddCookie", "AddSession", "AddAntiforgery",
        "AddControllersWithViews", "AddMvc", "AddRazorPages",
    };

    /// <summary>True for a method name that may be such a registration (the cheap first check, before any symbol work).</summary>
    public static bool IsCandidateName(string name) => name switch
    {
        "AddDefaultIdentity" or "AddIdentity" or "AddIdentityApiEndpoints" or "AddIdentityCookies" or "AddSignInManager"
            or "AddCookie" or "AddSession" or "AddAntiforgery" or "AddControllersWithViews" or "AddMvc" or "AddRazorPages" => true,
        _ => false,
    };

    /// <summary>How much the user loses with the key ring (sign-in above session above forms): the rule speaks at the first registration of the highest.</summary>
    public static int Weight(string effect) => effect switch
    {
        LoggedOut => 3,
        SessionLost => 2,
        _ => 1,
    };

    /// <summary>What the user sees when the key ring of <paramref name="method"/> is lost, or null when it is not such a registration.</summary>
    public static string? EffectOf(IMethodSymbol method)
    {
        INamedTypeSymbol? type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        string ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return (method.Name, type.Name) switch
        {
            ("AddDefaultIdentity", "IdentityServiceCollectionUIExtensions") when ns == DependencyInjection => LoggedOut,
            ("AddIdentity" or "AddIdentityApiEndpoints", "IdentityServiceCollectionExtensions") when ns == DependencyInjection => LoggedOut,
            ("AddIdentityCookies", "IdentityCookieAuthenticationBuilderExtensions") when ns == Identity => LoggedOut,
            ("AddSignInManager", "IdentityBuilderExtensions") when ns == Identity => LoggedOut,
            ("AddCookie", "CookieExtensions") when ns == DependencyInjection => LoggedOut,
            ("AddSession", "SessionServiceCollectionExtensions") when ns == DependencyInjection => SessionLost,
            ("AddAntiforgery", "AntiforgeryServiceCollectionExtensions") when ns == DependencyInjection => FormsRejected,
            // MVC views and Razor Pages register antiforgery themselves: their forms carry tokens protected by the key ring.
            ("AddControllersWithViews" or "AddMvc" or "AddRazorPages", "MvcServiceCollectionExtensions") when ns == DependencyInjection => FormsRejected,
            _ => null,
        };
    }

    /// <summary>True for <c>DataProtectionServiceCollectionExtensions.AddDataProtection</c>.</summary>
    public static bool IsAddDataProtection(IMethodSymbol method)
        => method.Name == "AddDataProtection" && method.ContainingType is { Name: "DataProtectionServiceCollectionExtensions" } type
        && string.Equals(type.ContainingNamespace?.ToDisplayString(), DependencyInjection, StringComparison.Ordinal);
}
