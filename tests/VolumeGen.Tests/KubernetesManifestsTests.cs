using System;
using System.Collections.Generic;
using System.Linq;
using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace VolumeGen.Tests;

public class KubernetesManifestsTests
{
    private const string Dns1123Label = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    private static readonly MountSet ReadmeSet = new(
        Mount.NamedVolume("/app/data", name: "profiles", readOnly: true),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Tmpfs("/app/scratch", sizeBytes: 64L * 1024 * 1024));

    private static (List<V1PersistentVolumeClaim> Claims, V1Deployment Deployment) Load(string yaml)
    {
        List<object> objects = KubernetesYaml.LoadAllFromString(yaml);
        var claims = objects.OfType<V1PersistentVolumeClaim>().ToList();
        V1Deployment deployment = objects.OfType<V1Deployment>().Single();
        Assert.Equal(objects.Count, claims.Count + 1);
        return (claims, deployment);
    }

    [Fact]
    public void Loads_into_typed_claims_and_a_deployment_patch()
    {
        (List<V1PersistentVolumeClaim> claims, V1Deployment deployment) = Load(KubernetesManifests.Format(ReadmeSet, "hello"));

        V1PersistentVolumeClaim claim = Assert.Single(claims);
        Assert.Equal("profiles", claim.Metadata.Name);
        Assert.Equal("profiles", claim.Metadata.Annotations[KubernetesManifests.DockerVolumeAnnotation]);
        Assert.Equal(new[] { "ReadWriteOnce" }, claim.Spec.AccessModes);
        Assert.Equal(new ResourceQuantity("1Gi"), claim.Spec.Resources.Requests["storage"]);
        Assert.Null(claim.Spec.StorageClassName);

        Assert.Equal("apps/v1", deployment.ApiVersion);
        Assert.Equal("hello", deployment.Metadata.Name);
        V1Container container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal("hello", container.Name);
        Dictionary<string, V1Volume> volumes = deployment.Spec.Template.Spec.Volumes.ToDictionary(v => v.Name);

        V1VolumeMount data = container.VolumeMounts.Single(m => m.MountPath == "/app/data");
        Assert.True(data.ReadOnlyProperty);
        Assert.Equal("profiles", volumes[data.Name].PersistentVolumeClaim.ClaimName);

        V1VolumeMount cache = container.VolumeMounts.Single(m => m.MountPath == "/app/cache");
        Assert.NotEqual(true, cache.ReadOnlyProperty);
        Assert.NotNull(volumes[cache.Name].EmptyDir);
        Assert.Null(volumes[cache.Name].EmptyDir.Medium);

        V1VolumeMount scratch = container.VolumeMounts.Single(m => m.MountPath == "/app/scratch");
        Assert.Equal("Memory", volumes[scratch.Name].EmptyDir.Medium);
        Assert.Equal(64L * 1024 * 1024, volumes[scratch.Name].EmptyDir.SizeLimit.ToInt64());
    }

    [Fact]
    public void Bind_mounts_are_left_out_with_a_comment_by_default()
    {
        string yaml = KubernetesManifests.Format(ReadmeSet, "hello");
        (_, V1Deployment deployment) = Load(yaml);

        Assert.DoesNotContain(deployment.Spec.Template.Spec.Containers[0].VolumeMounts, m => m.MountPath == "/app/config");
        Assert.DoesNotContain(deployment.Spec.Template.Spec.Volumes, v => v.HostPath is not null);
        string comment = Assert.Single(yaml.Split('\n'), l => l.StartsWith("# The bind mount", StringComparison.Ordinal));
        Assert.Contains("\"./config\"", comment, StringComparison.Ordinal);
        Assert.Contains("IncludeHostPath", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_mounts_become_host_paths_when_opted_in_resolved_against_the_bind_root()
    {
        var options = new KubernetesOptions { IncludeHostPath = true, BindRoot = "/srv/hello" };
        (_, V1Deployment deployment) = Load(KubernetesManifests.Format(ReadmeSet, "hello", options));
        V1Container container = deployment.Spec.Template.Spec.Containers[0];

        V1VolumeMount config = container.VolumeMounts.Single(m => m.MountPath == "/app/config");
        Assert.True(config.ReadOnlyProperty);
        V1Volume volume = deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == config.Name);
        Assert.Equal("/srv/hello/config", volume.HostPath.Path);
    }

    [Fact]
    public void Claim_options_are_written()
    {
        var options = new KubernetesOptions { StorageRequest = "5Gi", AccessMode = "ReadWriteMany", StorageClassName = "fast-ssd" };
        (List<V1PersistentVolumeClaim> claims, _) = Load(KubernetesManifests.Format(ReadmeSet, "hello", options));

        V1PersistentVolumeClaim claim = Assert.Single(claims);
        Assert.Equal(new ResourceQuantity("5Gi"), claim.Spec.Resources.Requests["storage"]);
        Assert.Equal(new[] { "ReadWriteMany" }, claim.Spec.AccessModes);
        Assert.Equal("fast-ssd", claim.Spec.StorageClassName);
    }

    [Fact]
    public void Names_are_unique_dns1123_labels_and_the_docker_name_is_kept()
    {
        var set = new MountSet(
            Mount.NamedVolume("/app/a", name: "Profiles"),
            Mount.NamedVolume("/app/b", name: "profiles"),
            Mount.NamedVolume("/app/c", name: "my_data.v2"),
            Mount.NamedVolume("/app/d", name: new string('x', 80)),
            Mount.NamedVolume("/app/e", name: new string('x', 80) + "y"),
            Mount.NamedVolume("/app/f", name: "app-cache"),
            Mount.AnonymousVolume("/app/cache"),
            Mount.AnonymousVolume("/App/Cache"),
            Mount.Tmpfs("/app/日本"),
            Mount.Tmpfs("/app/😀"));
        (List<V1PersistentVolumeClaim> claims, V1Deployment deployment) = Load(KubernetesManifests.Format(set, "app"));
        IList<V1Volume> volumes = deployment.Spec.Template.Spec.Volumes;

        Assert.All(volumes, v => Assert.Matches(Dns1123Label, v.Name));
        Assert.All(volumes, v => Assert.InRange(v.Name.Length, 1, 63));
        Assert.Equal(volumes.Count, volumes.Select(v => v.Name).Distinct().Count());
        Assert.Equal(set.Count, volumes.Count);
        Assert.Equal(
            set.Where(m => m.Kind == MountKind.NamedVolume).Select(m => m.Source),
            claims.Select(c => c.Metadata.Annotations[KubernetesManifests.DockerVolumeAnnotation]));
        Assert.All(claims, c => Assert.Contains(volumes, v => v.PersistentVolumeClaim?.ClaimName == c.Metadata.Name));
        Assert.Equal("profiles", claims[0].Metadata.Name);
        Assert.Equal("profiles-2", claims[1].Metadata.Name);
        Assert.Equal("my-data-v2", claims[2].Metadata.Name);
    }

    [Fact]
    public void One_claim_and_one_pod_volume_per_named_volume_even_when_mounted_twice()
    {
        var set = new MountSet(Mount.NamedVolume("/app/a", name: "shared"), Mount.NamedVolume("/app/b", name: "shared", readOnly: true));
        (List<V1PersistentVolumeClaim> claims, V1Deployment deployment) = Load(KubernetesManifests.Format(set, "app"));

        Assert.Single(claims);
        V1Volume volume = Assert.Single(deployment.Spec.Template.Spec.Volumes);
        IList<V1VolumeMount> mounts = deployment.Spec.Template.Spec.Containers[0].VolumeMounts;
        Assert.Equal(new[] { "/app/a", "/app/b" }, mounts.Select(m => m.MountPath));
        Assert.All(mounts, m => Assert.Equal(volume.Name, m.Name));
        Assert.Equal(new bool?[] { null, true }, mounts.Select(m => m.ReadOnlyProperty));
    }

    [Theory]
    [InlineData("", "volume")]
    [InlineData("Profiles", "profiles")]
    [InlineData("my_data.v2", "my-data-v2")]
    [InlineData("--a__b--", "a-b")]
    [InlineData("日本", "volume")]
    [InlineData("a日本b", "a-b")]
    public void Dns1123Label_sanitizes(string value, string expected)
        => Assert.Equal(expected, KubernetesManifests.Dns1123Label(value));

    [Fact]
    public void Dns1123Label_truncates_to_63_without_a_trailing_dash()
    {
        string label = KubernetesManifests.Dns1123Label(new string('a', 62) + "_b");
        Assert.Equal(new string('a', 62), label);
    }

    [Theory]
    [MemberData(nameof(HostileValues.PathData), MemberType = typeof(HostileValues))]
    public void Hostile_paths_and_names_come_back_exactly(string path)
    {
        MountSet set = new(
            Mount.NamedVolume(path + "/named", name: path),
            Mount.AnonymousVolume(path + "/anonymous"),
            Mount.Bind(path, path + "/bind"),
            Mount.Tmpfs(path + "/tmpfs", sizeBytes: 1024));
        var options = new KubernetesOptions { IncludeHostPath = true, StorageClassName = path };
        string yaml = KubernetesManifests.Format(set, path, options);

        (List<V1PersistentVolumeClaim> claims, V1Deployment deployment) = Load(yaml);
        Assert.Equal(path, deployment.Metadata.Name);
        Assert.Equal(path, deployment.Spec.Template.Spec.Containers[0].Name);
        Assert.Equal(set.Select(m => m.Target), deployment.Spec.Template.Spec.Containers[0].VolumeMounts.Select(m => m.MountPath));
        Assert.Equal(path, claims.Single().Metadata.Annotations[KubernetesManifests.DockerVolumeAnnotation]);
        Assert.Equal(path, claims.Single().Spec.StorageClassName);
        Assert.Equal(path, deployment.Spec.Template.Spec.Volumes.Single(v => v.HostPath is not null).HostPath.Path);

        // The same through YamlDotNet's representation model: two documents, nothing more.
        YamlDocument[] documents = YamlReading.Documents(yaml);
        Assert.Equal(2, documents.Length);
        Assert.Equal(path, documents[1].RootNode.At("metadata", "name").Text());
        Assert.Equal(set.Select(m => m.Target), ((YamlSequenceNode)documents[1].RootNode.At("spec", "template", "spec", "containers", 0, "volumeMounts")).Select(m => m.At("mountPath").Text()));
    }

    [Fact]
    public void Hostile_bind_source_stays_inside_the_comment_when_left_out()
    {
        const string source = "/srv/x\nkind: Secret\n\u2028metadata: {}\u0085---";
        string yaml = KubernetesManifests.Format(new MountSet(Mount.Bind(source, "/app/x")), "app");
        (List<V1PersistentVolumeClaim> claims, V1Deployment deployment) = Load(yaml);
        Assert.Empty(claims);
        Assert.Equal("Deployment", deployment.Kind);
        Assert.Single(YamlReading.Documents(yaml));
    }

    [Fact]
    public void Tmpfs_mode_has_no_emptyDir_field_and_says_so()
    {
        string yaml = KubernetesManifests.Format(new MountSet(Mount.Tmpfs("/app/t", mode: 448)), "app");
        (_, V1Deployment deployment) = Load(yaml);
        Assert.Equal("Memory", deployment.Spec.Template.Spec.Volumes.Single().EmptyDir.Medium);
        Assert.Contains(yaml.Split('\n'), l => l.StartsWith("# The tmpfs mode 0700 at \"/app/t\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Unset_claim_options_are_refused_with_the_defaults_named()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => KubernetesManifests.Format(ReadmeSet, "app", new KubernetesOptions { StorageRequest = null! }));
        Assert.Contains("1Gi", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => KubernetesManifests.Format(ReadmeSet, "app", new KubernetesOptions { AccessMode = "" }));
    }

    [Fact]
    public void Without_mounts_the_patch_names_the_container_only()
    {
        (List<V1PersistentVolumeClaim> claims, V1Deployment deployment) = Load(KubernetesManifests.Format(MountSet.Empty, "app"));
        Assert.Empty(claims);
        Assert.Equal("app", deployment.Spec.Template.Spec.Containers.Single().Name);
        Assert.Null(deployment.Spec.Template.Spec.Volumes);
    }
}
