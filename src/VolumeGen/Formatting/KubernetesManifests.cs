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

/// <summary>
/// Kubernetes YAML: a PersistentVolumeClaim per named volume and a kustomize-ready strategic-merge patch of a
/// Deployment with the pod's <c>volumes</c> and the container's <c>volumeMounts</c>. Named volume → PVC,
/// anonymous volume → <c>emptyDir</c>, tmpfs → <c>emptyDir {medium: Memory, sizeLimit}</c>, bind →
/// <c>hostPath</c> only with <see cref="KubernetesOptions.IncludeHostPath"/>.
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

    private const int MaxLabelLength = 63;

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
        var used = new HashSet<string>(StringComparer.Ordinal);
        var claimNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var claims = new List<KeyValuePair<string, string>>();
        var volumes = new StringBuilder();
        var volumeMounts = new StringBuilder();
        var notes = new List<string>();

        // Named volumes first, so their names win the plain form ("profiles", not "profiles-2").
        foreach (Mount mount in mounts)
        {
            string dockerName = mount.Source ?? string.Empty;
            if (mount.Kind == MountKind.NamedVolume && !claimNames.ContainsKey(dockerName))
            {
                string name = Unique(Dns1123Label(dockerName), used);
                claimNames.Add(dockerName, name);
                claims.Add(new KeyValuePair<string, string>(dockerName, name));
                volumes.Append("        - name: ").Append(YamlText.Quote(name)).Append('\n');
                volumes.Append("          persistentVolumeClaim:\n");
                volumes.Append("            claimName: ").Append(YamlText.Quote(name)).Append('\n');
            }
        }

        foreach (Mount mount in mounts)
        {
            string volumeName;
            switch (mount.Kind)
            {
                case MountKind.NamedVolume:
                    volumeName = claimNames[mount.Source ?? string.Empty];
                    break;
                case MountKind.AnonymousVolume:
                    volumeName = Unique(Dns1123Label(ContainerPath.DefaultVolumeName(mount.Target)), used);
                    volumes.Append("        - name: ").Append(YamlText.Quote(volumeName)).Append('\n');
                    volumes.Append("          emptyDir: {}\n");
                    break;
                case MountKind.Tmpfs:
                    volumeName = Unique(Dns1123Label(ContainerPath.DefaultVolumeName(mount.Target)), used);
                    volumes.Append("        - name: ").Append(YamlText.Quote(volumeName)).Append('\n');
                    volumes.Append("          emptyDir:\n");
                    volumes.Append("            medium: \"Memory\"\n");
                    if (mount.TmpfsSizeBytes is long size)
                    {
                        // A Kubernetes quantity; a plain number of bytes is one.
                        volumes.Append("            sizeLimit: \"").Append(size.ToString(CultureInfo.InvariantCulture)).Append("\"\n");
                    }

                    if (mount.TmpfsMode is int mode)
                    {
                        notes.Add("The tmpfs mode " + Convert.ToString(mode, 8) + " at " + YamlText.ForComment(mount.Target)
                            + " has no emptyDir equivalent; set the pod's securityContext (fsGroup) for access instead.");
                    }

                    break;
                default:
                    if (!options.IncludeHostPath)
                    {
                        notes.Add("The bind mount of " + YamlText.ForComment(mount.Source ?? string.Empty) + " at " + YamlText.ForComment(mount.Target)
                            + " is left out: hostPath ties the pod to one node and exposes the node's files. To emit it: VolumeGenKubernetesIncludeHostPath=true (build), --include-host-path (volumegen k8s) or KubernetesOptions.IncludeHostPath.");
                        continue;
                    }

                    volumeName = Unique(Dns1123Label(ContainerPath.DefaultVolumeName(mount.Target)), used);
                    volumes.Append("        - name: ").Append(YamlText.Quote(volumeName)).Append('\n');
                    volumes.Append("          hostPath:\n");
                    volumes.Append("            path: ")
                        .Append(YamlText.Quote(RunArguments.ResolveBindSource(mount.Source ?? string.Empty, options.BindRoot)))
                        .Append('\n');
                    break;
            }

            volumeMounts.Append("            - name: ").Append(YamlText.Quote(volumeName)).Append('\n');
            volumeMounts.Append("              mountPath: ").Append(YamlText.Quote(mount.Target)).Append('\n');
            if (mount.ReadOnly)
            {
                volumeMounts.Append("              readOnly: true\n");
            }
        }

        var yaml = new StringBuilder();
        yaml.Append(GeneratedFileHeader.Prefix).Append(" from the app's volume declarations: the claims, then a strategic-merge\n");
        yaml.Append("# patch of Deployment ").Append(YamlText.ForComment(appName)).Append(" (kustomize: patches: - path: <this file>).\n");
        foreach (KeyValuePair<string, string> claim in claims)
        {
            AppendClaim(yaml, claim.Key, claim.Value, options);
            yaml.Append("---\n");
        }

        yaml.Append("apiVersion: apps/v1\n");
        yaml.Append("kind: Deployment\n");
        foreach (string note in notes)
        {
            yaml.Append("# ").Append(note).Append('\n');
        }

        yaml.Append("metadata:\n");
        yaml.Append("  name: ").Append(YamlText.Quote(appName)).Append('\n');
        yaml.Append("spec:\n");
        yaml.Append("  template:\n");
        yaml.Append("    spec:\n");
        yaml.Append("      containers:\n");
        yaml.Append("        - name: ").Append(YamlText.Quote(appName)).Append('\n');
        if (volumeMounts.Length > 0)
        {
            yaml.Append("          volumeMounts:\n").Append(volumeMounts);
        }

        if (volumes.Length > 0)
        {
            yaml.Append("      volumes:\n").Append(volumes);
        }

        return yaml.ToString();
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

        string result = Trim(label.ToString(), MaxLabelLength);
        return result.Length == 0 ? "volume" : result;
    }

    private static string Unique(string name, HashSet<string> used)
    {
        string candidate = name;
        for (int n = 2; !used.Add(candidate); n++)
        {
            string suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            candidate = Trim(name, MaxLabelLength - suffix.Length) + suffix;
        }

        return candidate;
    }

    private static string Trim(string label, int maxLength)
        => (label.Length > maxLength ? label.Substring(0, maxLength) : label).Trim('-');

    private static void AppendClaim(StringBuilder yaml, string dockerName, string claimName, KubernetesOptions options)
    {
        yaml.Append("apiVersion: v1\n");
        yaml.Append("kind: PersistentVolumeClaim\n");
        yaml.Append("metadata:\n");
        yaml.Append("  name: ").Append(YamlText.Quote(claimName)).Append('\n');
        yaml.Append("  labels:\n");
        yaml.Append("    app.kubernetes.io/managed-by: \"volumegen\"\n");
        yaml.Append("  annotations:\n");
        yaml.Append("    ").Append(DockerVolumeAnnotation).Append(": ").Append(YamlText.Quote(dockerName)).Append('\n');
        yaml.Append("spec:\n");
        yaml.Append("  accessModes:\n");
        yaml.Append("    - ").Append(YamlText.Quote(options.AccessMode)).Append('\n');
        if (options.StorageClassName is string storageClass)
        {
            yaml.Append("  storageClassName: ").Append(YamlText.Quote(storageClass)).Append('\n');
        }

        yaml.Append("  resources:\n");
        yaml.Append("    requests:\n");
        yaml.Append("      storage: ").Append(YamlText.Quote(options.StorageRequest)).Append('\n');
    }
}
