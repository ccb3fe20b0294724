namespace VolumeGen;

/// <summary>A PersistentVolumeClaim <see cref="KubernetesPlan"/> gives a named volume: the Docker name and the claim's DNS-1123 name.</summary>
internal sealed record KubernetesClaim(string DockerName, string Name);
