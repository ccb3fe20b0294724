using System;
using System.Collections.Generic;
using System.Globalization;

namespace VolumeGen;

/// <summary>
/// The names <see cref="KubernetesManifests"/> writes, decided before any YAML is written: a claim per named volume
/// (named volumes first, so their names win the plain form), a pod volume per other mount, the volume mounts, and
/// the notes for what Kubernetes cannot express. Names are DNS-1123 labels made unique with <c>-2</c>, <c>-3</c>….
/// </summary>
internal sealed class KubernetesPlan
{
    private KubernetesPlan()
    {
    }

    public List<KubernetesClaim> Claims { get; } = new();

    public List<KubernetesPodVolume> Volumes { get; } = new();

    public List<KubernetesVolumeMount> VolumeMounts { get; } = new();

    public List<string> Notes { get; } = new();

    public static KubernetesPlan For(IEnumerable<Mount> mounts, string appName, KubernetesOptions options)
    {
        var plan = new KubernetesPlan();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var claimNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Mount mount in mounts)
        {
            string dockerName = mount.Source ?? string.Empty;
            if (mount.Kind == MountKind.NamedVolume && !claimNames.ContainsKey(dockerName))
            {
                string name = Unique(KubernetesManifests.Dns1123Label(dockerName), used);
                claimNames.Add(dockerName, name);
                plan.Claims.Add(new KubernetesClaim(dockerName, name));
                plan.Volumes.Add(new KubernetesPodVolume(name, mount, null));
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
                case MountKind.Tmpfs:
                    volumeName = Unique(KubernetesManifests.Dns1123Label(ContainerPath.DefaultVolumeName(mount.Target)), used);
                    plan.Volumes.Add(new KubernetesPodVolume(volumeName, mount, null));
                    if (mount.Kind == MountKind.Tmpfs && mount.TmpfsMode is int mode)
                    {
                        plan.Notes.Add("The tmpfs mode " + OctalMode.Format(mode) + " at " + YamlText.ForComment(mount.Target)
                            + " has no emptyDir equivalent; set the pod's securityContext (fsGroup) for access instead.");
                    }

                    break;
                case MountKind.Bind when mount.ReadOnly && options.ConfigMapsForReadOnlyBinds:
                    volumeName = Unique(KubernetesManifests.Dns1123Label(ContainerPath.DefaultVolumeName(mount.Target)), used);
                    string configMap = KubernetesManifests.TrimLabel(KubernetesManifests.Dns1123Label(appName + "-" + volumeName), KubernetesManifests.MaxLabelLength);
                    plan.Volumes.Add(new KubernetesPodVolume(volumeName, mount, null, configMap));
                    plan.Notes.Add("The read-only bind mount of " + YamlText.ForComment(mount.Source ?? string.Empty) + " at " + YamlText.ForComment(mount.Target)
                        + " is the ConfigMap " + YamlText.ForComment(configMap) + "; create it from the folder (each file a key): kubectl create configmap " + configMap + " --from-file=" + YamlText.ForComment(mount.Source ?? string.Empty));
                    break;
                default:
                    if (!options.IncludeHostPath)
                    {
                        plan.Notes.Add("The bind mount of " + YamlText.ForComment(mount.Source ?? string.Empty) + " at " + YamlText.ForComment(mount.Target)
                            + " is left out: hostPath ties the pod to one node and exposes the node's files. To emit it: VolumeGenKubernetesIncludeHostPath=true (build), --include-host-path (volumegen k8s) or KubernetesOptions.IncludeHostPath.");
                        continue;
                    }

                    volumeName = Unique(KubernetesManifests.Dns1123Label(ContainerPath.DefaultVolumeName(mount.Target)), used);
                    plan.Volumes.Add(new KubernetesPodVolume(volumeName, mount, RunArguments.ResolveBindSource(mount.Source ?? string.Empty, options.BindRoot)));
                    break;
            }

            plan.VolumeMounts.Add(new KubernetesVolumeMount(volumeName, mount.Target, mount.ReadOnly));
        }

        return plan;
    }

    private static string Unique(string name, HashSet<string> used)
    {
        string candidate = name;
        for (int n = 2; !used.Add(candidate); n++)
        {
            string suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            candidate = KubernetesManifests.TrimLabel(name, KubernetesManifests.MaxLabelLength - suffix.Length) + suffix;
        }

        return candidate;
    }
}
