using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using k8s;
using k8s.Models;

namespace VolumeGen.Tests;

/// <summary>
/// Issue 15: the Kubernetes output a non-root pod can run with — fsGroup, strategy Recreate for ReadWriteOnce claims,
/// a StatefulSet with volumeClaimTemplates, tmpfs as a sized memory emptyDir, read-only configuration as a ConfigMap —
/// each option as a golden file (KubernetesGolden/*.yaml; a mismatch writes *.received.yaml beside it) and read back
/// through KubernetesClient's models.
/// </summary>
public class KubernetesOptionsTests
{
    private static readonly MountSet Mounts = new(
        Mount.NamedVolume("/app/data", name: "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Bind("./logs", "/app/logs"),
        Mount.Tmpfs("/app/scratch", sizeBytes: 64L * 1024 * 1024));

    public static TheoryData<string> GoldenNames() => new(Cases.Keys);

    private static readonly Dictionary<string, KubernetesOptions> Cases = new(StringComparer.Ordinal)
    {
        ["deployment-default"] = new KubernetesOptions(),
        ["deployment-fsgroup"] = new KubernetesOptions { FsGroup = 1654 },
        ["deployment-read-write-many"] = new KubernetesOptions { AccessMode = "ReadWriteMany", FsGroup = 1654 },
        ["statefulset"] = new KubernetesOptions { Workload = KubernetesWorkload.StatefulSet, FsGroup = 1654, StorageClassName = "fast" },
        ["configmaps"] = new KubernetesOptions { ConfigMapsForReadOnlyBinds = true, FsGroup = 1654 },
    };

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Output_matches_its_golden_file(string name)
    {
        string yaml = KubernetesManifests.Format(Mounts, "profileservice", Cases[name]);
        string folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "KubernetesGolden");
        string golden = Path.Combine(folder, name + ".yaml");
        string received = Path.Combine(folder, name + ".received.yaml");
        string expected = File.Exists(golden) ? File.ReadAllText(golden) : string.Empty;
        if (expected != yaml)
        {
            File.WriteAllText(received, yaml);
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }

        Assert.True(expected == yaml, $"The Kubernetes output for '{name}' differs from {golden}; the new output is in {received}. Compare them, and if the change is intended, move it over the golden file.");
    }

    [Fact]
    public void FsGroup_is_the_pods_security_context()
    {
        V1Deployment deployment = Deployment(KubernetesManifests.Format(Mounts, "app", new KubernetesOptions { FsGroup = 1654 }));

        Assert.Equal(1654, deployment.Spec.Template.Spec.SecurityContext.FsGroup);
        Assert.Equal("OnRootMismatch", deployment.Spec.Template.Spec.SecurityContext.FsGroupChangePolicy);
    }

    [Fact]
    public void Without_fsGroup_the_pod_has_no_security_context()
        => Assert.Null(Deployment(KubernetesManifests.Format(Mounts, "app")).Spec.Template.Spec.SecurityContext);

    [Theory]
    [InlineData("ReadWriteOnce", "Recreate")]
    [InlineData("ReadWriteOncePod", "Recreate")]
    [InlineData("ReadWriteMany", null)]
    [InlineData("ReadOnlyMany", null)]
    public void A_deployment_with_single_node_claims_is_recreated_not_rolled(string accessMode, string? strategy)
    {
        V1Deployment deployment = Deployment(KubernetesManifests.Format(Mounts, "app", new KubernetesOptions { AccessMode = accessMode }));

        Assert.Equal(strategy, deployment.Spec.Strategy?.Type);
        Assert.Null(deployment.Spec.Strategy?.RollingUpdate);
    }

    [Fact]
    public void Without_claims_a_deployment_keeps_its_rolling_update()
    {
        var set = new MountSet(Mount.AnonymousVolume("/app/cache"), Mount.Tmpfs("/tmp/x"));
        Assert.Null(Deployment(KubernetesManifests.Format(set, "app")).Spec.Strategy);
    }

    [Fact]
    public void A_statefulset_gets_the_claims_as_volume_claim_templates_named_like_its_volume_mounts()
    {
        var options = new KubernetesOptions { Workload = KubernetesWorkload.StatefulSet, StorageRequest = "5Gi", StorageClassName = "fast", FsGroup = 1654 };
        List<object> objects = KubernetesYaml.LoadAllFromString(KubernetesManifests.Format(Mounts, "profileservice", options));

        V1StatefulSet set = Assert.IsType<V1StatefulSet>(Assert.Single(objects));
        Assert.Equal("profileservice", set.Metadata.Name);
        V1PersistentVolumeClaim template = Assert.Single(set.Spec.VolumeClaimTemplates);
        Assert.Equal("profiles", template.Metadata.Name);
        Assert.Equal("profiles", template.Metadata.Annotations[KubernetesManifests.DockerVolumeAnnotation]);
        Assert.Equal(new[] { "ReadWriteOnce" }, template.Spec.AccessModes);
        Assert.Equal(new ResourceQuantity("5Gi"), template.Spec.Resources.Requests["storage"]);
        Assert.Equal("fast", template.Spec.StorageClassName);
        V1PodSpec pod = set.Spec.Template.Spec;
        Assert.Equal("profiles", Assert.Single(pod.Containers[0].VolumeMounts, m => m.MountPath == "/app/data").Name);
        Assert.DoesNotContain(pod.Volumes, v => v.Name == "profiles" || v.PersistentVolumeClaim is not null);
        Assert.Equal(1654, pod.SecurityContext.FsGroup);
    }

    [Fact]
    public void Tmpfs_is_a_memory_empty_dir_with_its_size_limit()
    {
        V1Deployment deployment = Deployment(KubernetesManifests.Format(Mounts, "app"));
        V1VolumeMount scratch = Assert.Single(deployment.Spec.Template.Spec.Containers[0].VolumeMounts, m => m.MountPath == "/app/scratch");
        V1Volume volume = Assert.Single(deployment.Spec.Template.Spec.Volumes, v => v.Name == scratch.Name);

        Assert.Equal("Memory", volume.EmptyDir.Medium);
        Assert.Equal(new ResourceQuantity((64L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)), volume.EmptyDir.SizeLimit);
    }

    [Fact]
    public void Read_only_binds_become_config_maps_when_asked_and_writable_binds_stay_out()
    {
        string yaml = KubernetesManifests.Format(Mounts, "profileservice", new KubernetesOptions { ConfigMapsForReadOnlyBinds = true });
        V1Deployment deployment = Deployment(yaml);
        V1Container container = deployment.Spec.Template.Spec.Containers[0];

        V1VolumeMount config = Assert.Single(container.VolumeMounts, m => m.MountPath == "/app/config");
        Assert.True(config.ReadOnlyProperty);
        V1Volume volume = Assert.Single(deployment.Spec.Template.Spec.Volumes, v => v.Name == config.Name);
        Assert.Equal("profileservice-app-config", volume.ConfigMap.Name);
        Assert.Null(volume.HostPath);
        Assert.Contains("kubectl create configmap profileservice-app-config --from-file=\"./config\"", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(container.VolumeMounts, m => m.MountPath == "/app/logs");
    }

    [Fact]
    public void Without_the_switch_read_only_binds_are_left_out_as_before()
    {
        V1Deployment deployment = Deployment(KubernetesManifests.Format(Mounts, "app"));
        Assert.DoesNotContain(deployment.Spec.Template.Spec.Volumes, v => v.ConfigMap is not null);
        Assert.DoesNotContain(deployment.Spec.Template.Spec.Containers[0].VolumeMounts, m => m.MountPath == "/app/config");
    }

    private static V1Deployment Deployment(string yaml) => Assert.Single(KubernetesYaml.LoadAllFromString(yaml).OfType<V1Deployment>());
}
