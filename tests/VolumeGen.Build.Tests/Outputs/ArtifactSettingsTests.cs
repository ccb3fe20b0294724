using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using VolumeGen.Build.Dockerfiles;
using VolumeGen.Build.Outputs;
using Xunit;

namespace VolumeGen.Build.Tests.Outputs;

/// <summary>
/// Issue 24 item 3: the task's properties are read once into <see cref="ArtifactSettings"/>; a value a fixed-set
/// property does not take is VG3007 naming the property, the value and every value it takes, and nothing is written;
/// every value it takes is documented.
/// </summary>
public sealed class ArtifactSettingsTests : IDisposable
{
    private const string Dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n# >>> VolumeGen\n# <<< VolumeGen\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    private static readonly VolumeManifest Manifest = ManifestAssembly.Of("Demo.AppStorage", Mount.NamedVolume("/app/data", "profiles"));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (WriteVolumeArtifacts Task, RecordingBuildEngine Engine) Task()
    {
        File.WriteAllText(_folder.File("Dockerfile"), Dockerfile);
        var engine = new RecordingBuildEngine();
        var task = new WriteVolumeArtifacts
        {
            BuildEngine = engine,
            AssemblyPath = ManifestAssembly.Write(_folder.Path, Manifest),
            IntermediateDirectory = _folder.File("obj/volumegen/"),
            ProjectName = "Demo.App",
            Dockerfile = _folder.File("Dockerfile"),
            KubernetesFile = _folder.File("deploy/volumes.yaml"),
            KubernetesBindRoot = _folder.Path,
        };
        return (task, engine);
    }

    [Theory]
    [InlineData(nameof(WriteVolumeArtifacts.Ownership), "yes", "VolumeGenDockerfileOwnership", new[] { "empty", "'auto'", "'none'", "'false'", "'run'", "'true'", "'copy'" })]
    [InlineData(nameof(WriteVolumeArtifacts.Ownership), "chown", "VolumeGenDockerfileOwnership", new[] { "empty", "'auto'", "'none'", "'false'", "'run'", "'true'", "'copy'" })]
    [InlineData(nameof(WriteVolumeArtifacts.KubernetesWorkload), "DaemonSet", "VolumeGenKubernetesWorkload", new[] { "empty", "'Deployment'", "'StatefulSet'" })]
    [InlineData(nameof(WriteVolumeArtifacts.KubernetesFsGroup), "app", "VolumeGenKubernetesFsGroup", new[] { "'1654'", "'none'", "empty" })]
    public void An_unknown_value_is_refused_naming_the_property_the_value_and_the_allowed_values(string property, string value, string msbuildProperty, string[] allowed)
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task();
        typeof(WriteVolumeArtifacts).GetProperty(property)!.SetValue(task, value);

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("VG3007", error.Code);
        Assert.Contains(msbuildProperty, error.Message, StringComparison.Ordinal);
        Assert.Contains("'" + value + "'", error.Message, StringComparison.Ordinal);
        foreach (string choice in allowed)
        {
            Assert.Contains(choice, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(Dockerfile, File.ReadAllText(_folder.File("Dockerfile")));
        Assert.False(Directory.Exists(_folder.File("obj/volumegen")));
        Assert.False(File.Exists(_folder.File("deploy/volumes.yaml")));
    }

    [Fact]
    public void Every_invalid_setting_is_reported_in_one_build()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task();
        task.Ownership = "sometimes";
        task.KubernetesWorkload = "Job";
        task.ComposeService = "My Service";

        Assert.False(task.Execute());

        Assert.All(engine.Errors, static e => Assert.Equal("VG3007", e.Code));
        Assert.Contains(engine.Errors, static e => e.Message!.Contains("VolumeGenDockerfileOwnership", StringComparison.Ordinal));
        Assert.Contains(engine.Errors, static e => e.Message!.Contains("VolumeGenKubernetesWorkload", StringComparison.Ordinal));
        Assert.Contains(engine.Errors, static e => e.Message!.Contains("VolumeGenComposeService", StringComparison.Ordinal));
        Assert.Equal(3, engine.Errors.Count);
    }

    [Theory]
    [InlineData(null, OwnershipSetting.Auto)]
    [InlineData("", OwnershipSetting.Auto)]
    [InlineData(" Auto ", OwnershipSetting.Auto)]
    [InlineData("NONE", OwnershipSetting.None)]
    [InlineData("false", OwnershipSetting.None)]
    [InlineData("run", OwnershipSetting.Run)]
    [InlineData("True", OwnershipSetting.Run)]
    [InlineData("copy", OwnershipSetting.Copy)]
    public void Each_documented_ownership_spelling_reads_as_its_setting(string? value, OwnershipSetting expected)
    {
        (WriteVolumeArtifacts task, _) = Task();
        task.Ownership = value;

        Assert.True(ArtifactSettings.TryRead(task, static (_, _, message) => Assert.Fail(message), out ArtifactSettings settings));

        Assert.Equal(expected, settings.Ownership);
    }

    [Theory]
    [InlineData("true", "RUN mkdir -p /app/data && chown -R $APP_UID /app/data\n")]
    [InlineData("false", "overwritten)\nVOLUME [\"/app/data\"]\n")]
    public void The_switch_spellings_write_the_block_of_run_and_none(string value, string expected)
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task();
        task.Ownership = value;

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(static e => e.Message)));

        Assert.Contains(expected, File.ReadAllText(_folder.File("Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_settings_read_as_the_workload_and_the_fs_group()
    {
        (WriteVolumeArtifacts task, _) = Task();
        task.KubernetesWorkload = " statefulset";
        task.KubernetesFsGroup = "2000";

        Assert.True(ArtifactSettings.TryRead(task, static (_, _, message) => Assert.Fail(message), out ArtifactSettings settings));

        Assert.Equal(KubernetesWorkload.StatefulSet, settings.Workload);
        Assert.False(settings.FsGroupFromImage);
        Assert.Equal(2000, settings.FsGroup);
    }

    /// <summary>Every spelling the reader accepts is in the property's row of the VG3007 page and in docs/build.md.</summary>
    [Fact]
    public void Every_accepted_value_is_documented()
    {
        string root = RulePagesTests.RepoRoot();
        string[] rulePage = File.ReadAllLines(Path.Combine(root, "docs", "rules", "VG3007.md"));
        string build = File.ReadAllText(Path.Combine(root, "docs", "build.md"));
        var documented = new List<(string Property, IEnumerable<string> Spellings)>
        {
            ("VolumeGenDockerfileOwnership", ArtifactSettings.OwnershipChoices.SelectMany(static c => c.Spellings)),
            ("VolumeGenKubernetesWorkload", ArtifactSettings.WorkloadChoices.SelectMany(static c => c.Spellings)),
        };

        foreach ((string property, IEnumerable<string> spellings) in documented)
        {
            string row = Assert.Single(rulePage, line => line.StartsWith("| `" + property + "` |", StringComparison.Ordinal));
            foreach (string spelling in spellings)
            {
                string written = spelling.Length == 0 ? "empty" : "`" + spelling + "`";
                Assert.Contains(written, row, StringComparison.Ordinal);
                Assert.Contains(written, build, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The copy form's empty folder is part of the plan: a refused output leaves no folder behind either.</summary>
    [Fact]
    public void A_refused_output_leaves_the_copy_forms_empty_folder_uncreated()
    {
        (WriteVolumeArtifacts task, RecordingBuildEngine engine) = Task();
        task.Ownership = "copy";
        File.WriteAllText(_folder.File("compose.yaml"), "services:\n  web:\n    image: shop\n");
        task.ComposeFile = _folder.File("compose.yaml");

        Assert.False(task.Execute());

        Assert.Equal("VG3008", Assert.Single(engine.Errors).Code);
        Assert.False(Directory.Exists(_folder.File(".volumegen-empty")));
        Assert.Equal(Dockerfile, File.ReadAllText(_folder.File("Dockerfile")));
    }
}
