namespace VolumeGen;

/// <summary>The workload <see cref="KubernetesManifests"/> writes a patch for.</summary>
public enum KubernetesWorkload
{
    /// <summary>
    /// A Deployment, with a PersistentVolumeClaim per named volume. With ReadWriteOnce claims it gets
    /// <c>strategy: Recreate</c>: a rolling update cannot start the new pod while the old one holds the volume.
    /// </summary>
    Deployment = 0,

    /// <summary>A StatefulSet: each named volume is a <c>volumeClaimTemplates</c> entry, so every replica gets its own claim.</summary>
    StatefulSet = 1,
}
