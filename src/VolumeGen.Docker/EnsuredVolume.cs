namespace VolumeGen.Docker;

/// <summary>One declared named volume and what <c>VolumeProvisioning.EnsureVolumesAsync</c> did for it.</summary>
public sealed class EnsuredVolume
{
    /// <summary>Creates a result entry.</summary>
    public EnsuredVolume(string name, string target, bool created, bool managedByVolumeGen)
    {
        Name = name;
        Target = target;
        Created = created;
        ManagedByVolumeGen = managedByVolumeGen;
    }

    /// <summary>The volume name.</summary>
    public string Name { get; }

    /// <summary>The container path it was declared for (the first, when several mounts share the volume).</summary>
    public string Target { get; }

    /// <summary>True when this call created it; false when it already existed (and was left untouched).</summary>
    public bool Created { get; }

    /// <summary>True when the volume carries the <see cref="VolumeLabels.Managed"/> label.</summary>
    public bool ManagedByVolumeGen { get; }

    /// <inheritdoc />
    public override string ToString() => $"{(Created ? "created" : "exists")} {Name} ({Target})";
}
