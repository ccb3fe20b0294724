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
    [InlineData(SelinuxLabel.Shared, false, "/srv/x:/app/x:z")]
    [InlineData(SelinuxLabel.Private, true, "/srv/x:/app/x:ro,Z")]
    public void Selinux_label_is_written_in_the_short_form_docker_compose_1_accepts(SelinuxLabel label, bool readOnly, string expected)
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(new MountSet(Mount.Bind("/srv/x", "/app/x", readOnly, label)), "web"));
        Assert.Equal(expected, root.At("services", "web", "volumes", 0).Text());
    }

    [Fact]
    public void Selinux_label_on_a_path_with_a_colon_keeps_the_long_form_and_says_what_it_needs()
    {
        string yaml = ComposeOverride.Format(new MountSet(Mount.Bind("/srv/a:b", "/app/x", selinuxLabel: SelinuxLabel.Shared)), "web");
        YamlMappingNode root = YamlReading.Root(yaml);
        Assert.Equal("z", root.At("services", "web", "volumes", 0, "bind", "selinux").Text());
        Assert.Contains("# bind.selinux needs a compose that implements the compose specification", yaml, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Nocopy_is_a_volume_option()
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(new MountSet(Mount.NamedVolume("/app/data", "data", noCopy: true)), "web"));
        Assert.Equal("true", root.At("services", "web", "volumes", 0, "volume", "nocopy").Text());
    }

    [Theory]
    [InlineData(493, null, "/app/tmp:mode=0755")]
    [InlineData(448, 1048576L, "/app/tmp:size=1048576,mode=0700")]
    [InlineData(511, null, "/app/tmp:mode=0777")]
    [InlineData(0, null, "/app/tmp:mode=0000")]
    [InlineData(8, null, "/app/tmp:mode=0010")]
    public void Tmpfs_mode_is_a_service_tmpfs_entry_with_the_engines_octal_option(int mode, long? size, string expected)
    {
        YamlMappingNode root = YamlReading.Root(ComposeOverride.Format(new MountSet(Mount.Tmpfs("/app/tmp", size, mode)), "web"));

        Assert.Equal(expected, root.At("services", "web", "tmpfs", 0).Text());
        Assert.Empty((YamlSequenceNode)root.At("services", "web", "volumes"));
    }

    [Fact]
    public void Tmpfs_mode_on_a_target_with_a_colon_keeps_the_long_form_as_a_decimal_and_says_what_it_needs()
    {
        string yaml = ComposeOverride.Format(new MountSet(Mount.Tmpfs("/app/a:b", mode: 448)), "web");
        var node = (YamlScalarNode)YamlReading.Root(yaml).At("services", "web", "volumes", 0, "tmpfs", "mode");

        Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, node.Style);
        Assert.Equal("448", node.Value);
        Assert.Contains("# tmpfs.mode needs a compose that implements the compose specification", yaml, System.StringComparison.Ordinal);
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
        YamlMappingNode root = YamlReading.Root(yaml);
        var entries = new System.Collections.Generic.List<(string Type, string? Source, string Target)>();
        foreach (YamlNode volume in (YamlSequenceNode)root.At("services", "web", "volumes"))
        {
            if (volume is YamlScalarNode shortForm)
            {
                // "source:target:options": written only when neither path holds ':'.
                string[] parts = YamlReading.ComposeInterpolated(shortForm.Value!).Split(':');
                Assert.Equal(3, parts.Length);
                entries.Add(("bind", parts[0], parts[1]));
            }
            else
            {
                entries.Add((volume.At("type").Text(), volume.Has("source") ? YamlReading.ComposeInterpolated(volume.At("source").Text()) : null, YamlReading.ComposeInterpolated(volume.At("target").Text())));
            }
        }

        if (((YamlMappingNode)root.At("services", "web")).Has("tmpfs"))
        {
            foreach (YamlNode tmpfs in (YamlSequenceNode)root.At("services", "web", "tmpfs"))
            {
                string value = YamlReading.ComposeInterpolated(tmpfs.Text());
                entries.Add(("tmpfs", null, value.Substring(0, value.IndexOf(':'))));
            }
        }

        Assert.Equal(set.Select(m => m.Target).OrderBy(t => t, System.StringComparer.Ordinal), entries.Select(e => e.Target).OrderBy(t => t, System.StringComparer.Ordinal));
        Assert.Equal(
            set.Where(m => m.Kind == MountKind.Bind).Select(m => m.Source).OrderBy(t => t, System.StringComparer.Ordinal),
            entries.Where(e => e.Type == "bind").Select(e => e.Source).OrderBy(t => t, System.StringComparer.Ordinal));
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
