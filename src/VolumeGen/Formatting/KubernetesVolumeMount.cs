namespace VolumeGen;

/// <summary>One entry of the container's <c>volumeMounts</c>.</summary>
internal sealed record KubernetesVolumeMount(string Name, string MountPath, bool ReadOnly);
