using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Xunit;
using k8s;
using k8s.Models;

namespace VolumeGen.Build.Tests;

/// <summary>The task in-process, against assemblies that carry a hand-written manifest attribute.</summary>
public sealed class WriteVolumeArtifactsTests : IDisposable
{
    private const string Dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY bin/publish/ .\n# >>> VolumeGen\n# <<< VolumeGen\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    private static readonly VolumeManifest Manifest = ManifestAssembly.Of(
        "Demo.AppStorage",
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Tmpfs("/app/scratch", 64L * 1024 * 1024));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (WriteVolumeArtifacts Task, RecordingBuildEngine Engine) Task(VolumeManifest? manifest, string? dockerfile = "Dockerfile")
    {
        var engine = new RecordingBuildEngine();
        var task = new WriteVolumeArtifacts
        {
            BuildEngine = engine,
            AssemblyPath = ManifestAssembly.Write(_folder.Path, manifest),
            IntermediateDirectory = _folder.File("obj/volumegen/"),
            ProjectName = "Demo.App",
            Dockerfile = dockerfile is null ? null : _folder.File(dockerfile),
        };
        return (task, engine);
    }

    [Fact]
    public void Writes_the_region_and_the_inspection_copies()
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Contains("\nVOLUME [\"/app/data\", \"/app/cache\"]\n# <<< VolumeGen\n", File.ReadAllText(_folder.File("Dockerfile")));
        foreach (string name in new[] { "manifest.json", "Dockerfile.volumegen", "run-arguments.sh.txt", "compose.volumegen.yaml", "kubernetes.volumegen.yaml" })
        {
            Assert.True(File.Exists(_folder.File("obj/volumegen/" + name)), name);
            Assert.Contains(task.IntermediateFiles, item => item.ItemSpec.EndsWith(name, StringComparison.Ordinal));
        }

        Assert.Equal(Manifest.AllMounts.ToCommandLine() + "\n", File.ReadAllText(_folder.File("obj/volumegen/run-arguments.sh.txt")));
    }

    [Fact]
    public void Second_run_without_change_writes_nothing_and_keeps_timestamps()
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        Assert.True(Task(Manifest).Task.Execute());
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_folder.File("Dockerfile"), stamp);

        (WriteVolumeArtifacts task, _) = Task(Manifest);
        Assert.True(task.Execute());

        Assert.Empty(task.WrittenFiles);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(_folder.File("Dockerfile")));
    }

    [Fact]
    public void Changed_declarations_update_the_region()
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        Assert.True(Task(Manifest).Task.Execute());

        (WriteVolumeArtifacts task, _) = Task(ManifestAssembly.Of("Demo.AppStorage", Mount.NamedVolume("/app/db", "db")));
        Assert.True(task.Execute());

        string text = File.ReadAllText(_folder.File("Dockerfile"));
        Assert.Contains("VOLUME [\"/app/db\"]", text);
        Assert.DoesNotContain("/app/data", text);
        Assert.Contains(task.WrittenFiles, item => item.ItemSpec == _folder.File("Dockerfile"));
    }

    [Fact]
    public void No_markers_warns_with_the_two_lines_and_leaves_the_bytes()
    {
        byte[] original = Encoding.UTF8.GetBytes("FROM x\r\nWORKDIR /app\r\n");
        File.WriteAllBytes(_folder.File("Dockerfile"), original);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("VG3001", warning.Code);
        Assert.Contains("'# >>> VolumeGen' and '# <<< VolumeGen'", warning.Message);
        Assert.Equal(BuildDiagnostics.GetHelpUri("VG3001"), warning.HelpLink);
        Assert.Equal(original, File.ReadAllBytes(_folder.File("Dockerfile")));
    }

    [Fact]
    public void Hand_written_volume_not_declared_in_csharp_warns_at_its_line()
    {
        File.WriteAllText(_folder.File("Dockerfile"), "FROM x\nVOLUME /app/data /app/logs\n# >>> VolumeGen\n# <<< VolumeGen\n");
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings, static w => w.Code == "VG3002");
        Assert.Equal(2, warning.LineNumber);
        Assert.Contains("\"/app/logs\"", warning.Message);
        // /app/data is declared in C#, so the block now carries it too: the Dockerfile lint reports the repeat.
        Assert.Equal(new[] { "VG3002", "VG4005" }, engine.Warnings.Select(static w => w.Code).OrderBy(static c => c, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("FROM x\nWORKDIR /app\nVOLUME ['/app/logs']\n# >>> VolumeGen\n# <<< VolumeGen\n", "VG4001", 3)]
    [InlineData("FROM x\nVOLUME /app/logs, /app/tmp\n# >>> VolumeGen\n# <<< VolumeGen\n", "VG4002", 2)]
    [InlineData("FROM x\nWORKDIR /app\n\nVOLUME logs\n# >>> VolumeGen\n# <<< VolumeGen\n", "VG4003", 4)]
    [InlineData("FROM x\nVOLUME $LOGS\n# >>> VolumeGen\n# <<< VolumeGen\n", "VG4004", 2)]
    // Lines are those of the file as the build leaves it: the filled block is one line longer.
    [InlineData("FROM x\nWORKDIR /app\n# >>> VolumeGen\n# <<< VolumeGen\nVOLUME /app\n", "VG4006", 6)]
    [InlineData("FROM x\n# >>> VolumeGen\n# <<< VolumeGen\nRUN touch /app/data/seed\n", "VG4007", 5)]
    [InlineData("FROM x\nVOLUME ['/app/logs']\n", "VG4001", 2)]
    public void Dockerfile_lint_warns_at_the_line_with_the_rule_page(string dockerfile, string id, int line)
    {
        File.WriteAllText(_folder.File("Dockerfile"), dockerfile);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(ManifestAssembly.Of("Demo.AppStorage", Mount.NamedVolume("/app/data", "data")));

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings, w => w.Code == id);
        Assert.Equal(line, warning.LineNumber);
        Assert.Equal(_folder.File("Dockerfile"), warning.File);
        Assert.Equal(BuildDiagnostics.GetHelpUri(id), warning.HelpLink);
    }

    [Fact]
    public void A_correct_dockerfile_gets_no_lint_warning()
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);
        Assert.True(task.Execute());

        (WriteVolumeArtifacts second, RecordingBuildEngine secondEngine) = Task(Manifest);
        Assert.True(second.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Empty(secondEngine.Warnings);
    }

    [Theory]
    [InlineData("FROM x AS base\nVOLUME /app/logs\nFROM base\n# >>> VolumeGen\n# <<< VolumeGen\n", 2)]
    [InlineData("FROM x\nENV LOGS=/app/logs\nVOLUME $LOGS\n# >>> VolumeGen\n# <<< VolumeGen\n", 3)]
    [InlineData("FROM x\nVOLUME [\"/app/logs\"] \n# >>> VolumeGen\n# <<< VolumeGen\n", 2)]
    public void Hand_written_volume_of_the_image_is_found_through_stages_and_variables(string dockerfile, int line)
    {
        File.WriteAllText(_folder.File("Dockerfile"), dockerfile);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("VG3002", warning.Code);
        Assert.Equal(line, warning.LineNumber);
        Assert.Contains("\"/app/logs\"", warning.Message);
    }

    [Fact]
    public void VolumeGenDockerfileTarget_picks_the_stage_whose_volumes_are_checked()
    {
        const string dockerfile = "FROM x AS debug\nVOLUME /app/logs\n# >>> VolumeGen\n# <<< VolumeGen\nFROM x AS release\nVOLUME /app/data\n";
        File.WriteAllText(_folder.File("Dockerfile"), dockerfile);
        (WriteVolumeArtifacts last, RecordingBuildEngine lastEngine) = Task(Manifest);
        Assert.True(last.Execute());
        Assert.Empty(lastEngine.Warnings);

        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);
        task.DockerfileTarget = "Debug";
        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("VG3002", warning.Code);
        Assert.Equal(2, warning.LineNumber);
    }

    [Fact]
    public void A_VolumeGenDockerfileTarget_that_names_no_stage_is_an_error_and_the_file_is_untouched()
    {
        byte[] original = Encoding.UTF8.GetBytes("FROM x AS build\nFROM x AS final\n# >>> VolumeGen\n# <<< VolumeGen\n");
        File.WriteAllBytes(_folder.File("Dockerfile"), original);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);
        task.DockerfileTarget = "relase";

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("VG3007", error.Code);
        Assert.Contains("'relase'", error.Message);
        Assert.Contains("build, final", error.Message);
        Assert.Equal(original, File.ReadAllBytes(_folder.File("Dockerfile")));
    }

    [Fact]
    public void Malformed_markers_are_an_error_and_the_file_is_untouched()
    {
        byte[] original = Encoding.UTF8.GetBytes("FROM x\n# >>> VolumeGen\nVOLUME /a\n");
        File.WriteAllBytes(_folder.File("Dockerfile"), original);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);

        Assert.False(task.Execute());

        Assert.Equal("VG3005", Assert.Single(engine.Errors).Code);
        Assert.Equal(original, File.ReadAllBytes(_folder.File("Dockerfile")));
    }

    [SkippableFact]
    public void Unwritable_dockerfile_is_an_error_naming_it_and_the_old_file_stays_intact()
    {
        byte[] original = Encoding.UTF8.GetBytes(Dockerfile);
        string path = _folder.File("Dockerfile");
        File.WriteAllBytes(path, original);
        using ImmutableFile? immutable = ImmutableFile.TryCreate(path);
        Skip.If(immutable is null, "chattr +i is not available here; root ignores chmod, so no other way makes the file unwritable.");
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("VG3003", error.Code);
        Assert.Contains(path, error.Message);
        Assert.Equal(path, error.File);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    [Fact]
    public void Read_only_dockerfile_is_an_error_naming_it_and_is_not_replaced()
    {
        // chmod a-w: the folder stays writable, so only an explicit check keeps the rename from replacing the file
        // (and its mode). .NET reports ReadOnly from the owner's write bit for the owner, root included.
        byte[] original = Encoding.UTF8.GetBytes(Dockerfile);
        string path = _folder.File("Dockerfile");
        File.WriteAllBytes(path, original);
        File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        try
        {
            (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);

            Assert.False(task.Execute());

            var error = Assert.Single(engine.Errors);
            Assert.Equal("VG3003", error.Code);
            Assert.Contains(path, error.Message);
            Assert.Contains("read-only", error.Message);
            Assert.Equal(original, File.ReadAllBytes(path));
            Assert.True((File.GetAttributes(path) & FileAttributes.ReadOnly) != 0);
            Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
        }
        finally
        {
            File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
        }
    }

    [Fact]
    public void Invalid_declarations_are_refused_with_the_validator_code_and_message()
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        var invalid = ManifestAssembly.Of("Demo.AppStorage", Mount.NamedVolume("/app/data", "-bad name"));
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(invalid);

        Assert.False(task.Execute());

        MountProblem problem = MountValidator.Validate(invalid.AllMounts).First(p => p.Severity == MountProblemSeverity.Error);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(problem.Id, error.Code);
        Assert.EndsWith(problem.Message, error.Message);
        Assert.Equal(Dockerfile, File.ReadAllText(_folder.File("Dockerfile")));
        Assert.False(Directory.Exists(_folder.File("obj/volumegen")));
    }

    [Fact]
    public void Copy_ownership_writes_copy_chown_lines_and_creates_the_empty_source_folder_in_the_build_context()
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);
        task.Ownership = "copy";

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        // Not under obj/: the .dockerignore Visual Studio writes leaves **/obj out of the build context.
        Assert.Contains("COPY --chown=$APP_UID [\".volumegen-empty/\", \"/app/data/\"]\n", File.ReadAllText(_folder.File("Dockerfile")));
        Assert.True(Directory.Exists(_folder.File(".volumegen-empty")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.File(".volumegen-empty")));
    }

    [Fact]
    public void A_newer_manifest_version_is_an_error()
    {
        var engine = new RecordingBuildEngine();
        var task = new WriteVolumeArtifacts
        {
            BuildEngine = engine,
            AssemblyPath = ManifestAssembly.WriteJson(_folder.Path, "{\"version\":99,\"classes\":[]}"),
            IntermediateDirectory = _folder.File("obj/volumegen/"),
            ProjectName = "Demo",
        };

        Assert.False(task.Execute());

        Assert.Equal("VG3004", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void An_assembly_without_a_manifest_leaves_a_dockerfile_without_markers_alone_and_says_nothing()
    {
        File.WriteAllText(_folder.File("Dockerfile"), "FROM x\n");
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(null);

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Equal("FROM x\n", File.ReadAllText(_folder.File("Dockerfile")));
        Assert.All(task.WrittenFiles, item => Assert.StartsWith(_folder.File("obj/volumegen/"), item.ItemSpec, StringComparison.Ordinal));
        Assert.Empty(VolumeManifest.Parse(File.ReadAllText(_folder.File("obj/volumegen/manifest.json"))).Classes);
    }

    [Fact]
    public void Explicit_dockerfile_that_does_not_exist_warns()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest, "Dockerfile.missing");
        task.DockerfileExplicit = true;

        Assert.True(task.Execute());

        Assert.Equal("VG3006", Assert.Single(engine.Warnings).Code);
    }

    [Theory]
    [InlineData("Ownership", "sometimes")]
    [InlineData("Owner", "app; rm -rf /")]
    [InlineData("ComposeService", "My Service")]
    [InlineData("KubernetesAppName", "My_App")]
    public void Invalid_settings_are_an_error_naming_the_value(string property, string value)
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest);
        task.Ownership = "run";
        typeof(WriteVolumeArtifacts).GetProperty(property)!.SetValue(task, value);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("VG3007", error.Code);
        Assert.Contains(value, error.Message);
        Assert.Equal(Dockerfile, File.ReadAllText(_folder.File("Dockerfile")));
    }

    [Fact]
    public void Kubernetes_file_loads_into_typed_objects()
    {
        (WriteVolumeArtifacts task, _) = Task(Manifest, dockerfile: null);
        task.KubernetesFile = _folder.File("k8s/volumes.yaml");

        Assert.True(task.Execute());

        List<object> objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(_folder.File("k8s/volumes.yaml")));
        V1PersistentVolumeClaim claim = Assert.Single(objects.OfType<V1PersistentVolumeClaim>());
        Assert.Equal("profiles", claim.Metadata.Name);
        V1Deployment deployment = Assert.Single(objects.OfType<V1Deployment>());
        Assert.Equal("demo-app", deployment.Metadata.Name);
        V1Container container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal(new[] { "/app/cache", "/app/data", "/app/scratch" }, container.VolumeMounts.Select(m => m.MountPath).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void Kubernetes_host_path_switch_writes_the_bind_mount_resolved_against_the_bind_root()
    {
        (WriteVolumeArtifacts task, _) = Task(Manifest, dockerfile: null);
        task.KubernetesFile = _folder.File("k8s/volumes.yaml");
        task.KubernetesIncludeHostPath = true;
        task.KubernetesBindRoot = _folder.Path;

        Assert.True(task.Execute());

        V1Deployment deployment = Assert.Single(KubernetesYaml.LoadAllFromString(File.ReadAllText(_folder.File("k8s/volumes.yaml"))).OfType<V1Deployment>());
        V1Volume config = Assert.Single(deployment.Spec.Template.Spec.Volumes, v => v.HostPath is not null);
        Assert.Equal(Path.Combine(_folder.Path, "config"), config.HostPath.Path);
        V1VolumeMount mount = Assert.Single(Assert.Single(deployment.Spec.Template.Spec.Containers).VolumeMounts, m => m.MountPath == "/app/config");
        Assert.True(mount.ReadOnlyProperty);
    }

    [SkippableFact]
    public void Compose_override_passes_docker_compose_config()
    {
        bool required = Environment.GetEnvironmentVariable("VOLUMEGEN_REQUIRE_DOCKER") == "1";
        bool present = Processes.OnPath("docker-compose");
        if (!present && required)
        {
            Assert.Fail("VOLUMEGEN_REQUIRE_DOCKER=1 but docker-compose is not on PATH (Debian package docker-compose).");
        }

        Skip.IfNot(present, "docker-compose is not installed (Debian package docker-compose); set VOLUMEGEN_REQUIRE_DOCKER=1 to make this a failure.");
        (WriteVolumeArtifacts task, _) = Task(Manifest, dockerfile: null);
        task.ComposeFile = _folder.File("compose.volumegen.yaml");
        Assert.True(task.Execute());
        File.WriteAllText(_folder.File("compose.yaml"), "services:\n  demo.app:\n    image: mcr.microsoft.com/dotnet/aspnet:10.0\n");
        Directory.CreateDirectory(_folder.File("config"));

        (int exit, string output) = Processes.Run("docker-compose", new[] { "-f", "compose.yaml", "-f", "compose.volumegen.yaml", "config" }, _folder.Path);

        Assert.True(exit == 0, output);
        Assert.Contains("profiles", output);
        Assert.Contains("/app/data", output);
        Assert.Contains("/app/config", output);
    }

    [Theory]
    [InlineData("compose")]
    [InlineData("kubernetes")]
    public void A_hand_written_file_named_as_an_output_is_refused_by_name_and_left_untouched(string output)
    {
        const string Hand = "services:\n  web:\n    image: shop/web\n    ports: [\"8080:8080\"]\n";
        File.WriteAllText(_folder.File("compose.yaml"), Hand);
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest, dockerfile: null);
        if (output == "compose")
        {
            task.ComposeFile = _folder.File("compose.yaml");
        }
        else
        {
            task.KubernetesFile = _folder.File("compose.yaml");
        }

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("VG3008", error.Code);
        Assert.Contains(output == "compose" ? "VolumeGenComposeFile" : "VolumeGenKubernetesFile", error.Message);
        Assert.Equal(_folder.File("compose.yaml"), error.File);
        Assert.Equal(Hand, File.ReadAllText(_folder.File("compose.yaml")));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    [Fact]
    public void A_file_volumegen_wrote_is_replaced_and_a_new_one_created()
    {
        File.WriteAllText(_folder.File("compose.volumegen.yaml"), ComposeOverride.Format(new MountSet(Mount.AnonymousVolume("/app/old")), "old"));
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest, dockerfile: null);
        task.ComposeFile = _folder.File("compose.volumegen.yaml");
        task.KubernetesFile = _folder.File("deploy/volumes.yaml");

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Equal(ComposeOverride.Format(Manifest.AllMounts, "demo.app"), File.ReadAllText(_folder.File("compose.volumegen.yaml")));
        Assert.StartsWith(GeneratedFileHeader.Prefix, File.ReadAllText(_folder.File("deploy/volumes.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_and_kubernetes_on_one_path_is_a_setting_error()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(Manifest, dockerfile: null);
        task.ComposeFile = _folder.File("out.yaml");
        task.KubernetesFile = _folder.File("out.yaml");

        Assert.False(task.Execute());

        Assert.Equal("VG3007", Assert.Single(engine.Errors).Code);
        Assert.False(File.Exists(_folder.File("out.yaml")));
    }

    [Fact]
    public void An_invalid_class_in_the_manifest_is_refused_with_its_id_and_message_and_nothing_is_written()
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        var manifest = new VolumeManifest(new[]
        {
            new ManifestClass("Demo.AppStorage", Manifest.AllMounts),
            new ManifestClass("Demo.Broken", new MountSet(Mount.AnonymousVolume("relative")), new[] { new ManifestProblem("VG1001", "The container path \"relative\" is not an absolute POSIX path.") }),
        });
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(manifest);
        task.ComposeFile = _folder.File("compose.volumegen.yaml");

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("VG1001", error.Code);
        Assert.StartsWith("The container path \"relative\" is not an absolute POSIX path.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Demo.Broken", error.Message);
        Assert.EndsWith("/docs/rules/VG1001.md", error.HelpLink);
        Assert.Equal(Dockerfile, File.ReadAllText(_folder.File("Dockerfile")));
        Assert.Empty(task.WrittenFiles);
        Assert.False(File.Exists(_folder.File("compose.volumegen.yaml")));
        Assert.False(Directory.Exists(_folder.File("obj/volumegen")));
    }

    [Fact]
    public void Without_declarations_every_output_says_there_are_none()
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        (WriteVolumeArtifacts first, _) = Task(Manifest);
        first.ComposeFile = _folder.File("compose.volumegen.yaml");
        first.KubernetesFile = _folder.File("k8s.yaml");
        Assert.True(first.Execute());

        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(null);
        task.ComposeFile = _folder.File("compose.volumegen.yaml");
        task.KubernetesFile = _folder.File("k8s.yaml");
        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        var none = new MountSet();
        Assert.Contains("# (no named or anonymous volumes declared)", File.ReadAllText(_folder.File("Dockerfile")));
        Assert.Equal(ComposeOverride.Format(none, "demo.app"), File.ReadAllText(_folder.File("compose.volumegen.yaml")));
        Assert.Equal(KubernetesManifests.Format(none, "demo-app"), File.ReadAllText(_folder.File("k8s.yaml")));
        Assert.Empty(VolumeManifest.Parse(File.ReadAllText(_folder.File("obj/volumegen/manifest.json"))).Classes);
        Assert.Equal(File.ReadAllText(_folder.File("k8s.yaml")), File.ReadAllText(_folder.File("obj/volumegen/kubernetes.volumegen.yaml")));
    }

    [Fact]
    public void The_block_names_its_project_and_another_project_is_refused_without_a_change()
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        Assert.True(Task(Manifest).Task.Execute());
        string owned = File.ReadAllText(_folder.File("Dockerfile"));
        Assert.Contains("# >>> VolumeGen: Demo.App (generated from AppStorage;", owned);

        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task(ManifestAssembly.Of("Other.Storage", Mount.AnonymousVolume("/srv/other")));
        task.ProjectName = "Other";

        Assert.False(task.Execute());
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("VG3009", error.Code);
        Assert.Contains("'Demo.App'", error.Message);
        Assert.Equal(4, error.LineNumber);
        Assert.Equal(owned, File.ReadAllText(_folder.File("Dockerfile")));
    }

    [Theory]
    [InlineData("# >>> VolumeGen")]
    [InlineData("# >>> VolumeGen (generated from Old; edits inside this block are overwritten)")]
    public void A_block_that_names_no_project_is_claimed_by_the_project_that_builds(string beginLine)
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile.Replace("# >>> VolumeGen", beginLine));

        Assert.True(Task(Manifest).Task.Execute());

        Assert.Contains("# >>> VolumeGen: Demo.App (generated from AppStorage;", File.ReadAllText(_folder.File("Dockerfile")));
    }
}
