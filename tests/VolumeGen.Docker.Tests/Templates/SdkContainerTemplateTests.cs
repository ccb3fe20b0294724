using VolumeGen.Docker.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.Docker.Tests.Templates;

/// <summary>
/// The same templates published with the SDK's container support (<c>EnableSdkContainerSupport</c>, no Dockerfile)
/// are container builds too: the build alone must give the same database and key-ring warnings. No engine needed.
/// </summary>
[Collection(TemplateAppsCollection.Name)]
public sealed class SdkContainerTemplateTests
{
    private readonly TemplateAppsFixture _fixture;

    public SdkContainerTemplateTests(TemplateAppsFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("webapp")]
    [InlineData("mvc")]
    [InlineData("blazor")]
    public void Template_app_with_sdk_container_publishing_gets_the_database_and_key_ring_warnings(string templateName)
    {
        TemplateSolution solution = _fixture.Create(AspNetTemplate.Named(templateName), visualStudioDockerfile: false, "\n    <EnableSdkContainerSupport>true</EnableSdkContainerSupport>");

        ProcessResult build = solution.Build();

        Assert.True(build.ExitCode == 0, build.Output + build.Error);
        TemplateWarnings.AssertDatabaseAndKeyRing(TemplateSolution.VolumeGenWarnings(build), build.Output);
    }
}
