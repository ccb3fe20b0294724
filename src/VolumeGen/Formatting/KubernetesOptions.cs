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

    /// <summary>
    /// The pod's <c>securityContext.fsGroup</c>: Kubernetes makes every volume's files group-owned and group-writable
    /// by it, so a non-root container user can write its claims. Null writes none (a root container needs none).
    /// </summary>
    public long? FsGroup { get; set; }

    /// <summary>Deployment (default; <c>strategy: Recreate</c> with ReadWriteOnce claims) or StatefulSet (<c>volumeClaimTemplates</c>).</summary>
    public KubernetesWorkload Workload { get; set; } = KubernetesWorkload.Deployment;

    /// <summary>
    /// Write each read-only bind mount (configuration shipped beside the app) as a <c>configMap</c> volume named
    /// <c>&lt;app&gt;-&lt;volume&gt;</c>, created from the bind source with <c>kubectl create configmap</c>. Off by default.
    /// </summary>
    public bool ConfigMapsForReadOnlyBinds { get; set; }
}
