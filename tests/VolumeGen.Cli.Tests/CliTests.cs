using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Cli.Tests;

/// <summary>The volumegen commands over a real assembly file, without an engine.</summary>
public sealed class CliTests : IDisposable
{
    private static readonly Mount[] Declared =
    {
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Tmpfs("/app/scratch", 1024 * 1024),
    };

    private readonly TempFolder _temp = new();
    private readonly string _assembly;

    public CliTests()
    {
        _assembly = ManifestAssembly.Write(_temp.Path, "ProfileApp", ManifestAssembly.Manifest("ProfileApp.AppStorage", Declared));
    }

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Commands() => new() { "show", "run-args", "dockerfile", "compose", "k8s", "ensure", "verify" };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_that_exits_0(string command)
    {
        CliResult result = await CliRunner.RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(command, result.Output);
        Assert.Contains("<assembly>", result.Output);
    }

    [Fact]
    public async Task Root_help_lists_every_command()
    {
        CliResult result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("volumegen [command] [options]", result.Output);
        foreach (string command in new[] { "show", "run-args", "dockerfile", "compose", "k8s", "ensure", "verify" })
        {
            Assert.Contains(command, result.Output);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_missing_file_exits_2_with_one_line_naming_it(string command)
    {
        string missing = Path.Combine(_temp.Path, "nope", "App.dll");
        string[] args = command == "verify" ? new[] { command, missing, "--container", "x" } : new[] { command, missing };

        CliResult result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains(missing, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task An_assembly_without_a_manifest_exits_2_and_says_how_to_get_one()
    {
        string plain = ManifestAssembly.Write(_temp.Path, "Plain", manifest: null);

        CliResult result = await CliRunner.RunAsync("show", plain);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no VolumeGen manifest", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("run-args", "--style", "bogus")]
    [InlineData("run-args", "--shell", "fish")]
    [InlineData("frobnicate")]
    [InlineData("verify")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        string[] full = args.Length > 1 ? new[] { args[0], _assembly }.Concat(args.Skip(1)).ToArray() : args;

        CliResult result = await CliRunner.RunAsync(full);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--help", result.Error);
    }

    [Fact]
    public async Task No_command_is_a_usage_error()
    {
        Assert.Equal(2, (await CliRunner.RunAsync()).ExitCode);
    }

    [Fact]
    public async Task Show_lists_the_class_and_every_mount()
    {
        CliResult result = await CliRunner.RunAsync("show", _assembly);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ProfileApp.AppStorage", result.Output);
        Assert.All<Mount>(Declared, m => Assert.Contains(m.Target, result.Output));
        Assert.Contains("name=profiles", result.Output);
    }

    [Fact]
    public async Task An_unknown_class_exits_2_listing_the_declared_ones()
    {
        CliResult result = await CliRunner.RunAsync("run-args", _assembly, "--class", "Nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ProfileApp.AppStorage", result.Error);
    }

    [Theory]
    [InlineData("mount", MountStyle.Mount)]
    [InlineData("v", MountStyle.Volume)]
    public async Task Run_args_prints_the_formatter_output_for_the_chosen_style_and_shell(string style, MountStyle expected)
    {
        string root = _temp.Path;
        string[] arguments = RunArguments.Format(Declared, expected, root);

        CliResult posix = await CliRunner.RunAsync("run-args", _assembly, "--class", "AppStorage", "--style", style, "--bind-root", root);
        CliResult powershell = await CliRunner.RunAsync("run-args", _assembly, "--style", style, "--shell", "powershell", "--bind-root", root);
        CliResult none = await CliRunner.RunAsync("run-args", _assembly, "--style", style, "--shell", "none", "--bind-root", root);

        Assert.Equal(ShellQuoting.Join(arguments, ShellDialect.Posix), posix.Output.TrimEnd('\n'));
        Assert.Equal(ShellQuoting.Join(arguments, ShellDialect.PowerShell), powershell.Output.TrimEnd('\n'));
        Assert.Equal(arguments, none.Output.TrimEnd('\n').Split('\n'));
        Assert.Contains(root + "/config", none.Output);
    }

    [Fact]
    public async Task Run_args_line_survives_a_real_posix_shell_with_hostile_paths()
    {
        Mount[] hostile =
        {
            Mount.NamedVolume("/app/it's $HOME, \"quoted\"", "hostile-data"),
            Mount.AnonymousVolume("/app/back`tick` & ; | *"),
        };
        string assembly = ManifestAssembly.Write(_temp.Path, "Hostile", ManifestAssembly.Manifest("Hostile.Storage", hostile));

        CliResult line = await CliRunner.RunAsync("run-args", assembly);
        var shell = new ProcessStartInfo("sh") { RedirectStandardOutput = true };
        shell.ArgumentList.Add("-c");
        shell.ArgumentList.Add("printf '%s\\n' " + line.Output.TrimEnd('\n'));
        using Process process = Process.Start(shell)!;
        string printed = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(RunArguments.Format(hostile), printed.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Dockerfile_compose_and_k8s_print_the_shared_formatters_output()
    {
        CliResult dockerfile = await CliRunner.RunAsync("dockerfile", _assembly);
        CliResult compose = await CliRunner.RunAsync("compose", _assembly, "--service", "web");
        CliResult defaultService = await CliRunner.RunAsync("compose", _assembly);
        CliResult k8s = await CliRunner.RunAsync("k8s", _assembly, "--app", "profiles-app");

        Assert.Equal(DockerfileVolume.Format(Declared).TrimEnd('\n'), dockerfile.Output.TrimEnd('\n'));
        Assert.Equal(ComposeOverride.Format(Declared, "web"), compose.Output);
        Assert.Equal(ComposeOverride.Format(Declared, "profileapp"), defaultService.Output);
        Assert.Equal(KubernetesManifests.Format(Declared, "profiles-app", new KubernetesOptions { BindRoot = Directory.GetCurrentDirectory() }), k8s.Output);
        Assert.All<CliResult>(new[] { dockerfile, compose, defaultService, k8s }, r => Assert.Equal(0, r.ExitCode));
    }

    [Fact]
    public async Task An_unreachable_engine_exits_2_with_one_line_saying_how_to_fix_it()
    {
        string socket = Path.Combine(_temp.Path, "no-engine.sock");

        CliResult ensure = await CliRunner.RunAsync("ensure", _assembly, "--host", "unix://" + socket);
        CliResult verify = await CliRunner.RunAsync("verify", _assembly, "--container", "x", "-H", "unix://" + socket);

        foreach (CliResult result in new[] { ensure, verify })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Single(result.Error.TrimEnd().Split('\n'));
            Assert.Contains(socket, result.Error);
            Assert.Contains("DOCKER_HOST", result.Error);
        }
    }

    [Fact]
    public async Task A_bad_engine_address_exits_2()
    {
        CliResult result = await CliRunner.RunAsync("ensure", _assembly, "--host", "ftp://nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ftp://nowhere", result.Error);
    }

    [Fact]
    public async Task Lint_prints_each_finding_at_its_line_and_exits_1()
    {
        string dockerfile = Path.Combine(_temp.Path, "Dockerfile");
        File.WriteAllText(dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nVOLUME ['/app/data']\nVOLUME logs\n");

        CliResult result = await CliRunner.RunAsync("lint", dockerfile);

        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Output.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(dockerfile + "(3): warning VG4001: ", lines[0]);
        Assert.StartsWith(dockerfile + "(4): warning VG4003: ", lines[1]);
    }

    [Fact]
    public async Task Lint_of_a_correct_dockerfile_prints_nothing_and_exits_0()
    {
        string dockerfile = Path.Combine(_temp.Path, "Dockerfile");
        File.WriteAllText(dockerfile, "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY bin/publish/ .\nVOLUME [\"/app/data\"]\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n");

        CliResult result = await CliRunner.RunAsync("lint", dockerfile);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Lint_uses_the_target_stage_and_refuses_an_unknown_one()
    {
        string dockerfile = Path.Combine(_temp.Path, "Dockerfile");
        File.WriteAllText(dockerfile, "FROM x AS build\nWORKDIR /src\nVOLUME /src\nFROM x AS final\nWORKDIR /app\n");

        Assert.Equal(0, (await CliRunner.RunAsync("lint", dockerfile)).ExitCode);
        CliResult build = await CliRunner.RunAsync("lint", dockerfile, "--target", "build");
        Assert.Equal(1, build.ExitCode);
        Assert.Contains("(3): warning VG4006: ", build.Output);
        CliResult unknown = await CliRunner.RunAsync("lint", dockerfile, "--target", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'nope'", unknown.Error);
    }

    [Fact]
    public async Task Lint_of_a_missing_file_exits_2_naming_it()
    {
        string missing = Path.Combine(_temp.Path, "nope", "Dockerfile");

        CliResult result = await CliRunner.RunAsync("lint", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Compose_default_service_name_is_the_one_the_build_task_uses()
    {
        string assembly = ManifestAssembly.Write(_temp.Path, "_Shop Web+Api", ManifestAssembly.Manifest("Shop.AppStorage", Declared));

        CliResult result = await CliRunner.RunAsync("compose", assembly);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\n  \"shop-web-api\":\n", result.Output);
        Assert.Equal("shop-web-api", OutputNames.ComposeService("_Shop Web+Api"));
    }

    public static TheoryData<string[]> EveryCommandOnACraftedManifest() => new()
    {
        new[] { "show" },
        new[] { "run-args" },
        new[] { "run-args", "--shell", "none" },
        new[] { "run-args", "--shell", "powershell" },
        new[] { "dockerfile" },
        new[] { "compose" },
        new[] { "k8s" },
        new[] { "ensure", "--host", "unix:///nonexistent/volumegen.sock" },
        new[] { "verify", "--container", "web", "--host", "unix:///nonexistent/volumegen.sock" },
    };

    [Theory]
    [MemberData(nameof(EveryCommandOnACraftedManifest))]
    public async Task A_crafted_manifest_is_refused_before_anything_is_printed_and_injects_no_argument(string[] command)
    {
        // A target with a newline: one argument per line would print --privileged as an argument of its own.
        string crafted = ManifestAssembly.Write(_temp.Path, "Crafted", ManifestAssembly.Manifest(
            "Crafted.Storage", Mount.NamedVolume("/app/data", "data"), Mount.AnonymousVolume("/app/x\n--privileged")));

        CliResult result = await CliRunner.RunAsync(new[] { command[0], crafted }.Concat(command.Skip(1)).ToArray());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("VG1003", result.Error);
        Assert.DoesNotContain("\n--privileged", result.Error);
    }

    [Theory]
    [InlineData("\\", '\\')]
    [InlineData("`", '`')]
    public async Task Dockerfile_escape_works_with_both_escape_characters(string option, char escape)
    {
        Mount[] mounts = { Mount.NamedVolume("/app/d$x \"q\"", "data"), Mount.AnonymousVolume("/app/back\\slash") };
        string assembly = ManifestAssembly.Write(_temp.Path, "Escapes", ManifestAssembly.Manifest("Escapes.Storage", mounts));

        CliResult result = await CliRunner.RunAsync("dockerfile", assembly, "--escape", option);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(DockerfileVolume.Format(mounts, escape).TrimEnd('\n'), result.Output.TrimEnd('\n'));
    }

    [Fact]
    public async Task K8s_options_for_a_non_root_pod_print_the_shared_formatters_output()
    {
        CliResult k8s = await CliRunner.RunAsync("k8s", _assembly, "--app", "profiles-app", "--fs-group", "1654", "--workload", "StatefulSet", "--config-maps");

        Assert.True(k8s.ExitCode == 0, k8s.Error);
        var options = new KubernetesOptions { BindRoot = Directory.GetCurrentDirectory(), FsGroup = 1654, Workload = KubernetesWorkload.StatefulSet, ConfigMapsForReadOnlyBinds = true };
        Assert.Equal(KubernetesManifests.Format(Declared, "profiles-app", options), k8s.Output);
        Assert.Contains("fsGroup: 1654", k8s.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k8s", "--fs-group", "-3")]
    [InlineData("k8s", "--workload", "DaemonSet")]
    [InlineData("dockerfile", "--escape", "$")]
    [InlineData("compose", "--service", "Web Front")]
    [InlineData("k8s", "--app", "Profile_App")]
    [InlineData("k8s", "--storage", "lots")]
    [InlineData("k8s", "--storage-class", "Fast SSD")]
    public async Task Option_values_are_validated_as_the_build_task_does(string command, string option, string value)
    {
        CliResult result = await CliRunner.RunAsync(command, _assembly, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains(value, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
