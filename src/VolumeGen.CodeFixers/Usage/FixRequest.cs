using Microsoft.CodeAnalysis;
using VolumeGen.SourceGenerators.Diagnostics;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>What one usage diagnostic asks a fix to do: the folder to persist, and how the data gets into it.</summary>
internal sealed class FixRequest
{
    private FixRequest(Diagnostic diagnostic, string folder, ConfigurationMove? move, bool redirectKeys)
    {
        Diagnostic = diagnostic;
        Folder = folder;
        Move = move;
        RedirectKeys = redirectKeys;
    }

    public Diagnostic Diagnostic { get; }

    /// <summary>The container folder to declare (normalised).</summary>
    public string Folder { get; }

    /// <summary>A configuration value to move into <see cref="Folder"/>, when the path came from configuration.</summary>
    public ConfigurationMove? Move { get; }

    /// <summary>VG2005 with a folder other than the default key folder: the key ring must be pointed there.</summary>
    public bool RedirectKeys { get; }

    /// <summary>True when losing the data could be intended: a plain write, not a configured value or the key ring.</summary>
    public bool CanBeEphemeral => Move is null && Diagnostic.Id == DiagnosticDescriptors.WriteOutsidePersistedPath.Id;

    /// <summary>The request of <paramref name="diagnostic"/>, or null when it names no folder a fix may declare.</summary>
    public static FixRequest? From(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticDescriptors.FolderProperty, out string? folder)
            || folder is null || !ContainerPath.IsAbsolute(folder))
        {
            return null;
        }

        string normalized = ContainerPath.Normalize(folder);
        bool keys = diagnostic.Id == DiagnosticDescriptors.DataProtectionKeysNotPersisted.Id && !KeyRingRedirect.IsDefaultKeyFolder(normalized);
        return new FixRequest(diagnostic, normalized, ConfigurationMove.From(diagnostic.Properties), keys);
    }
}
