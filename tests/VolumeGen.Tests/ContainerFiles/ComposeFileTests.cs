using System;
using System.Collections.Generic;
using System.Linq;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Tests.ContainerFiles;

/// <summary>The compose model, case by case; ComposeDifferentialTests compares its reading of every compose file with YamlDotNet.</summary>
public sealed class ComposeFileTests
{
    private static ComposeServiceVolume Volume(string entry)
        => ComposeFile.Parse("services:\n  app:\n    volumes:\n      - " + entry + "\n").Services.Single().Volumes.Single();

    [Theory]
    [InlineData("/srv/cache", "volume", null, "/srv/cache", false, MountKind.AnonymousVolume)]
    [InlineData("data:/app/data", "volume", "data", "/app/data", false, MountKind.NamedVolume)]
    [InlineData("data:/app/data:ro", "volume", "data", "/app/data", true, MountKind.NamedVolume)]
    [InlineData("./settings:/srv/settings:ro", "bind", "./settings", "/srv/settings", true, MountKind.Bind)]
    [InlineData("/host:/container:rw", "bind", "/host", "/container", false, MountKind.Bind)]
    [InlineData("~/cfg:/cfg", "bind", "~/cfg", "/cfg", false, MountKind.Bind)]
    [InlineData("C:\\data:/data", "bind", "C:\\data", "/data", false, MountKind.Bind)]
    [InlineData("\"c:/data:/data:ro\"", "bind", "c:/data", "/data", true, MountKind.Bind)]
    public void Short_syntax_is_split_like_compose_does(string entry, string type, string? source, string target, bool readOnly, MountKind kind)
    {
        ComposeServiceVolume volume = Volume(entry);

        Assert.Equal(type, volume.Type);
        Assert.Equal(source, volume.Source);
        Assert.Equal(target, volume.Target);
        Assert.Equal(readOnly, volume.ReadOnly);
        Assert.Equal(kind, volume.Kind);
        Assert.True(volume.IsShortSyntax);
    }

    // Compose's drive rule is its own (compose-go's isWindowsDrive: any Unicode letter, then ':', nothing required after),
    // wider than HostPath.IsWindowsDrivePath (an ASCII letter, ':', then a separator), which the run arguments and the
    // validator use for host paths. The compose reader copies compose, so both rules stay, each named for what it reads.
    [Theory]
    [InlineData("\"C:data:/data\"", "C:data", "/data")]
    [InlineData("\"é:/photos:/data:ro\"", "é:/photos", "/data")]
    [InlineData("\"𝒟:/photos:/data\"", "𝒟:/photos", "/data")]
    public void A_drive_letter_is_compose_drive_rule_not_the_host_path_rule(string entry, string source, string target)
    {
        ComposeServiceVolume volume = Volume(entry);

        Assert.Equal(source, volume.Source);
        Assert.Equal(target, volume.Target);
        Assert.Equal((MountKind?)MountKind.Bind, volume.Kind);
        Assert.False(HostPath.IsWindowsDrivePath(source));
    }

    [Fact]
    public void Short_syntax_options_nocopy_and_selinux()
    {
        Assert.True(Volume("data:/data:nocopy").NoCopy);
        Assert.Equal(SelinuxLabel.Private, Volume("./x:/x:ro,Z").SelinuxLabel);
        Assert.Equal(SelinuxLabel.Shared, Volume("./x:/x:z").SelinuxLabel);
    }

    [Fact]
    public void Long_syntax_with_every_field()
    {
        const string yaml = "services:\n  app:\n    volumes:\n      - type: volume\n        source: data\n        target: /data\n        read_only: true\n        volume:\n          nocopy: true\n      - type: bind\n        source: ./cfg\n        target: /cfg\n        bind:\n          selinux: z\n      - type: tmpfs\n        target: /run\n        tmpfs:\n          size: 64m\n          mode: 1777\n      - type: volume\n        target: /anon\n      - type: npipe\n        source: \\\\.\\pipe\\docker_engine\n        target: \\\\.\\pipe\\docker_engine\n";
        IReadOnlyList<ComposeServiceVolume> volumes = ComposeFile.Parse(yaml).Services.Single().Volumes;

        Assert.Equal((MountKind?)MountKind.NamedVolume, volumes[0].Kind);
        Assert.True(volumes[0].ReadOnly);
        Assert.True(volumes[0].NoCopy);
        Assert.Equal(SelinuxLabel.Shared, volumes[1].SelinuxLabel);
        Assert.Equal((MountKind?)MountKind.Tmpfs, volumes[2].Kind);
        Assert.Equal(64L * 1024 * 1024, volumes[2].TmpfsSizeBytes);
        Assert.Equal(1777, volumes[2].TmpfsMode);
        Assert.Equal((MountKind?)MountKind.AnonymousVolume, volumes[3].Kind);
        Assert.Null(volumes[4].Kind);
        Assert.False(volumes[0].IsShortSyntax);
        Assert.Equal(4, volumes[0].Line);
    }

    [Fact]
    public void Tmpfs_entries_in_both_forms()
    {
        Assert.Equal("/run", ComposeFile.Parse("services:\n  a:\n    tmpfs: /run\n").Services[0].Volumes.Single().Target);
        ComposeServiceVolume volume = ComposeFile.Parse("services:\n  a:\n    tmpfs:\n      - /run:size=64k,mode=1777\n").Services[0].Volumes.Single();
        Assert.Equal("/run", volume.Target);
        Assert.Equal(64 * 1024, volume.TmpfsSizeBytes);
        Assert.Equal((MountKind?)MountKind.Tmpfs, volume.Kind);
        Assert.Equal(Convert.ToInt32("1777", 8), volume.TmpfsMode); // the engine hands these options to the kernel: octal
        Assert.Equal(Convert.ToInt32("700", 8), ComposeFile.Parse("services:\n  a:\n    tmpfs: /run:mode=700,size=1mb\n").Services[0].Volumes.Single().TmpfsMode);
    }

    // The long syntax's tmpfs.mode is a YAML integer, as compose reads it: decimal, or octal with a leading 0.
    [Theory]
    [InlineData("493", 493)]
    [InlineData("0755", 493)]
    [InlineData("0o755", null)]
    [InlineData("seven", null)]
    public void Long_syntax_tmpfs_mode_is_a_yaml_integer(string mode, int? expected)
        => Assert.Equal(expected, ComposeFile.Parse("services:\n  a:\n    volumes:\n      - type: tmpfs\n        target: /run\n        tmpfs:\n          mode: " + mode + "\n").Services[0].Volumes.Single().TmpfsMode);

    [Fact]
    public void Volumes_shared_through_an_extension_field_and_a_merge_key_count()
    {
        const string yaml = "x-app: &app\n  build:\n    context: ./src\n    dockerfile: Shop/Dockerfile\n  volumes:\n    - uploads:/srv/uploads\n  environment:\n    - DATA_DIR=/srv/uploads\nservices:\n  web:\n    <<: *app\n    image: shop-web\n  worker:\n    <<: *app\n    volumes:\n      - jobs:/srv/jobs\nvolumes:\n  uploads:\n  jobs:\n    external: true\n    name: shop-jobs\nx-ignored:\n  volumes:\n    - nothing:/nowhere\n";
        ComposeFile file = ComposeFile.Parse(yaml);

        Assert.Equal(new[] { "web", "worker" }, file.Services.Select(static s => s.Name));
        Assert.Equal("/srv/uploads", file.FindService("web")!.Volumes.Single().Target);
        Assert.Equal("/srv/jobs", file.FindService("worker")!.Volumes.Single().Target);
        Assert.Equal("./src", file.FindService("worker")!.Build!.Context);
        Assert.Equal("./src/Shop/Dockerfile", file.FindService("web")!.Build!.DockerfilePath);
        Assert.Equal("/srv/uploads", file.FindService("web")!.Environment.Single(static e => e.Name == "DATA_DIR").Value);
        Assert.Equal(new[] { "uploads", "jobs" }, file.Volumes.Select(static v => v.Key));
        Assert.True(file.Volumes[1].IsExternal);
        Assert.Equal("shop-jobs", file.Volumes[1].Name);
    }

    [Fact]
    public void Environment_in_map_and_list_forms()
    {
        ComposeService map = ComposeFile.Parse("services:\n  a:\n    environment:\n      A: one\n      B: 2\n      C:\n").Services[0];
        ComposeService list = ComposeFile.Parse("services:\n  a:\n    environment:\n      - A=one\n      - B=2=3\n      - C\n").Services[0];

        Assert.Equal(new[] { "one", "2", null }, map.Environment.Select(static e => e.Value));
        Assert.Equal(new[] { "A", "B", "C" }, list.Environment.Select(static e => e.Name));
        Assert.Equal(new[] { "one", "2=3", null }, list.Environment.Select(static e => e.Value));
    }

    [Fact]
    public void Build_short_and_long_forms()
    {
        ComposeFile file = ComposeFile.Parse("services:\n  a:\n    build: ./a\n  b:\n    build:\n      context: b\n      target: final\n      args:\n        CONFIG: Release\n  c:\n    image: c\n");

        Assert.Equal("./a", file.Services[0].Build!.Context);
        Assert.Equal("./a/Dockerfile", file.Services[0].Build!.DockerfilePath);
        Assert.Equal("final", file.Services[1].Build!.Target);
        Assert.Equal("Release", file.Services[1].Build!.Arguments.Single().Value);
        Assert.Null(file.Services[2].Build);
        Assert.Equal("c", file.Services[2].Image);
    }

    [Fact]
    public void Interpolation_uses_defaults_and_marks_what_comes_from_the_shell()
    {
        const string yaml = "services:\n  a:\n    volumes:\n      - ${DATA_DIR:-./data}:/app/data\n      - logs:${LOG_DIR}\n      - cost:/price/$$5\n";
        IReadOnlyList<ComposeServiceVolume> volumes = ComposeFile.Parse(yaml).Services[0].Volumes;

        Assert.Equal("./data", volumes[0].Source);
        Assert.Equal((MountKind?)MountKind.Bind, volumes[0].Kind);
        Assert.True(volumes[0].IsKnown);
        Assert.False(volumes[1].IsKnown);
        Assert.Equal("/price/$5", volumes[2].Target);

        ComposeServiceVolume given = ComposeFile.Parse(yaml, new Dictionary<string, string> { ["DATA_DIR"] = "appdata", ["LOG_DIR"] = "/logs" }).Services[0].Volumes[0];
        Assert.Equal((MountKind?)MountKind.NamedVolume, given.Kind);
    }

    [Fact]
    public void Includes_in_both_forms()
    {
        ComposeFile file = ComposeFile.Parse("include:\n  - db/compose.yaml\n  - path:\n      - a.yaml\n      - b.yaml\n    project_directory: ..\n    env_file: .env\nservices: {}\n");

        Assert.Equal(new[] { "db/compose.yaml" }, file.Includes[0].Paths);
        Assert.Equal(new[] { "a.yaml", "b.yaml" }, file.Includes[1].Paths);
        Assert.Equal("..", file.Includes[1].ProjectDirectory);
        Assert.Equal(new[] { ".env" }, file.Includes[1].EnvironmentFiles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just text")]
    [InlineData("services: [a, b]\n")]
    [InlineData("services:\n  a: 1\n  b:\n    volumes: /not/a/list\n    tmpfs: {}\n    environment: 3\n")]
    [InlineData("services:\n  a:\n    volumes:\n      - a:b:c:d\n      - \":\"\n      - \"\"\n      - {}\n")]
    public void Anything_else_gives_an_empty_or_partial_model_without_throwing(string yaml)
    {
        ComposeFile file = ComposeFile.Parse(yaml);
        Assert.All(file.Services.SelectMany(static s => s.Volumes), static v => Assert.False(string.IsNullOrEmpty(v.Target)));
    }
}
