using System;
using System.Collections.Generic;

namespace VolumeGen;

/// <summary>Options for <see cref="KubernetesManifests"/>.</summary>
public sealed class KubernetesOptions
{
    /// <summary>Storage requested by each PersistentVolumeClaim (Kubernetes quantity). Default <c>1Gi</c>.</summary>
    public string StorageRequest { get; set; } = "1Gi";

    /// <summary>Access mode of each claim. Default <c>ReadWriteOnce</c>.</summary>
    public string AccessMode { get; set; } = "ReadWriteOnce";

    /// <summary>Storage class of each claim; null leaves the cluster default.</summary>
    public string? StorageClassName { get; set; }

    /// <summary>Emit bind mounts as <c>hostPath</c> volumes. Off by default: hostPath ties a pod to one node and is a security risk.</summary>
    public bool IncludeHostPath { get; set; }

    /// <summary>Root for relative bind sources when <see cref="IncludeHostPath"/> is on.</summary>
    public string? BindRoot { get; set; }
}

/// <summary>
/// Kubernetes YAML: a PersistentVolumeClaim per named volume and a kustomize-ready strategic-merge patch of a
/// Deployment with the pod's <c>volumes</c> and the container's <c>volumeMounts</c>. Named volume → PVC,
/// anonymous volume → <c>emptyDir</c>, tmpfs → <c>emptyDir {medium: Memory, sizeLimit}</c>, bind →
/// <c>hostPath</c> only with <see cref="KubernetesOptions.IncludeHostPath"/>.
/// </summary>
public static class KubernetesManifests
{
    /// <summary>The multi-document YAML for the workload <paramref name="appName"/> (Deployment and container name).</summary>
    public static string Format(IEnumerable<Mount> mounts, string appName, KubernetesOptions? options = null)
        => throw new NotImplementedException("KubernetesManifests.Format: issue #2 in progress.");
}
