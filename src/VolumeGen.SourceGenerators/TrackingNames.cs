namespace VolumeGen.SourceGenerators;

/// <summary>Names of the generator's pipeline steps (<c>WithTrackingName</c>), for the incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string PersistentVolumeClasses = "VolumeGen.PersistentVolumeClasses";
    public const string AnonymousVolumeClasses = "VolumeGen.AnonymousVolumeClasses";
    public const string BindMountClasses = "VolumeGen.BindMountClasses";
    public const string TmpfsMountClasses = "VolumeGen.TmpfsMountClasses";
    public const string EphemeralPathClasses = "VolumeGen.EphemeralPathClasses";
    public const string AssemblyEphemeralPaths = "VolumeGen.AssemblyEphemeralPaths";
    public const string StorageClasses = "VolumeGen.StorageClasses";
    public const string GeneratedClasses = "VolumeGen.GeneratedClasses";
    public const string ManifestJson = "VolumeGen.ManifestJson";

    /// <summary>Every name above.</summary>
    public static readonly string[] All =
    {
        PersistentVolumeClasses, AnonymousVolumeClasses, BindMountClasses, TmpfsMountClasses, EphemeralPathClasses,
        AssemblyEphemeralPaths, StorageClasses, GeneratedClasses, ManifestJson,
    };
}
