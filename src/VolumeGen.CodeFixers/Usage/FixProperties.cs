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

    /// <summary>What <c>[assembly: EphemeralPath]</c> marks when losing the data is intended: the written folder, or the written file.</summary>
    public const string EphemeralPath = "VolumeGen.EphemeralPath";

    /// <summary>VG2006: a registration (Identity, cookies, session, antiforgery) uses a key ring no volume keeps.</summary>
    public const string ImplicitKeyRingId = "VG2006";

    /// <summary>VG2007: <c>PersistKeysToFileSystem</c> names a folder no volume keeps (the keys are there already: declare it).</summary>
    public const string KeyRingFolderId = "VG2007";
}
