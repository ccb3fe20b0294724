namespace VolumeGen.Docker.Tests.Templates;

/// <summary>An SDK template with ASP.NET Core Identity (<c>--auth Individual</c>) and where its account pages live.</summary>
public sealed record AspNetTemplate(string ShortName, string ProjectName, string AccountPath)
{
    public static AspNetTemplate WebApp { get; } = new("webapp", "WebApp", "/Identity/Account");

    public static AspNetTemplate Mvc { get; } = new("mvc", "MvcApp", "/Identity/Account");

    public static AspNetTemplate Blazor { get; } = new("blazor", "BlazorApp", "/Account");

    public static AspNetTemplate Named(string shortName) => shortName switch
    {
        "webapp" => WebApp,
        "mvc" => Mvc,
        "blazor" => Blazor,
        _ => throw new System.ArgumentException("Unknown template " + shortName, nameof(shortName)),
    };

    public string RegisterPath => AccountPath + "/Register";

    public string LoginPath => AccountPath + "/Login";

    /// <summary>A page only a signed-in user gets (200); anyone else is sent to the login page (302).</summary>
    public string ManagePath => AccountPath + "/Manage";

    public override string ToString() => ShortName;
}
