namespace VolumeGen;

/// <summary>
/// One entry of the pod's <c>volumes</c>: its name, the mount it stands for and, for a bind mount, the resolved host
/// path or the ConfigMap it becomes.
/// </summary>
internal sealed record KubernetesPodVolume(string Name, Mount Mount, string? HostPath, string? ConfigMapName = null);
