using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>
/// Issue 15: SDK container publishing (<c>dotnet publish -t:PublishContainer</c>, no Dockerfile), offline — the base
/// image served by a registry on 127.0.0.1 — gives an image whose <c>Config.Volumes</c> are the declared ones and
/// whose volume folders belong to the container user (1654, the SDK's default), so the app started with the generated
/// arguments writes its named volume and keeps the data across a replaced container. Once for the archive output
/// (<c>ContainerArchiveOutputPath</c>, loaded with <c>docker load</c>) and once for the local engine.
/// </summary>
public sealed class SdkContainerPublishingTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly List<string> _images = new();
    private readonly List<string> _containers = new();
    private readonly List<string> _volumes = new();

    public void Dispose()
    {
        if (DockerEngine.Unavailable is null)
        {
            _containers.ForEach(c => DockerEngine.RemoveContainers(c));
            _volumes.ForEach(v => DockerEngine.RemoveVolume(v));
            _images.ForEach(i => DockerEngine.RemoveImage(i));
        }

        _temp.Dispose();
    }

    [SkippableTheory]
    [InlineData("archive")]
    [InlineData("local engine")]
    public void Published_image_declares_the_volumes_and_the_app_user_keeps_its_data(string destination)
    {
        DockerEngine.SkipUnlessAvailable();
        if (LocalRegistry.Unavailable is string reason)
        {
            Assert.False(DockerEngine.Required, "VOLUMEGEN_REQUIRE_DOCKER=1 but " + reason);
            Skip.If(true, reason);
        }

        using LocalRegistry registry = LocalRegistry.Start();
        string baseImage = registry.Push("mcr.microsoft.com/dotnet/aspnet:10.0", "dotnet/aspnet:10.0");
        string volume = DockerEngine.UniqueName("vg-sdk-publish");
        _volumes.Add(volume);
        string repository = "volumegen-test/sdk-publish-" + Guid.NewGuid().ToString("N").Substring(0, 10);
        string image = repository + ":latest";
        _images.Add(image);

        Dictionary<string, string> files = NonRootVolumeTests.AppFiles(volume, dockerfile: null);
        files.Remove("Dockerfile");
        PackageConsumer app = PackageConsumer.Create(_temp.Path, "NonRootApp", files);
        string archive = Path.Combine(_temp.Path, "image.tar");
        var arguments = new List<string>
        {
            "publish", "NonRootApp.csproj", "-t:PublishContainer",
            "-p:EnableSdkContainerSupport=true", "-p:ContainerBaseImage=" + baseImage, "-p:ContainerRepository=" + repository,
        };
        if (destination == "archive")
        {
            arguments.Add("-p:ContainerArchiveOutputPath=" + archive);
        }

        Dictionary<string, string> environment = app.Environment;
        environment["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry.Address; // plain HTTP on loopback
        ProcessResult publish = DockerEngine.Run("dotnet", arguments.Concat(PackedVolumeGen.QuietBuildArguments), app.Folder, environment, timeoutSeconds: 900);
        Assert.True(publish.ExitCode == 0, publish.Output + publish.Error);

        if (destination == "archive")
        {
            Assert.True(File.Exists(archive), "the SDK wrote no archive:\n" + publish.Output);
            ProcessResult load = DockerEngine.Docker("load", "-i", archive);
            Assert.True(load.ExitCode == 0, "docker load of the archive VolumeGen rewrote failed:\n" + load.Output + load.Error);
        }

        using (JsonDocument inspect = JsonDocument.Parse(DockerEngine.Docker("image", "inspect", "--format", "{{json .Config}}", image).EnsureSuccess().Output))
        {
            JsonElement config = inspect.RootElement;
            Assert.Equal("1654", config.GetProperty("User").GetString());
            Assert.Equal(new[] { "/app/data" }, config.GetProperty("Volumes").EnumerateObject().Select(static p => p.Name).ToArray());
        }

        string runArguments = File.ReadAllText(Directory.GetFiles(app.File("obj"), "run-arguments.sh.txt", SearchOption.AllDirectories).Single()).Trim();
        string first = RunOnce(runArguments, image);
        Assert.Contains("visit by app", first, StringComparison.Ordinal);
        string second = RunOnce(runArguments, image);
        string[] visits = second.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, visits.Length);
        Assert.Equal(first.Trim(), visits[0]);
    }

    private string RunOnce(string arguments, string image)
        => DockerEngine.RunToCompletion(arguments, image, "vg-sdk-publish", _temp.Path, _containers, "the app could not write its volume as the SDK image's user");
}
