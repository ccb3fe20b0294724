using VolumeGen.SourceGenerators.Usage.Configuration;
using VolumeGen.SourceGenerators.Usage.Persisted;

namespace VolumeGen.SourceGenerators.Usage.Verdicts;

/// <summary>The words of a verdict: how a written path is shown and what the message proposes.</summary>
internal static class VerdictText
{
    /// <summary>A configuration value as messages show it: <c>appsettings.json: ConnectionStrings:Db = "DataSource=app.db"</c>.</summary>
    public static string Describe(ConfigurationEntry entry)
        => entry.SourceName + ": " + entry.WrittenName + " = \"" + entry.Value + "\"";

    /// <summary>
    /// The fix a VG2001/VG2007 message proposes: persist the one data root (moving the data there when it is elsewhere,
    /// by changing the configured value when it comes from configuration), or mark the written folder ephemeral.
    /// </summary>
    public static string Fix(WriteVerdict verdict, string resolvedPath, ConfigurationEntry? origin, string? suggestedValue, PersistedKnowledge knowledge)
    {
        if (verdict.SuggestedFolder is not string root)
        {
            string folder = verdict.WrittenFolder ?? WriteVerdict.Parent(resolvedPath);
            return knowledge.DataRoot is string dataRoot && ContainerPath.IsUnder(folder, knowledge.WorkingDirectory) && !ContainerPath.IsUnder(knowledge.WorkingDirectory, dataRoot)
                ? "write below a declared volume instead (a volume at '" + dataRoot + "', the data folder, would overlap the mounts below it)"
                : "write below a declared volume instead (a volume at '" + folder + "' would hide the application's or the system's files)";
        }

        KnownMount? existing = knowledge.Find(root);
        bool persisted = existing is not null && existing.Path == root && existing.Persistence == Persistence.Persistent;
        // A library's declarations never reach the image: the volume is declared in the app that ships it.
        string declare = "declare [PersistentVolume(\"" + root + "\")] on " + (knowledge.AppName is string app ? app + "'s storage class" : "the storage class");
        string ephemeral = verdict.EphemeralPath is string marked ? ", or [assembly: EphemeralPath(\"" + marked + "\")] if losing it is intended" : string.Empty;
        if (origin is not null && suggestedValue is not null && suggestedValue != origin.Value)
        {
            return "set " + origin.WrittenName + " in " + origin.SourceName + " to \"" + suggestedValue + "\""
                + (persisted ? " (inside the volume at '" + root + "')" : " and " + declare) + ephemeral;
        }

        if (verdict.MustMove)
        {
            return "keep the app's data in one folder: move it into '" + root + "'" + (persisted ? ", which a volume already persists" : " and " + declare) + ephemeral;
        }

        return declare + ephemeral;
    }
}
