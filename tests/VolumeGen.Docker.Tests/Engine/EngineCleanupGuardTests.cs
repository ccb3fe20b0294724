using System;
using VolumeGen.Docker.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>
/// The tests' clean-up removes only what a test created: the base image (there before the run) cannot be removed by id
/// or by its one tag, and a tag a test added to it goes without taking the image along. Issue 21: a clean-up by id
/// once deleted the base image on every new CI machine.
/// </summary>
public sealed class EngineCleanupGuardTests
{
    private const string BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0";

    [SkippableFact]
    public void The_base_image_survives_every_removal_a_test_can_ask_for()
    {
        DockerEngine.SkipUnlessAvailable();
        string id = DockerEngine.Docker("image", "inspect", "--format", "{{.Id}}", BaseImage).EnsureSuccess().Output.Trim();
        Assert.True(DockerEngine.Before.HadImage(id), "the base image must be in the engine before the tests run (eng/docker-engine.sh up)");

        string added = "volumegen-test/guard:" + Guid.NewGuid().ToString("N").Substring(0, 10);
        DockerEngine.Docker("tag", BaseImage, added).EnsureSuccess();
        DockerEngine.RemoveImage(added).EnsureSuccess();
        Assert.NotEqual(0, DockerEngine.Docker("image", "inspect", added).ExitCode);

        Assert.Throws<InvalidOperationException>(() => DockerEngine.RemoveImage(id));
        Assert.Throws<InvalidOperationException>(() => DockerEngine.RemoveImage(id.Substring("sha256:".Length, 12)));
        Assert.Throws<InvalidOperationException>(() => DockerEngine.RemoveImage(BaseImage));

        Assert.Equal(id, DockerEngine.Docker("image", "inspect", "--format", "{{.Id}}", BaseImage).EnsureSuccess().Output.Trim());
    }
}
