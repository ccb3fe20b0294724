using Microsoft.CodeAnalysis;
using VolumeGen.SourceGenerators.Diagnostics;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>What one usage diagnostic asks a fix to do: the folder to persist, and how the data gets into it.</summary>
internal sealed class FixRequest
{
    private FixRequest(Diagnostic diagnostic, string folder, ConfigurationMove? move, bool redirectKeys, string? ephemeralPath, string? app)
    {
        App = app;
        Diagnostic = diagnostic;
        Folder = folder;
        Move = move;
        RedirectKeys = redirectKeys;
        EphemeralPath = ephemeralPath;
    }

    public Diagnostic Diagnostic { get; }

    /// <summary>The container folder to declare (normalised).</summary>
    public string Folder { get; }

    /// <summary>A configuration value to move into <see cref="Folder"/>, when the path came from configuration.</summary>
    public ConfigurationMove? Move { get; }

    /// <summary>A key-ring diagnostic (VG2005/VG2006) whose folder is not the default key folder: the key ring must be pointed there.</summary>
    public bool RedirectKeys { get; }

    /// <summary>
    /// What "mark ephemeral" marks (the written folder or file), or null when losing the data is not a choice the fix
    /// offers: only a write (VG2001), never the key ring, and for a configured value only when the analyzer names it.
    /// </summary>
    public string? EphemeralPath { get; }

    /// <summary>For a write in a class library: the app project whose image it is built into, where the folder is declared; null for the app itself.</summary>
    public string? App { get; }

    /// <summary>
    /// The project the folder is declared in: the diagnostic's own, or for a class library the app's project of the
    /// solution (<see cref="App"/>, by name; a multi-targeting project's first); null when the solution does not hold it.
    /// </summary>
    public Project? DeclaringProject(Project diagnosticProject)
    {
        if (App is not string app)
        {
            return diagnosticProject;
        }

        foreach (Project project in diagnosticProject.Solution.Projects)
        {
            if (project.Language == LanguageNames.CSharp && (project.Name == app || project.Name.StartsWith(app + "(", System.StringComparison.Ordinal)))
            {
                return project;
            }
        }

        return null;
    }

    /// <summary>True when losing the data could be intended and the fix may mark it ephemeral (always second).</summary>
    public bool CanBeEphemeral => EphemeralPath is not null;

    /// <summary>The request of <paramref name="diagnostic"/>, or null when it names no folder a fix may declare.</summary>
    public static FixRequest? From(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticDescriptors.FolderProperty, out string? folder)
            || folder is null || !ContainerPath.IsAbsolute(folder))
        {
            return null;
        }

        string normalized = ContainerPath.Normalize(folder);
        bool keyRing = diagnostic.Id == DiagnosticDescriptors.DataProtectionKeysNotPersisted.Id || diagnostic.Id == DiagnosticDescriptors.ImplicitKeyRingNotPersisted.Id;
        ConfigurationMove? move = ConfigurationMove.From(diagnostic.Properties);
        string? ephemeral = null;
        if (diagnostic.Id == DiagnosticDescriptors.WriteOutsidePersistedPath.Id)
        {
            ephemeral = diagnostic.Properties.TryGetValue(DiagnosticDescriptors.EphemeralPathProperty, out string? marked) && marked is not null && ContainerPath.IsAbsolute(marked)
                ? ContainerPath.Normalize(marked)
                : move is null ? normalized : null;
        }

        string? app = diagnostic.Properties.TryGetValue(DiagnosticDescriptors.AppProperty, out string? named) && !string.IsNullOrEmpty(named) ? named : null;
        return new FixRequest(diagnostic, normalized, move, keyRing && !KeyRingRedirect.IsDefaultKeyFolder(normalized), ephemeral, app);
    }
}
