using System;
using System.IO;
using System.Threading.Tasks;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Cli.Tests;

/// <summary>
/// <c>volumegen k8s</c> knows the image's user as the build task does — the project's Dockerfile, or <c>--dockerfile</c> —
/// so a non-root pod gets the <c>securityContext.fsGroup</c> it needs to write its claims, or a note saying how to set it.
/// </summary>
public sealed class KubernetesUserTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _project;
    private readonly string _assembly;

    public KubernetesUserTests()
    {
        _project = Path.Combine(_temp.Path, "ProfileApp");
        Directory.CreateDirectory(_project);
        File.WriteAllText(Path.Combine(_project, "ProfileApp.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />\n");
        _assembly = ManifestAssembly.Write(Path.Combine(_project, "bin", "Release", "net10.0"), "ProfileApp", ManifestAssembly.Manifest("ProfileApp.AppStorage", Mount.NamedVolume("/app/data", "profiles")));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_projects_Dockerfile_running_as_APP_UID_gives_the_pod_fsGroup_1654_as_the_build_task_does()
    {
        File.WriteAllText(Path.Combine(_project, "Dockerfile"), VisualStudioContainerFiles.Dockerfile("ProfileApp"));

        CliResult k8s = await CliRunner.RunAsync("k8s", _assembly);

        Assert.True(k8s.ExitCode == 0, k8s.Error);
        Assert.Contains("fsGroup: 1654", k8s.Output);
        Assert.Equal(string.Empty, k8s.Error);
    }

    [Fact]
    public async Task Dockerfile_names_another_Dockerfile_and_its_users_group_is_the_fsGroup()
    {
        string other = Path.Combine(_temp.Path, "deploy", "api.dockerfile");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.WriteAllText(other, "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nUSER 1000:3000\n\nFROM base AS final\nWORKDIR /app\n");

        CliResult k8s = await CliRunner.RunAsync("k8s", _assembly, "--dockerfile", other);

        Assert.True(k8s.ExitCode == 0, k8s.Error);
        Assert.Contains("fsGroup: 3000", k8s.Output);
    }

    [Fact]
    public async Task A_user_whose_id_cannot_be_told_gets_no_fsGroup_and_a_note_naming_the_option()
    {
        File.WriteAllText(Path.Combine(_project, "Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER appuser\n");

        CliResult k8s = await CliRunner.RunAsync("k8s", _assembly);

        Assert.Equal(0, k8s.ExitCode);
        Assert.DoesNotContain("fsGroup", k8s.Output);
        Assert.Contains("'appuser'", k8s.Error);
        Assert.Contains("--fs-group", k8s.Error);
    }

    [Fact]
    public async Task Without_a_Dockerfile_the_tool_says_it_does_not_know_the_image_user_and_how_to_pass_it()
    {
        CliResult k8s = await CliRunner.RunAsync("k8s", _assembly);

        Assert.Equal(0, k8s.ExitCode);
        Assert.DoesNotContain("fsGroup", k8s.Output);
        Assert.Contains("--fs-group", k8s.Error);
        Assert.Contains("--dockerfile", k8s.Error);
    }

    [Fact]
    public async Task A_root_image_needs_no_fsGroup_and_fs_group_overrides_the_Dockerfile()
    {
        File.WriteAllText(Path.Combine(_project, "Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n");

        CliResult root = await CliRunner.RunAsync("k8s", _assembly);
        File.WriteAllText(Path.Combine(_project, "Dockerfile"), VisualStudioContainerFiles.Dockerfile("ProfileApp"));
        CliResult overridden = await CliRunner.RunAsync("k8s", _assembly, "--fs-group", "4242");

        Assert.True(root.ExitCode == 0, root.Error);
        Assert.DoesNotContain("fsGroup", root.Output);
        Assert.Equal(string.Empty, root.Error);
        Assert.True(overridden.ExitCode == 0, overridden.Error);
        Assert.Contains("fsGroup: 4242", overridden.Output);
    }

    [Fact]
    public async Task A_missing_dockerfile_option_value_is_a_usage_error()
    {
        CliResult k8s = await CliRunner.RunAsync("k8s", _assembly, "--dockerfile", Path.Combine(_temp.Path, "nope", "Dockerfile"));

        Assert.Equal(2, k8s.ExitCode);
        Assert.Contains("nope", k8s.Error);
        Assert.Equal(string.Empty, k8s.Output);
    }
}
