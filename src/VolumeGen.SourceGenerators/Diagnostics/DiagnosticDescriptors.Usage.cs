using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Diagnostics;

/// <summary>Usage rules (VG2xxx): where code writes data, and whether that data survives the container.</summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>The category of every usage rule.</summary>
    public const string UsageCategory = "VolumeGen.Usage";

    /// <summary>
    /// The diagnostic property that carries the container folder a code fix should declare as a persistent volume: the
    /// one data root for writes under the working directory (never the working directory itself), else the written
    /// folder. It may already be persisted (then only the data has to move there).
    /// </summary>
    public const string FolderProperty = "VolumeGen.Folder";

    /// <summary>
    /// What <c>[assembly: EphemeralPath]</c> marks when losing the data is intended: the written folder, or the written
    /// file when its folder is the working directory or above. Never the data root unless the write is there.
    /// </summary>
    public const string EphemeralPathProperty = "VolumeGen.EphemeralPath";

    /// <summary>For a path from configuration: the AdditionalFile path of the JSON file that supplied the value.</summary>
    public const string ConfigFileProperty = "VolumeGen.ConfigFile";

    /// <summary>For a path from configuration: the key in colon form, e.g. <c>ConnectionStrings:DefaultConnection</c>.</summary>
    public const string ConfigKeyProperty = "VolumeGen.ConfigKey";

    /// <summary>For a path from configuration: the value as written in the file.</summary>
    public const string ConfigValueProperty = "VolumeGen.ConfigValue";

    /// <summary>
    /// For a path from configuration: the whole new value that puts the data inside <see cref="FolderProperty"/>, in the
    /// value's own form (connection string options kept), e.g. <c>DataSource=/app/data/app.db;Cache=Shared</c>.
    /// </summary>
    public const string ConfigSuggestedValueProperty = "VolumeGen.ConfigSuggestedValue";

    /// <summary>
    /// For a write in a class library built into an app's image: the app's project name (<c>Web</c>). Its declarations
    /// are the image's, so a fix declares the folder in that project of the solution, never in the library.
    /// </summary>
    public const string AppProperty = "VolumeGen.App";

    /// <summary>VG2001: a write lands in the container's writable layer.</summary>
    public static readonly DiagnosticDescriptor WriteOutsidePersistedPath = new(
        id: "VG2001",
        title: "Data is written outside every persisted path",
        messageFormat: "{0} writes to '{1}' (container path '{2}'), which no volume or bind mount persists: the data is lost when the container is removed; {3}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The path resolves to a container folder that is not under any declared volume, bind mount, Dockerfile VOLUME, compose volume or volumegen.persisted_paths entry. Data written there lives in the container's thin writable layer and disappears with the container.",
        helpLinkUri: RuleHelpLinks.For("VG2001"));

    /// <summary>VG2002: a write lands in an anonymous volume.</summary>
    public static readonly DiagnosticDescriptor WriteIntoAnonymousVolume = new(
        id: "VG2002",
        title: "Data is written into an anonymous volume",
        messageFormat: "{0} writes to '{1}' (container path '{2}') in the anonymous volume at '{3}': it is removed with 'docker run --rm' and 'docker rm -v'; declare [PersistentVolume(\"{3}\")] instead if the data must survive",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Anonymous volumes ([AnonymousVolume], a compose volume without a source) outlive the writable layer but are deleted with the container by 'docker run --rm' or 'docker rm -v', and a new container gets a new, empty one. Use a named volume for data that must survive.",
        helpLinkUri: RuleHelpLinks.For("VG2002"));

    /// <summary>VG2003: a write lands in a read-only mount.</summary>
    public static readonly DiagnosticDescriptor WriteIntoReadOnlyMount = new(
        id: "VG2003",
        title: "Data is written into a read-only mount",
        messageFormat: "{0} writes to '{1}' (container path '{2}') in the read-only {3}: the write fails at run time with 'Read-only file system'; write below a writable volume or remove ReadOnly from the mount",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The path resolves into a mount declared read-only (ReadOnly = true, ':ro' or read_only: true in compose). Every write there throws an IOException in the container.",
        helpLinkUri: RuleHelpLinks.For("VG2003"));

    /// <summary>VG2004: a write lands in tmpfs.</summary>
    public static readonly DiagnosticDescriptor WriteIntoTmpfs = new(
        id: "VG2004",
        title: "Data is written into a tmpfs mount",
        messageFormat: "{0} writes to '{1}' (container path '{2}') in the tmpfs mount at '{3}': it lives in memory and is lost when the container stops; declare a [PersistentVolume] there if the data must survive",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A tmpfs mount is memory only: its content is gone when the container stops, and it counts against the container's memory. Fine for scratch data; wrong for anything that must survive.",
        helpLinkUri: RuleHelpLinks.For("VG2004"));

    /// <summary>VG2005: ASP.NET Core Data Protection keys stay in the writable layer.</summary>
    public static readonly DiagnosticDescriptor DataProtectionKeysNotPersisted = new(
        id: "VG2005",
        title: "Data Protection keys are kept in the container layer",
        messageFormat: "AddDataProtection() without PersistKeysTo* keeps its key ring in '{0}' (container path '{1}'), which no volume persists: every new container makes new keys and existing cookies, antiforgery and protected tokens stop working; call PersistKeysToFileSystem with a folder in a volume, or declare [PersistentVolume(\"{1}\")]",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Without PersistKeysTo*, ASP.NET Core keeps its Data Protection key ring under the user's home (~/.aspnet/DataProtection-Keys). In a container that folder is in the writable layer unless a volume covers it, so keys are regenerated on every new container.",
        helpLinkUri: RuleHelpLinks.For("VG2005"));

    /// <summary>VG2006: authentication, Identity, session or antiforgery use a key ring that stays in the writable layer.</summary>
    public static readonly DiagnosticDescriptor ImplicitKeyRingNotPersisted = new(
        id: "VG2006",
        title: "Sign-in, session or antiforgery keys are kept in the container layer",
        messageFormat: "{0} uses ASP.NET Core Data Protection, whose key ring is kept in '{1}' (container path '{2}'), which no volume persists: after each redeploy {3}; declare [PersistentVolume(\"{2}\")] on the storage class, or persist the keys with AddDataProtection().PersistKeysToFileSystem(...) into a volume",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Cookie authentication, ASP.NET Core Identity, session and antiforgery (also the one MVC views and Razor Pages register) protect their cookies and tokens with the Data Protection key ring even when the app never calls AddDataProtection(). Without PersistKeysTo* the ring lives in the app user's ~/.aspnet/DataProtection-Keys; unless a volume covers it, every new container makes new keys. Reported once, at the first such registration.",
        helpLinkUri: RuleHelpLinks.For("VG2006"));

    /// <summary>VG2007: PersistKeysToFileSystem names a folder, or PersistKeysToDbContext a database, that dies with the container.</summary>
    public static readonly DiagnosticDescriptor KeyRingFolderNotPersisted = new(
        id: "VG2007",
        title: "Data Protection keys are persisted to a folder or database no volume keeps",
        messageFormat: "{0} keeps the Data Protection key ring in '{1}' (container path '{2}'), which no volume persists: after each redeploy every signed-in user is logged out and forms opened before it are rejected; {3}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "PersistKeysToFileSystem writes the key ring into the given folder, PersistKeysToDbContext into the context's database. When that folder, or the SQLite file of that database, is in the container's writable layer, the keys still die with the container: persisting them there does not help.",
        helpLinkUri: RuleHelpLinks.For("VG2007"));


    /// <summary>VG2008: which container files the analyzers read, when several Dockerfiles fit or none does.</summary>
    public static readonly DiagnosticDescriptor ContainerFilesChosen = new(
        id: "VG2008",
        title: "Which Dockerfile the analyzers read",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The analyzers take the working directory, user, volumes and environment from the Dockerfile that builds the project: the one VolumeGenDockerfile names, one in the project folder or listed in VolumeGenContainerFiles, or one above the project (up to the repository root) whose COPY, ADD, RUN, ENTRYPOINT or CMD names the project's .csproj or .dll. When several fit, or none does, this says which was used rather than guessing silently. Reported once per project, on the Dockerfile.",
        helpLinkUri: RuleHelpLinks.For("VG2008"));

    /// <summary>VG2009: a class library is built into an app's image whose declarations it cannot know, or into several images.</summary>
    public static readonly DiagnosticDescriptor LibraryImageUnknown = new(
        id: "VG2009",
        title: "A class library's writes cannot be judged against the app that ships it",
        messageFormat: "{0}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A class library is judged against the app whose image it is built into: the Dockerfile that copies the library's project file and runs another project names the app, and the app's committed storage lock (volumegen.lock.json beside its project) says what the app declares. When that lock is missing, unreadable or written by an older VolumeGen, or the library is built into several apps' images, VolumeGen cannot tell where its writes land and reports none of them; this says why. Reported once per project, on the Dockerfile.",
        helpLinkUri: RuleHelpLinks.For("VG2009"));
}
