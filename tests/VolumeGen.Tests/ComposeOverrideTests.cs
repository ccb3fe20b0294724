using System;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace VolumeGen.Tests;

public class ComposeOverrideTests
{
    private static readonly MountSet ReadmeSet = new(
        Mount.NamedVolume("/app/data", name: "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Tmpfs("/app/scratch", sizeBytes: 64L * 1024 * 1024));

    [Fact]
    public void Service_volumes_use_long_syntax_for_every_kind()
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(ReadmeSet, "web"));
        var volumes = (YamlSequenceNode)root.At("services", "web", "volumes");

        Assert.Equal(4, volumes.Children.Count);
        Assert.Equal(new[] { "volume", "volume", "bind", "tmpfs" }, volumes.Select(v => v.At("type").Text()));
        Assert.Equal(new[] { "/app/data", "/app/cache", "/app/config", "/app/scratch" }, volumes.Select(v => v.At("target").Text()));
        Assert.Equal("profiles", volumes[0].At("source").Text());
        Assert.False(volumes[1].Has("source"));
        Assert.Equal("./config", volumes[2].At("source").Text());
        Assert.Equal("true", volumes[2].At("read_only").Text());
        Assert.False(volumes[0].Has("read_only"));
        Assert.Equal("67108864", volumes[3].At("tmpfs", "size").Text());
    }

    [Fact]
    public void Named_volumes_are_declared_top_level_with_their_exact_docker_name()
    {
        var set = new MountSet(
            Mount.NamedVolume("/app/data", name: "profiles"),
            Mount.NamedVolume("/app/logs", name: "App.Logs_1"),
            Mount.NamedVolume("/app/data2", name: "profiles"));
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(set, "web"));
        var declared = (YamlMappingNode)root.At("volumes");

        Assert.Equal(new[] { "profiles", "App.Logs_1" }, declared.Children.Keys.Select(k => k.Text()));
        Assert.Equal("profiles", declared.At("profiles", "name").Text());
        Assert.Equal("App.Logs_1", declared.At("App.Logs_1", "name").Text());
    }

    [Fact]
    public void No_top_level_volumes_without_a_named_volume()
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(new MountSet(Mount.AnonymousVolume("/app/cache")), "web"));
        Assert.False(root.Has("volumes"));
    }

    [Fact]
    public void An_empty_set_gives_an_empty_volume_list()
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(MountSet.Empty, "web"));
        Assert.Empty((YamlSequenceNode)root.At("services", "web", "volumes"));
    }

    [Theory]
    [InlineData(SelinuxLabel.Shared, "z")]
    [InlineData(SelinuxLabel.Private, "Z")]
    public void Selinux_label_is_a_bind_option(SelinuxLabel label, string expected)
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(new MountSet(Mount.Bind("/srv/x", "/app/x", selinuxLabel: label)), "web"));
        Assert.Equal(expected, root.At("services", "web", "volumes", 0, "bind", "selinux").Text());
    }

    [Fact]
    public void Nocopy_is_a_volume_option()
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(new MountSet(Mount.NamedVolume("/app/data", "data", noCopy: true)), "web"));
        Assert.Equal("true", root.At("services", "web", "volumes", 0, "volume", "nocopy").Text());
    }

    [Theory]
    [InlineData(493)] // 0755
    [InlineData(448)] // 0700
    [InlineData(511)] // 0777
    [InlineData(0)]
    [InlineData(8)] // 0010: would read as 10 if written in octal without a prefix
    public void Tmpfs_mode_is_a_plain_decimal_integer_equal_to_the_mode(int mode)
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(new MountSet(Mount.Tmpfs("/app/tmp", mode: mode)), "web"));
        var node = (YamlScalarNode)root.At("services", "web", "volumes", 0, "tmpfs", "mode");

        Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, node.Style);
        // YAML 1.2 core schema: a plain [-+]?[0-9]+ is a decimal integer, leading zeros included.
        Assert.Matches("^[0-9]+$", node.Value);
        Assert.Equal(mode, int.Parse(node.Value!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Tmpfs_without_size_or_mode_has_no_tmpfs_options()
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(new MountSet(Mount.Tmpfs("/app/tmp")), "web"));
        Assert.False(root.At("services", "web", "volumes", 0).Has("tmpfs"));
    }

    [Theory]
    [MemberData(nameof(HostileValues.PathData), MemberType = typeof(HostileValues))]
    public void Hostile_paths_come_back_exactly_after_yaml_parsing_and_interpolation(string path)
    {
        MountSet set = HostileValues.AllKinds(path);
        string yaml = ComposeOverride.Format(set, "web");
        var volumes = (YamlSequenceNode)YamlReading.Root(yaml).At("services", "web", "volumes");

        Assert.Equal(set.Select(m => m.Target), volumes.Select(v => YamlReading.ComposeInterpolated(v.At("target").Text())));
        Assert.Equal(
            set.Where(m => m.Kind == MountKind.Bind).Select(m => m.Source),
            volumes.Where(v => v.At("type").Text() == "bind").Select(v => YamlReading.ComposeInterpolated(v.At("source").Text())));
    }

    [Theory]
    [MemberData(nameof(HostileValues.PathData), MemberType = typeof(HostileValues))]
    public void Hostile_service_and_volume_names_stay_scalars(string value)
    {
        // The validator rejects such volume names; the writer must still not let them change the document.
        var set = new MountSet(Mount.NamedVolume("/app/data", name: value));
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(set, value));

        YamlNode service = ((YamlMappingNode)root.At("services")).Children.Single().Key;
        Assert.Equal(value, service.Text());
        YamlNode entry = root.At("services", value, "volumes", 0);
        string source = YamlReading.ComposeInterpolated(entry.At("source").Text());
        Assert.Equal(value, source);
        var declared = (YamlMappingNode)root.At("volumes");
        Assert.Equal(source, declared.Children.Single().Key.Text()); // keys are not interpolated
        Assert.Equal(value, YamlReading.ComposeInterpolated(declared.At(source, "name").Text()));
    }

    [Fact]
    public void Dollar_is_doubled_for_compose_interpolation()
    {
        string yaml = ComposeOverride.Format(new MountSet(Mount.AnonymousVolume("/app/${HOME}")), "web");
        Assert.Equal("/app/$${HOME}", YamlReading.Root(yaml).At("services", "web", "volumes", 0, "target").Text());
    }

    [Fact]
    public void Relative_bind_sources_stay_relative()
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(new MountSet(Mount.Bind("config/dev", "/app/config")), "web"));
        Assert.Equal("config/dev", root.At("services", "web", "volumes", 0, "source").Text());
    }

    [Fact]
    public void Output_is_version_less_and_only_services_and_volumes()
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(ReadmeSet, "web"));
        Assert.Equal(new[] { "services", "volumes" }, root.Children.Keys.Select(k => k.Text()));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ComposeOverride.Format(null!, "web"));
        Assert.Throws<ArgumentNullException>(() => ComposeOverride.Format(ReadmeSet, null!));
    }
}
