using System.Collections.Generic;
using System.Linq;

namespace VolumeGen.Tests;

public class MountValidatorTests
{
    private static IReadOnlyList<MountProblem> Validate(params Mount[] mounts) => new MountSet(mounts).Validate();

    private static MountProblem Single(MountProblemCode code, params Mount[] mounts)
    {
        IReadOnlyList<MountProblem> problems = Validate(mounts);
        MountProblem problem = Assert.Single(problems, p => p.Code == code);
        Assert.Equal("VG" + ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Id);
        return problem;
    }

    private static void None(MountProblemCode code, params Mount[] mounts)
        => Assert.DoesNotContain(Validate(mounts), p => p.Code == code);

    [Fact]
    public void Codes_are_stable()
    {
        var expected = new Dictionary<MountProblemCode, string>
        {
            [MountProblemCode.TargetNotAbsolute] = "VG1001",
            [MountProblemCode.DotDotSegment] = "VG1002",
            [MountProblemCode.ControlCharacter] = "VG1003",
            [MountProblemCode.ColonInPath] = "VG1004",
            [MountProblemCode.InvalidVolumeName] = "VG1005",
            [MountProblemCode.DuplicateTarget] = "VG1006",
            [MountProblemCode.NestedTarget] = "VG1007",
            [MountProblemCode.SystemDirectoryTarget] = "VG1008",
            [MountProblemCode.SensitiveBindSource] = "VG1009",
            [MountProblemCode.InvalidTmpfsSize] = "VG1010",
            [MountProblemCode.InvalidTmpfsMode] = "VG1011",
            [MountProblemCode.EmptyBindSource] = "VG1012",
        };
        Assert.Equal(expected.Count, System.Enum.GetValues(typeof(MountProblemCode)).Length);
        foreach (KeyValuePair<MountProblemCode, string> pair in expected)
        {
            Assert.Equal(pair.Value, new MountProblem(pair.Key, MountProblemSeverity.Error, 0, MountField.Target, "", "").Id);
        }
    }

    [Fact]
    public void The_readme_set_is_valid()
        => Assert.Empty(Validate(
            Mount.NamedVolume("/app/data", name: "profiles"),
            Mount.AnonymousVolume("/app/cache"),
            Mount.Bind("./config", "/app/config", readOnly: true),
            Mount.Tmpfs("/app/scratch", sizeBytes: 64L * 1024 * 1024, mode: 493)));

    [Theory]
    [InlineData("app/data")]
    [InlineData("./data")]
    [InlineData("data")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("C:\\app\\data")]
    public void VG1001_target_not_absolute(string target)
    {
        MountProblem problem = Single(MountProblemCode.TargetNotAbsolute, Mount.AnonymousVolume(target));
        Assert.Equal(MountProblemSeverity.Error, problem.Severity);
        Assert.Equal(MountField.Target, problem.Field);
        Assert.Contains("\"/app/", problem.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("\"/app/\"", problem.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/app/data")]
    [InlineData("/app/data/")]
    [InlineData("//app//data")]
    public void VG1001_absolute_target_passes(string target) => None(MountProblemCode.TargetNotAbsolute, Mount.AnonymousVolume(target));

    [Theory]
    [InlineData("/app/../data")]
    [InlineData("/app/data/..")]
    [InlineData("/../app")]
    public void VG1002_dotdot_segment(string target)
        => Assert.Equal(MountProblemSeverity.Error, Single(MountProblemCode.DotDotSegment, Mount.AnonymousVolume(target)).Severity);

    [Theory]
    [InlineData("/app/..data")]
    [InlineData("/app/data..")]
    [InlineData("/app/./data")]
    public void VG1002_dots_inside_a_name_pass(string target) => None(MountProblemCode.DotDotSegment, Mount.AnonymousVolume(target));

    [Theory]
    [InlineData("/app/da\nta")]
    [InlineData("/app/da\rta")]
    [InlineData("/app/da\tta")]
    [InlineData("/app/da\0ta")]
    [InlineData("/app/da\u001bta")]
    [InlineData("/app/da\u007fta")]
    [InlineData("/app/da\u0085ta")]
    public void VG1003_control_character_in_target(string target)
    {
        MountProblem problem = Single(MountProblemCode.ControlCharacter, Mount.AnonymousVolume(target));
        Assert.Equal(MountField.Target, problem.Field);
        Assert.DoesNotContain(target, problem.Message, System.StringComparison.Ordinal); // shown escaped, never raw
    }

    [Fact]
    public void VG1003_control_character_in_bind_source()
        => Assert.Equal(MountField.Source, Single(MountProblemCode.ControlCharacter, Mount.Bind("./con\nfig", "/app/config")).Field);

    [Theory]
    [InlineData("/app/données")]
    [InlineData("/app/with space")]
    [InlineData("/app/日本")]
    public void VG1003_printable_non_ascii_passes(string target) => None(MountProblemCode.ControlCharacter, Mount.AnonymousVolume(target));

    [Fact]
    public void VG1004_colon_in_target_is_a_warning()
    {
        MountProblem problem = Single(MountProblemCode.ColonInPath, Mount.AnonymousVolume("/app/a:b"));
        Assert.Equal(MountProblemSeverity.Warning, problem.Severity);
        Assert.False(MountValidator.HasErrors(Validate(Mount.AnonymousVolume("/app/a:b"))));
    }

    [Fact]
    public void VG1004_colon_in_bind_source_is_a_warning()
        => Assert.Equal(MountField.Source, Single(MountProblemCode.ColonInPath, Mount.Bind("./a:b", "/app/x")).Field);

    [Theory]
    [InlineData("./a:b", "/app/x")]
    [InlineData("./ab", "/app/x:y")]
    public void VG1004_with_an_selinux_label_says_docker_will_refuse_it(string source, string target)
    {
        MountProblem problem = Single(MountProblemCode.ColonInPath, Mount.Bind(source, target, selinuxLabel: SelinuxLabel.Private));
        Assert.Contains("remove the ':' or the SelinuxLabel", problem.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("--mount", Single(MountProblemCode.ColonInPath, Mount.Bind(source, target, selinuxLabel: SelinuxLabel.Shared)).Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C:\\data")]
    [InlineData("d:/data")]
    [InlineData("./data")]
    public void VG1004_windows_drive_and_plain_sources_pass(string source) => None(MountProblemCode.ColonInPath, Mount.Bind(source, "/app/x"));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("-data")]
    [InlineData(".data")]
    [InlineData("_data")]
    [InlineData("da ta")]
    [InlineData("da/ta")]
    [InlineData("dätä")]
    [InlineData("da:ta")]
    [InlineData("da\nta")]
    public void VG1005_invalid_volume_name(string name)
    {
        MountProblem problem = Single(MountProblemCode.InvalidVolumeName, Mount.NamedVolume("/app/data", name: name));
        Assert.Equal(MountField.Name, problem.Field);
        Assert.False(MountValidator.IsValidVolumeName(name));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("profiles")]
    [InlineData("App.Logs_1-x")]
    [InlineData("1data")]
    public void VG1005_valid_volume_name_passes(string name)
    {
        None(MountProblemCode.InvalidVolumeName, Mount.NamedVolume("/app/data", name: name));
        Assert.True(MountValidator.IsValidVolumeName(name));
    }

    [Theory]
    [InlineData("/app/data")]
    [InlineData("/a")]
    [InlineData("/")]
    [InlineData("/日本/x")]
    public void VG1005_derived_names_are_valid(string target)
        => None(MountProblemCode.InvalidVolumeName, Mount.NamedVolume(target));

    [Fact]
    public void VG1006_duplicate_target_after_normalisation()
    {
        MountProblem problem = Single(MountProblemCode.DuplicateTarget, Mount.NamedVolume("/app/data", "a1"), Mount.AnonymousVolume("/app/data/"));
        Assert.Equal(1, problem.MountIndex);
        Assert.Equal(MountProblemSeverity.Error, problem.Severity);
    }

    [Fact]
    public void VG1006_distinct_targets_pass() => None(MountProblemCode.DuplicateTarget, Mount.NamedVolume("/app/data", "a1"), Mount.AnonymousVolume("/app/data2"));

    [Theory]
    [InlineData("/app/data", "/app/data/sub")]
    [InlineData("/app/data/sub", "/app/data")]
    public void VG1007_nested_target_is_a_warning(string first, string second)
    {
        MountProblem problem = Single(MountProblemCode.NestedTarget, Mount.AnonymousVolume(first), Mount.AnonymousVolume(second));
        Assert.Equal(MountProblemSeverity.Warning, problem.Severity);
        Assert.Equal(1, problem.MountIndex);
    }

    [Fact]
    public void VG1007_prefix_that_is_not_a_parent_passes() => None(MountProblemCode.NestedTarget, Mount.AnonymousVolume("/app/data"), Mount.AnonymousVolume("/app/database"));

    [Theory]
    [InlineData("/")]
    [InlineData("/bin")]
    [InlineData("/usr")]
    [InlineData("/lib")]
    [InlineData("/etc")]
    [InlineData("/proc")]
    [InlineData("/sys")]
    [InlineData("/dev")]
    [InlineData("/etc/")]
    public void VG1008_system_directory_target(string target)
        => Assert.Equal(MountProblemSeverity.Error, Single(MountProblemCode.SystemDirectoryTarget, Mount.AnonymousVolume(target)).Severity);

    [Theory]
    [InlineData("/usr/local/app")]
    [InlineData("/etc/myapp")]
    [InlineData("/binaries")]
    public void VG1008_app_folders_pass(string target) => None(MountProblemCode.SystemDirectoryTarget, Mount.AnonymousVolume(target));

    [Theory]
    [InlineData("/var/run/docker.sock")]
    [InlineData("/run/docker.sock")]
    [InlineData("/")]
    [InlineData("/etc")]
    [InlineData("/proc")]
    [InlineData("/sys")]
    [InlineData("/root")]
    [InlineData("/var/lib/docker")]
    [InlineData("/boot")]
    [InlineData("/dev")]
    [InlineData("/etc/")]
    [InlineData("//var//run/./docker.sock")]
    [InlineData("/tmp/../etc")]
    public void VG1009_sensitive_bind_source(string source)
    {
        MountProblem problem = Single(MountProblemCode.SensitiveBindSource, Mount.Bind(source, "/app/host"));
        Assert.Equal(MountProblemSeverity.Warning, problem.Severity);
        Assert.Equal(MountField.Source, problem.Field);
    }

    [Theory]
    [InlineData("/srv/app/config")]
    [InlineData("./etc")]
    [InlineData("/etcetera")]
    [InlineData("/etc/localtime")]
    [InlineData("/home/me/src/app/config")]
    [InlineData("/var/run-data")]
    [InlineData("/home/me/ssh")]
    public void VG1009_ordinary_bind_source_passes(string source) => None(MountProblemCode.SensitiveBindSource, Mount.Bind(source, "/app/host"));

    [Theory]
    [InlineData("/var/run", "container engine")]
    [InlineData("/run", "container engine")]
    [InlineData("/var/run/", "container engine")]
    [InlineData("/run/containerd", "container engine")]
    [InlineData("/run/containerd/containerd.sock", "container engine")]
    [InlineData("/var/run/containerd/containerd.sock", "container engine")]
    [InlineData("/run/podman/podman.sock", "container engine")]
    [InlineData("/run/user/1000/docker.sock", "container engine")]
    [InlineData("/run/user/1000/podman/podman.sock", "container engine")]
    [InlineData("/var/lib/containerd", "container engine")]
    [InlineData("\\\\.\\pipe\\docker_engine", "container engine")]
    [InlineData("//./pipe/docker_engine", "container engine")]
    [InlineData("/home/me/.ssh", "SSH keys")]
    [InlineData("~/.ssh", "SSH keys")]
    [InlineData("/root/.ssh/id_ed25519", "SSH keys")]
    [InlineData("C:\\Users\\me\\.ssh", "SSH keys")]
    [InlineData("/home/me/.docker", "registry credentials")]
    [InlineData("/Users/me/.docker/config.json", "registry credentials")]
    [InlineData("~/.kube", "cluster credentials")]
    [InlineData("/home/me/.kube/config", "cluster credentials")]
    [InlineData("/usr", "system files")]
    [InlineData("/lib", "system files")]
    [InlineData("/bin", "system files")]
    [InlineData("/sbin", "system files")]
    [InlineData("/boot/efi", "system files")]
    [InlineData("/proc/1", "system files")]
    [InlineData("/sys/fs/cgroup", "system files")]
    [InlineData("/dev/sda", "system files")]
    public void VG1009_engine_sockets_and_their_folders_credentials_and_system_folders_name_the_risk(string source, string risk)
    {
        MountProblem problem = Single(MountProblemCode.SensitiveBindSource, Mount.Bind(source, "/app/host"));

        Assert.Equal(MountProblemSeverity.Warning, problem.Severity);
        Assert.Contains(risk, problem.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/home/me/src/App", "../../../../var/run/docker.sock")]
    [InlineData("/home/me/src/App", "../../../../../../../../run")]
    [InlineData("/srv/App", "../../etc")]
    [InlineData("/home/me/src/App", "../../.ssh")]
    public void VG1009_relative_sources_are_resolved_against_the_project_folder_first(string projectFolder, string source)
    {
        Assert.Contains(MountValidator.Validate(new MountSet(Mount.Bind(source, "/app/host")), projectFolder), p => p.Code == MountProblemCode.SensitiveBindSource);
        Assert.DoesNotContain(MountValidator.Validate(new MountSet(Mount.Bind("../shared/config", "/app/host")), projectFolder), p => p.Code == MountProblemCode.SensitiveBindSource);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void VG1010_tmpfs_size_not_positive(long size)
        => Assert.Equal(MountField.SizeBytes, Single(MountProblemCode.InvalidTmpfsSize, Mount.Tmpfs("/app/tmp", sizeBytes: size)).Field);

    [Theory]
    [InlineData(1L)]
    [InlineData(long.MaxValue)]
    [InlineData(null)]
    public void VG1010_positive_or_unset_size_passes(long? size) => None(MountProblemCode.InvalidTmpfsSize, Mount.Tmpfs("/app/tmp", sizeBytes: size));

    [Theory]
    [InlineData(-1)]
    [InlineData(512)]
    [InlineData(755)] // decimal 755 is 01363: the classic mistake
    [InlineData(int.MaxValue)]
    public void VG1011_tmpfs_mode_out_of_range(int mode)
        => Assert.Equal(MountField.Mode, Single(MountProblemCode.InvalidTmpfsMode, Mount.Tmpfs("/app/tmp", mode: mode)).Field);

    [Theory]
    [InlineData(0)]
    [InlineData(493)]
    [InlineData(511)]
    [InlineData(null)]
    public void VG1011_mode_in_range_passes(int? mode) => None(MountProblemCode.InvalidTmpfsMode, Mount.Tmpfs("/app/tmp", mode: mode));

    [Fact]
    public void VG1012_empty_bind_source()
        => Assert.Equal(MountField.Source, Single(MountProblemCode.EmptyBindSource, Mount.Bind("", "/app/config")).Field);

    [Fact]
    public void VG1012_named_bind_source_passes() => None(MountProblemCode.EmptyBindSource, Mount.Bind(".", "/app/config"));

    [Fact]
    public void Problems_name_the_mount_index_in_declaration_order()
    {
        IReadOnlyList<MountProblem> problems = Validate(Mount.AnonymousVolume("/app/ok"), Mount.AnonymousVolume("rel"), Mount.Tmpfs("/app/t", sizeBytes: 0));
        Assert.Equal(new[] { 1, 2 }, problems.Select(p => p.MountIndex));
        Assert.True(MountValidator.HasErrors(problems));
    }

    [Fact]
    public void Messages_name_the_value_and_start_with_the_id_in_ToString()
    {
        MountProblem problem = Single(MountProblemCode.InvalidVolumeName, Mount.NamedVolume("/app/data", name: "bad name"));
        Assert.Contains("\"bad name\"", problem.Message, System.StringComparison.Ordinal);
        Assert.StartsWith("VG1005: ", problem.ToString(), System.StringComparison.Ordinal);
        Assert.Equal("bad name", problem.Value);
    }

    // Issue 24: one volume-name message — VG1005's words are the CLI's and VolumeGen.Docker's, naming the value, the rule and a valid name.
    [Theory]
    [InlineData("bad name", null, "\"bad name\" is not a valid volume name: Docker requires ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$ (at least 2 characters, starting with a letter or digit). Use e.g. \"bad-name\".")]
    [InlineData("x", "--volume", "--volume \"x\" is not a valid volume name: Docker requires ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$ (at least 2 characters, starting with a letter or digit). Use e.g. \"volume-x\".")]
    [InlineData("da\nta", null, "\"da\\nta\" is not a valid volume name: Docker requires ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$ (at least 2 characters, starting with a letter or digit). Use e.g. \"da-ta\".")]
    [InlineData("", "--from", "--from \"\" is not a valid volume name: Docker requires ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$ (at least 2 characters, starting with a letter or digit). Use e.g. \"volume\".")]
    [InlineData("profiles", null, null)]
    public void A_volume_name_Docker_refuses_gets_one_message_naming_it_the_rule_and_a_valid_name(string name, string? option, string? message)
    {
        Assert.Equal(message, MountValidator.VolumeNameProblem(name, option));
        if (message is not null)
        {
            Assert.True(MountValidator.IsValidVolumeName(message.Substring(message.LastIndexOf("e.g. \"", System.StringComparison.Ordinal) + 6).TrimEnd('.', '"')));
        }

        if (message is not null && option is null)
        {
            Assert.Equal(message, Single(MountProblemCode.InvalidVolumeName, Mount.NamedVolume("/app/data", name)).Message);
        }
    }
}
