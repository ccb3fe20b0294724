using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Diagnostics;

/// <summary>Usage rules (VG2xxx): where code writes data, and whether that data survives the container.</summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>The category of every usage rule.</summary>
    public const string UsageCategory = "VolumeGen.Usage";

    /// <summary>The diagnostic property that carries the container folder a code fix should declare.</summary>
    public const string FolderProperty = "VolumeGen.Folder";

    /// <summary>VG2001: a write lands in the container's writable layer.</summary>
    public static readonly DiagnosticDescriptor WriteOutsidePersistedPath = new(
        id: "VG2001",
        title: "Data is written outside every persisted path",
        messageFormat: "{0} writes to '{1}' (container path '{2}'), which no volume or bind mount persists: the data is lost when the container is removed; {3}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The path resolves to a container folder that is not under any declared volume, bind mount, Dockerfile VOLUME, compose volume or volumegen.persisted_paths entry. Data written there lives in the container's thin writable layer and disappears with the container.",
        helpLinkUri: RuleIdentifiers.GetHelpUri("VG2001"));

    /// <summary>VG2002: a write lands in an anonymous volume.</summary>
    public static readonly DiagnosticDescriptor WriteIntoAnonymousVolume = new(
        id: "VG2002",
        title: "Data is written into an anonymous volume",
        messageFormat: "{0} writes to '{1}' (container path '{2}') in the anonymous volume at '{3}': it is removed with 'docker run --rm' and 'docker rm -v'; declare [PersistentVolume(\"{3}\")] instead if the data must survive",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Anonymous volumes ([AnonymousVolume], a compose volume without a source) outlive the writable layer but are deleted with the container by 'docker run --rm' or 'docker rm -v', and a new container gets a new, empty one. Use a named volume for data that must survive.",
        helpLinkUri: RuleIdentifiers.GetHelpUri("VG2002"));

    /// <summary>VG2003: a write lands in a read-only mount.</summary>
    public static readonly DiagnosticDescriptor WriteIntoReadOnlyMount = new(
        id: "VG2003",
        title: "Data is written into a read-only mount",
        messageFormat: "{0} writes to '{1}' (container path '{2}') in the read-only {3}: the write fails at run time with 'Read-only file system'; write below a writable volume or remove ReadOnly from the mount",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The path resolves into a mount declared read-only (ReadOnly = true, ':ro' or read_only: true in compose). Every write there throws an IOException in the container.",
        helpLinkUri: RuleIdentifiers.GetHelpUri("VG2003"));

    /// <summary>VG2004: a write lands in tmpfs.</summary>
    public static readonly DiagnosticDescriptor WriteIntoTmpfs = new(
        id: "VG2004",
        title: "Data is written into a tmpfs mount",
        messageFormat: "{0} writes to '{1}' (container path '{2}') in the tmpfs mount at '{3}': it lives in memory and is lost when the container stops; declare a [PersistentVolume] there if the data must survive",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A tmpfs mount is memory only: its content is gone when the container stops, and it counts against the container's memory. Fine for scratch data; wrong for anything that must survive.",
        helpLinkUri: RuleIdentifiers.GetHelpUri("VG2004"));

    /// <summary>VG2005: ASP.NET Core Data Protection keys stay in the writable layer.</summary>
    public static readonly DiagnosticDescriptor DataProtectionKeysNotPersisted = new(
        id: "VG2005",
        title: "Data Protection keys are kept in the container layer",
        messageFormat: "AddDataProtection() without PersistKeysTo* keeps its key ring in '{0}' (container path '{1}'), which no volume persists: every new container makes new keys and existing cookies, antiforgery and protected tokens stop working; call PersistKeysToFileSystem with a folder in a volume, or declare [PersistentVolume(\"{1}\")]",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Without PersistKeysTo*, ASP.NET Core keeps its Data Protection key ring under the user's home (~/.aspnet/DataProtection-Keys). In a container that folder is in the writable layer unless a volume covers it, so keys are regenerated on every new container.",
        helpLinkUri: RuleIdentifiers.GetHelpUri("VG2005"));
}
