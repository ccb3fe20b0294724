using System;
using System.IO;
using System.Linq;
using k8s;
using k8s.Models;
using Microsoft.Build.Framework;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// Issue 15: with VolumeGen's defaults, an image whose final stage runs as a non-root user gets its volume folders
/// created owned by that user (run form with a shell, copy form without one), the order of USER and the block is
/// handled, and the Kubernetes patch carries the user's fsGroup.
/// </summary>
public sealed class NonRootOwnershipTests : IDisposable
{
    private static readonly VolumeManifest Manifest = ManifestAssembly.Of(
        "Demo.AppStorage",
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"));

    private const string Block = "# >>> VolumeGen\n# <<< VolumeGen\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (WriteVolumeArtifacts Task, RecordingBuildEngine Engine) Task(string dockerfile, string path = "Dockerfile")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.File(path))!);
        File.WriteAllText(_folder.File(path), dockerfile);
        var engine = new RecordingBuildEngine();
        var task = new WriteVolumeArtifacts
        {
            BuildEngine = engine,
            AssemblyPath = ManifestAssembly.Write(_folder.Path, Manifest),
            IntermediateDirectory = _folder.File("obj/volumegen/"),
            ProjectName = "Demo.App",
            Dockerfile = _folder.File(path),
            KubernetesBindRoot = Path.GetDirectoryName(_folder.File(path)),
        };
        return (task, engine);
    }

    private string Written(string path = "Dockerfile") => File.ReadAllText(_folder.File(path));

    [Fact]
    public void Final_user_app_uid_gets_the_run_form_by_default()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n" + Block + "USER $APP_UID\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n");

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Contains("\nRUN mkdir -p /app/data /app/cache && chown -R $APP_UID /app/data /app/cache\nVOLUME [\"/app/data\", \"/app/cache\"]\n# <<< VolumeGen\nUSER $APP_UID\n", Written());
    }

    [Fact]
    public void Visual_studio_layout_final_stage_inherits_the_user_of_its_base_stage()
    {
        string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\n" + Block + "USER $APP_UID\nWORKDIR /app\n\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [\"Web/Web.csproj\", \"Web/\"]\nRUN dotnet restore\n\nFROM base AS final\nWORKDIR /app\nCOPY --from=build /app/publish .\n";
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(dockerfile);

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Contains("AS base\n# >>> VolumeGen: Demo.App (generated from AppStorage; edits inside this block are overwritten)\nRUN mkdir -p /app/data /app/cache && chown -R $APP_UID /app/data /app/cache\n", Written());
    }

    [Fact]
    public void A_block_after_the_user_left_root_switches_to_root_for_the_chown_and_back()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\nWORKDIR /app\n" + Block + "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n");

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Contains("\nUSER root\nRUN mkdir -p /app/data /app/cache && chown -R app /app/data /app/cache\nUSER app\nVOLUME [", Written());
    }

    [Fact]
    public void A_root_image_gets_no_ownership_step()
    {
        (WriteVolumeArtifacts task, _) = Task("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n" + Block + "USER root\n");

        Assert.True(task.Execute());

        Assert.DoesNotContain("chown", Written(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_none_turns_the_step_off_for_a_non_root_image()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" + Block + "USER $APP_UID\n");
        task.Ownership = "none";

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.DoesNotContain("chown", Written(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chiseled_image_gets_the_copy_form_and_the_empty_folder_in_the_build_context()
    {
        // The chiseled images run as app (1654) without a USER line and have no shell.
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\nCOPY bin/publish/ .\n" + Block + "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n");
        Directory.CreateDirectory(_folder.File("bin/publish"));

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Contains("\nCOPY --chown=$APP_UID [\".volumegen-empty/\", \"/app/data/\"]\nCOPY --chown=$APP_UID [\".volumegen-empty/\", \"/app/cache/\"]\nVOLUME [", Written());
        Assert.True(Directory.Exists(_folder.File(".volumegen-empty")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.File(".volumegen-empty")));
    }

    [Fact]
    public void The_copy_forms_empty_folder_goes_where_the_dockerfiles_copy_sources_are_the_solution_folder()
    {
        string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [\"Web/Web.csproj\", \"Web/\"]\nRUN dotnet restore\n\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS final\nWORKDIR /app\n" + Block + "COPY --from=build /app/publish .\n";
        File.WriteAllText(_folder.File("Web.csproj"), "<Project />");
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(dockerfile, "Web/Dockerfile");
        File.Move(_folder.File("Web.csproj"), _folder.File("Web/Web.csproj"));

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.True(Directory.Exists(_folder.File(".volumegen-empty")), "the empty folder belongs in the solution folder, the build context");
        Assert.False(Directory.Exists(_folder.File("Web/.volumegen-empty")));
    }

    [Fact]
    public void Run_forced_on_an_image_without_a_shell_warns_at_the_block()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\nWORKDIR /app\n" + Block);
        task.Ownership = "run";

        Assert.True(task.Execute());

        BuildWarningEventArgs warning = Assert.Single(engine.Warnings);
        Assert.Equal("VG3030", warning.Code);
        Assert.Equal(3, warning.LineNumber);
        Assert.Contains("'copy'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_in_a_stage_the_image_is_not_built_from_warns_that_the_folders_stay_roots()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" + Block + "RUN true\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\n");

        Assert.True(task.Execute());

        BuildWarningEventArgs warning = Assert.Single(engine.Warnings, w => w.Code == "VG3030");
        Assert.Equal(2, warning.LineNumber);
        Assert.Contains("'build'", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("chown", Written(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\n", null, 1654L)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER 1000:2000\n", null, 2000L)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV APP_UID=4242\nUSER $APP_UID\n", null, 4242L)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER root\n", null, null)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n", null, null)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\n", null, 1654L)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\n", "777", 777L)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\n", "none", null)]
    public void Kubernetes_fs_group_comes_from_the_images_user_or_the_property(string dockerfile, string? property, long? expected)
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(dockerfile);
        task.KubernetesFile = _folder.File("deploy/volumes.yaml");
        task.KubernetesFsGroup = property;

        Assert.True(task.Execute());

        Assert.DoesNotContain(engine.Warnings, w => w.Code == "VG3031");
        V1Deployment deployment = Assert.Single(KubernetesYaml.LoadAllFromString(File.ReadAllText(_folder.File("deploy/volumes.yaml"))).OfType<V1Deployment>());
        Assert.Equal(expected, deployment.Spec.Template.Spec.SecurityContext?.FsGroup);
        Assert.Equal("Recreate", deployment.Spec.Strategy.Type);
    }

    // Without a Dockerfile the image is the SDK's (ImageFacts.FromSdk): ContainerUser, else the .NET images' APP_UID —
    // the user the analyzers take for the home folder too, whether or not EnableSdkContainerSupport is set.
    [Theory]
    [InlineData("app", 1654L)]
    [InlineData("", 1654L)]
    [InlineData("1001", 1001L)]
    [InlineData("root", null)]
    public void Without_a_dockerfile_the_SDKs_user_gives_the_fs_group(string containerUser, long? expected)
    {
        (WriteVolumeArtifacts task, _) = Task("FROM x\n");
        task.Dockerfile = null;
        task.ContainerUser = containerUser;
        task.KubernetesFile = _folder.File("deploy/volumes.yaml");

        Assert.True(task.Execute());

        V1Deployment deployment = Assert.Single(KubernetesYaml.LoadAllFromString(File.ReadAllText(_folder.File("deploy/volumes.yaml"))).OfType<V1Deployment>());
        Assert.Equal(expected, deployment.Spec.Template.Spec.SecurityContext?.FsGroup);
    }

    [Fact]
    public void Without_a_dockerfile_a_base_image_that_is_not_a_dotnet_image_has_a_user_VolumeGen_cannot_see_and_warns()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM x\n");
        task.Dockerfile = null;
        task.ContainerBaseImage = "ubuntu:24.04";
        task.KubernetesFile = _folder.File("deploy/volumes.yaml");

        Assert.True(task.Execute());

        BuildWarningEventArgs warning = Assert.Single(engine.Warnings, w => w.Code == "VG3031");
        Assert.Contains("'ubuntu:24.04'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("VolumeGenKubernetesFsGroup", warning.Message, StringComparison.Ordinal);
    }

    // ContainerUser is the SDK's: a Dockerfile's image runs as its own USER (here none: root), and a forced step
    // chowns to the .NET images' app user, not to ContainerUser.
    [Fact]
    public void A_Dockerfile_image_ignores_ContainerUser_for_the_fs_group_and_the_owner()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n" + Block);
        task.ContainerUser = "builder";
        task.Ownership = "run";
        task.KubernetesFile = _folder.File("deploy/volumes.yaml");

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Contains("chown -R $APP_UID /app/data /app/cache", Written(), StringComparison.Ordinal);
        V1Deployment deployment = Assert.Single(KubernetesYaml.LoadAllFromString(File.ReadAllText(_folder.File("deploy/volumes.yaml"))).OfType<V1Deployment>());
        Assert.Null(deployment.Spec.Template.Spec.SecurityContext?.FsGroup);
    }

    // Issue 24: a chiseled image without USER runs as $APP_UID for every part — the block's COPY --chown (above), the
    // pod's fsGroup here, the analyzers' home /home/app (DataProtectionTests) and the CLI's fsGroup (KubernetesUserTests).
    [Fact]
    public void A_chiseled_image_without_USER_gives_the_pod_fs_group_1654_and_VG3001_says_who_the_image_runs_as()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n");
        task.KubernetesFile = _folder.File("deploy/volumes.yaml");

        Assert.True(task.Execute());

        V1Deployment deployment = Assert.Single(KubernetesYaml.LoadAllFromString(File.ReadAllText(_folder.File("deploy/volumes.yaml"))).OfType<V1Deployment>());
        Assert.Equal(1654, deployment.Spec.Template.Spec.SecurityContext?.FsGroup);
        BuildWarningEventArgs missing = Assert.Single(engine.Warnings, w => w.Code == "VG3001");
        Assert.Contains("before line 3 ('ENTRYPOINT [\"dotnet\", \"App.dll\"]'), where the image already runs as '$APP_UID'", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("still built as root", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_whose_id_cannot_be_told_warns_and_names_the_property()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER builder\n");
        task.KubernetesFile = _folder.File("deploy/volumes.yaml");

        Assert.True(task.Execute());

        BuildWarningEventArgs warning = Assert.Single(engine.Warnings, w => w.Code == "VG3031");
        Assert.Contains("VolumeGenKubernetesFsGroup", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'builder'", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KubernetesFsGroup", "-5")]
    [InlineData("KubernetesFsGroup", "app")]
    [InlineData("KubernetesWorkload", "DaemonSet")]
    public void Invalid_kubernetes_settings_are_an_error_naming_the_value(string property, string value)
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task("FROM x\n" + Block);
        task.KubernetesFile = _folder.File("deploy/volumes.yaml");
        typeof(WriteVolumeArtifacts).GetProperty(property)!.SetValue(task, value);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("VG3007", error.Code);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("deploy/volumes.yaml")));
    }

    [Fact]
    public void StatefulSet_workload_writes_volume_claim_templates()
    {
        (WriteVolumeArtifacts task, _) = Task("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\n");
        task.KubernetesFile = _folder.File("deploy/volumes.yaml");
        task.KubernetesWorkload = "StatefulSet";

        Assert.True(task.Execute());

        V1StatefulSet set = Assert.IsType<V1StatefulSet>(Assert.Single(KubernetesYaml.LoadAllFromString(File.ReadAllText(_folder.File("deploy/volumes.yaml")))));
        Assert.Equal("profiles", Assert.Single(set.Spec.VolumeClaimTemplates).Metadata.Name);
        Assert.Equal(1654, set.Spec.Template.Spec.SecurityContext.FsGroup);
    }
}
