using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

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
