namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// The diagnostic properties the usage fixes read, beyond <c>DiagnosticDescriptors.FolderProperty</c>: where a
/// verdict's path came from configuration, and the value that moves it into the folder to declare. The analyzer
/// sets them (the contract of issue 12); a fix that finds them incomplete edits no configuration file.
/// </summary>
internal static class FixProperties
{
    /// <summary>The AdditionalFile path of the JSON file that holds the value (e.g. <c>/src/App/appsettings.json</c>).</summary>
    public const string ConfigFile = "VolumeGen.ConfigFile";

    /// <summary>The configuration key in colon form (e.g. <c>ConnectionStrings:DefaultConnection</c>).</summary>
    public const string ConfigKey = "VolumeGen.ConfigKey";

    /// <summary>The value as written in the file (e.g. <c>DataSource=app.db;Cache=Shared</c>).</summary>
    public const string ConfigValue = "VolumeGen.ConfigValue";

    /// <summary>The whole new value, placing the data inside the folder to declare (e.g. <c>DataSource=/app/data/app.db;Cache=Shared</c>).</summary>
    public const string ConfigSuggestedValue = "VolumeGen.ConfigSuggestedValue";
}
