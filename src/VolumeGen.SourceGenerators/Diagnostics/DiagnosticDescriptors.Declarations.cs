using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Diagnostics;

/// <summary>Declaration rules (VG1xxx): reported by <see cref="Analyzers.DeclarationAnalyzer"/> on the VolumeGen attributes.</summary>
internal static partial class DiagnosticDescriptors
{
    public const string DeclarationCategory = "VolumeGen.Declaration";

    public const string StorageClassNotPartialId = "VG1020";
    public const string ArgumentHasNoValueId = "VG1021";
    public const string StorageClassShapeNotSupportedId = "VG1022";
    public const string GeneratedMemberNameTakenId = "VG1023";

    public static readonly DiagnosticDescriptor TargetNotAbsolute = Validator("VG1001", "Container path is not absolute", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DotDotSegment = Validator("VG1002", "Container path has a '..' segment", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ControlCharacter = Validator("VG1003", "Path or name holds a control character", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ColonInPath = Validator("VG1004", "Path holds ':', which 'docker run -v' splits on", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidVolumeName = Validator("VG1005", "Volume name is not valid for Docker", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateTarget = Validator("VG1006", "Two mounts share one container path", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NestedTarget = Validator("VG1007", "Mount lies inside another mount", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SystemDirectoryTarget = Validator("VG1008", "Mount hides a system directory", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SensitiveBindSource = Validator("VG1009", "Bind mount exposes a sensitive host path", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidTmpfsSize = Validator("VG1010", "Tmpfs size is not positive", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidTmpfsMode = Validator("VG1011", "Tmpfs mode is outside 0 to 0777", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EmptyBindSource = Validator("VG1012", "Bind mount host path is empty", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor StorageClassNotPartial = new(
        StorageClassNotPartialId,
        "Storage class must be partial",
        "'{0}' declares VolumeGen mounts but {1} is not declared 'partial', so VolumeGen cannot add its path constants and Mounts; add 'partial'",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "VolumeGen generates members into the class that declares the mounts; the class and every type containing it must be declared partial.",
        helpLinkUri: RuleHelpLinks.For(StorageClassNotPartialId));

    public static readonly DiagnosticDescriptor ArgumentHasNoValue = new(
        ArgumentHasNoValueId,
        "Mount argument has no value",
        "The {0} of this mount is null; write the path as a non-null string constant such as \"/app/data\"",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A mount's container path and a bind mount's host path must be non-null compile-time constants; VolumeGen generates nothing for a class with a null path.",
        helpLinkUri: RuleHelpLinks.For(ArgumentHasNoValueId));

    public static readonly DiagnosticDescriptor StorageClassShapeNotSupported = new(
        StorageClassShapeNotSupportedId,
        "Storage class cannot be generic or file-local",
        "'{0}' declares VolumeGen mounts but {1}; declare the mounts on a non-generic, non-file-local class",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Mount constants are per class, not per type argument, and generated code cannot extend a file-local type; VolumeGen generates nothing for such a class.",
        helpLinkUri: RuleHelpLinks.For(StorageClassShapeNotSupportedId));

    public static readonly DiagnosticDescriptor GeneratedMemberNameTaken = new(
        GeneratedMemberNameTakenId,
        "Storage class uses a name VolumeGen generates",
        "'{0}' already uses the name '{1}', which VolumeGen generates into every storage class (Mounts, RunArguments, CommandLine, Resolve, DockerfileVolume); rename it or move the mounts to another class",
        DeclarationCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every storage class gets the members Mounts, RunArguments, CommandLine, Resolve and DockerfileVolume; a class that already declares one of these names (or is named so) cannot be generated.",
        helpLinkUri: RuleHelpLinks.For(GeneratedMemberNameTakenId));

    public const string VolumeOverAppFolderId = "VG1013";

    /// <summary>VG1013: a volume or tmpfs at or above the container's working directory (the app folder).</summary>
    public static readonly DiagnosticDescriptor VolumeOverAppFolder = new(
        VolumeOverAppFolderId,
        "Volume over the app folder",
        "The {0} covers the container's working directory '{1}', where the published app lives: it hides the app's files, and a named volume keeps the first image's binaries across every upgrade; declare a folder below it instead, such as '{2}'",
        DeclarationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A volume whose target is the working directory or one of its parents is mounted over the published application. An empty named volume is filled from the image once and then keeps those files, so later images' binaries never show; an anonymous volume or tmpfs hides them. Keep data in a folder below the working directory (e.g. /app/data). The working directory is volumegen.working_directory, else ContainerWorkingDirectory, else the Dockerfile's final WORKDIR, else /app.",
        helpLinkUri: RuleHelpLinks.For(VolumeOverAppFolderId));

    /// <summary>The descriptor of a <see cref="MountValidator"/> code, or null for an unknown code.</summary>
    public static DiagnosticDescriptor? ForProblem(MountProblemCode code) => code switch
    {
        MountProblemCode.TargetNotAbsolute => TargetNotAbsolute,
        MountProblemCode.DotDotSegment => DotDotSegment,
        MountProblemCode.ControlCharacter => ControlCharacter,
        MountProblemCode.ColonInPath => ColonInPath,
        MountProblemCode.InvalidVolumeName => InvalidVolumeName,
        MountProblemCode.DuplicateTarget => DuplicateTarget,
        MountProblemCode.NestedTarget => NestedTarget,
        MountProblemCode.SystemDirectoryTarget => SystemDirectoryTarget,
        MountProblemCode.SensitiveBindSource => SensitiveBindSource,
        MountProblemCode.InvalidTmpfsSize => InvalidTmpfsSize,
        MountProblemCode.InvalidTmpfsMode => InvalidTmpfsMode,
        MountProblemCode.EmptyBindSource => EmptyBindSource,
        _ => null,
    };

    // The validator's message names the value and the fix; the descriptor adds the title and help link.
    private static DiagnosticDescriptor Validator(string id, string title, DiagnosticSeverity severity)
        => new(
            id,
            title,
            "{0}",
            DeclarationCategory,
            severity,
            isEnabledByDefault: true,
            description: "Reported from MountValidator, the rule the build task and the CLI apply too. VolumeGen generates nothing for a class whose declarations have an error.",
            helpLinkUri: RuleHelpLinks.For(id));
}
