using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VolumeGen;

/// <summary>
/// Kubernetes YAML: a PersistentVolumeClaim per named volume and a kustomize-ready strategic-merge patch of a
/// Deployment with the pod's <c>volumes</c> and the container's <c>volumeMounts</c> (or, with
/// <see cref="KubernetesWorkload.StatefulSet"/>, a StatefulSet patch whose <c>volumeClaimTemplates</c> are the claims).
/// Named volume → PVC, anonymous volume → <c>emptyDir</c>, tmpfs → <c>emptyDir {medium: Memory, sizeLimit}</c>,
/// read-only bind → <c>configMap</c> with <see cref="KubernetesOptions.ConfigMapsForReadOnlyBinds"/>, bind →
/// <c>hostPath</c> only with <see cref="KubernetesOptions.IncludeHostPath"/>. A Deployment with ReadWriteOnce claims
/// is replaced with <c>strategy: Recreate</c>; <see cref="KubernetesOptions.FsGroup"/> becomes the pod's
/// <c>securityContext.fsGroup</c>.
/// </summary>
/// <remarks>
/// Kubernetes names must be DNS-1123 labels (lower-case letters, digits and <c>-</c>, at most 63 characters), so
/// each name is derived — from the Docker volume name for a named volume, from the container path otherwise —
/// and made unique with a <c>-2</c>, <c>-3</c>… suffix. A claim keeps its exact Docker name in the annotation
/// <see cref="DockerVolumeAnnotation"/>. Every string is YAML double-quoted.
/// </remarks>
public static class KubernetesManifests
{
    /// <summary>The claim annotation that holds the Docker volume name the claim stands for.</summary>
    public const string DockerVolumeAnnotation = "volumegen/docker-volume";

    internal const int MaxLabelLength = 63;

    /// <summary>The multi-document YAML for the workload <paramref name="appName"/> (Deployment and container name).</summary>
    /// <param name="mounts">The mounts, in declaration order.</param>
    /// <param name="appName">Name of the Deployment and of its container; quoted as given (validating it is the caller's job).</param>
    /// <param name="options">Claim settings and the hostPath opt-in; null for the defaults.</param>
    public static string Format(IEnumerable<Mount> mounts, string appName, KubernetesOptions? options = null)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        if (appName is null)
        {
            throw new ArgumentNullException(nameof(appName));
        }

        options ??= new KubernetesOptions();
        if (string.IsNullOrEmpty(options.StorageRequest) || string.IsNullOrEmpty(options.AccessMode))
        {
            throw new ArgumentException(
                "KubernetesOptions.StorageRequest and AccessMode must be set (defaults: \"1Gi\" and \"ReadWriteOnce\").", nameof(options));
        }
        KubernetesPlan plan = KubernetesPlan.For(mounts, appName, options);
        bool statefulSet = options.Workload == KubernetesWorkload.StatefulSet;
        string kind = statefulSet ? "StatefulSet" : "Deployment";
        var yaml = new YamlWriter();
        yaml.Line(GeneratedFileHeader.Prefix + " from the app's volume declarations: " + (statefulSet ? "a" : "the claims, then a") + " strategic-merge");
        yaml.Comment("patch of " + kind + " " + YamlText.ForComment(appName) + " (kustomize: patches: - path: <this file>).");
        if (!statefulSet)
        {
            foreach (KubernetesClaim claim in plan.Claims)
            {
                yaml.Pair("apiVersion", "v1");
                yaml.Pair("kind", "PersistentVolumeClaim");
                WriteClaim(yaml, claim, options);
                yaml.DocumentSeparator();
            }
        }

        yaml.Pair("apiVersion", "apps/v1");
        yaml.Pair("kind", kind);
        foreach (string note in plan.Notes)
        {
            yaml.Comment(note);
        }

        using (yaml.Block("metadata"))
        {
            yaml.Pair("name", YamlText.Quote(appName));
        }

        using (yaml.Block("spec"))
        {
            if (!statefulSet && plan.Claims.Count > 0 && IsSingleNode(options.AccessMode))
            {
                yaml.Comment("A " + options.AccessMode + " claim is attached to one node: a rolling update would start the new pod");
                yaml.Comment("while the old one still holds it (and hang on another node), so the old pod goes first.");
                using (yaml.Block("strategy"))
                {
                    yaml.Pair("type", YamlText.Quote("Recreate"));
                    // A strategic merge keeps the cluster's rollingUpdate otherwise, which Recreate rejects.
                    yaml.Pair("rollingUpdate", "null");
                }
            }

            using (yaml.Block("template"))
            using (yaml.Block("spec"))
            {
                if (options.FsGroup is long fsGroup)
                {
                    using (yaml.Block("securityContext"))
                    {
                        // The claims' files become group-owned by the container user's group and group-writable.
                        yaml.Pair("fsGroup", fsGroup.ToString(CultureInfo.InvariantCulture));
                        yaml.Pair("fsGroupChangePolicy", YamlText.Quote("OnRootMismatch"));
                    }
                }

                WriteContainer(yaml, appName, plan);
                var podVolumes = new List<KubernetesPodVolume>();
                foreach (KubernetesPodVolume volume in plan.Volumes)
                {
                    if (!(statefulSet && volume.Mount.Kind == MountKind.NamedVolume))
                    {
                        podVolumes.Add(volume);
                    }
                }

                if (podVolumes.Count > 0)
                {
                    using (yaml.Block("volumes"))
                    {
                        foreach (KubernetesPodVolume volume in podVolumes)
                        {
                            using (yaml.Item())
                            {
                                WritePodVolume(yaml, volume);
                            }
                        }
                    }
                }
            }

            if (statefulSet && plan.Claims.Count > 0)
            {
                // The templates' names are the volumeMounts' names: each replica gets its own claim <name>-<pod>.
                using (yaml.Block("volumeClaimTemplates"))
                {
                    foreach (KubernetesClaim claim in plan.Claims)
                    {
                        using (yaml.Item())
                        {
                            WriteClaim(yaml, claim, options);
                        }
                    }
                }
            }
        }

        return yaml.ToString();
    }

    /// <summary>True for the access modes that attach a volume to one node (or one pod) at a time.</summary>
    private static bool IsSingleNode(string accessMode)
        => accessMode is "ReadWriteOnce" or "ReadWriteOncePod";

    private static void WriteContainer(YamlWriter yaml, string appName, KubernetesPlan plan)
    {
        using (yaml.Block("containers"))
        using (yaml.Item())
        {
            yaml.Pair("name", YamlText.Quote(appName));
            if (plan.VolumeMounts.Count > 0)
            {
                using (yaml.Block("volumeMounts"))
                {
                    foreach (KubernetesVolumeMount volumeMount in plan.VolumeMounts)
                    {
                        using (yaml.Item())
                        {
                            yaml.Pair("name", YamlText.Quote(volumeMount.Name));
                            yaml.Pair("mountPath", YamlText.Quote(volumeMount.MountPath));
                            if (volumeMount.ReadOnly)
                            {
                                yaml.Pair("readOnly", "true");
                            }
                        }
                    }
                }
            }
        }
    }

    private static void WritePodVolume(YamlWriter yaml, KubernetesPodVolume volume)
    {
        yaml.Pair("name", YamlText.Quote(volume.Name));
        switch (volume.Mount.Kind)
        {
            case MountKind.NamedVolume:
                using (yaml.Block("persistentVolumeClaim"))
                {
                    yaml.Pair("claimName", YamlText.Quote(volume.Name));
                }

                break;
            case MountKind.AnonymousVolume:
                yaml.Pair("emptyDir", "{}");
                break;
            case MountKind.Tmpfs:
                using (yaml.Block("emptyDir"))
                {
                    yaml.Pair("medium", YamlText.Quote("Memory"));
                    if (volume.Mount.TmpfsSizeBytes is long size)
                    {
                        // A Kubernetes quantity; a plain number of bytes is one.
                        yaml.Pair("sizeLimit", YamlText.Quote(size.ToString(CultureInfo.InvariantCulture)));
                    }
                }

                break;
            case MountKind.Bind when volume.ConfigMapName is string configMap:
                using (yaml.Block("configMap"))
                {
                    yaml.Pair("name", YamlText.Quote(configMap));
                }

                break;
            default:
                using (yaml.Block("hostPath"))
                {
                    yaml.Pair("path", YamlText.Quote(volume.HostPath ?? string.Empty));
                }

                break;
        }
    }

    /// <summary>
    /// <paramref name="value"/> as a DNS-1123 label: lower-case ASCII letters and digits kept, every other run of
    /// characters one <c>-</c>, no <c>-</c> at either end, at most 63 characters; <c>volume</c> when nothing is left.
    /// </summary>
    public static string Dns1123Label(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var label = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            char lower = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                label.Append(lower);
            }
            else if (label.Length > 0 && label[label.Length - 1] != '-')
            {
                label.Append('-');
            }
        }

        string result = TrimLabel(label.ToString(), MaxLabelLength);
        return result.Length == 0 ? "volume" : result;
    }

    /// <summary><paramref name="label"/> cut to <paramref name="maxLength"/>, without a <c>-</c> at either end.</summary>
    internal static string TrimLabel(string label, int maxLength)
        => (label.Length > maxLength ? label.Substring(0, maxLength) : label).Trim('-');

    /// <summary>A claim's metadata and spec: a PersistentVolumeClaim document's body, or a volumeClaimTemplates entry.</summary>
    private static void WriteClaim(YamlWriter yaml, KubernetesClaim claim, KubernetesOptions options)
    {
        using (yaml.Block("metadata"))
        {
            yaml.Pair("name", YamlText.Quote(claim.Name));
            using (yaml.Block("labels"))
            {
                yaml.Pair("app.kubernetes.io/managed-by", YamlText.Quote("volumegen"));
            }

            using (yaml.Block("annotations"))
            {
                yaml.Pair(DockerVolumeAnnotation, YamlText.Quote(claim.DockerName));
            }
        }

        using (yaml.Block("spec"))
        {
            using (yaml.Block("accessModes"))
            {
                yaml.Item(YamlText.Quote(options.AccessMode));
            }

            if (options.StorageClassName is string storageClass)
            {
                yaml.Pair("storageClassName", YamlText.Quote(storageClass));
            }

            using (yaml.Block("resources"))
            using (yaml.Block("requests"))
            {
                yaml.Pair("storage", YamlText.Quote(options.StorageRequest));
            }
        }
    }
}
