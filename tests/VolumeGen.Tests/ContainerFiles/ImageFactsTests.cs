using VolumeGen.ContainerFiles;
using Xunit;

namespace VolumeGen.Tests.ContainerFiles;

/// <summary>
/// The one model of the image the app runs in (issue 24): who the user is, its home, root or not, the base image, a
/// shell or none — from the Dockerfile stage (and the stages it is built FROM) or, without a Dockerfile, the SDK's
/// container settings. The build task, analyzers, code fixes and CLI all read these facts.
/// </summary>
public sealed class ImageFactsTests
{
    private static ImageFacts Final(string dockerfile, string? target = null) => ImageFacts.FromDockerfile(Dockerfile.Parse(dockerfile).FinalStage(target)!);

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled-extra AS base\nFROM base AS final\nWORKDIR /app\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0-distroless\n")]
    public void A_chiseled_or_dotnet_distroless_image_without_USER_runs_as_APP_UID_with_home_app_and_no_shell(string dockerfile)
    {
        ImageFacts facts = Final(dockerfile);

        Assert.False(facts.IsRoot);
        Assert.Equal("$APP_UID", facts.User!.Text);
        Assert.Equal(1654, facts.User.UserId);
        Assert.Equal(1654, facts.FsGroup);
        Assert.Equal("/home/app", facts.Home);
        Assert.Equal("$APP_UID", facts.Owner);
        Assert.False(facts.HasShell);
        Assert.Contains("base image", facts.UserSource, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_dotnet_image_without_USER_runs_as_root_with_a_shell()
    {
        ImageFacts facts = Final("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n");

        Assert.True(facts.IsRoot);
        Assert.Null(facts.User);
        Assert.Null(facts.FsGroup);
        Assert.False(facts.FsGroupUnknown);
        Assert.Equal("/root", facts.Home);
        Assert.True(facts.HasShell);
        Assert.False(facts.IsChiseled);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", facts.BaseImage);
    }

    [Theory]
    [InlineData("USER $APP_UID", "$APP_UID", 1654L, "/home/app")]
    [InlineData("USER ${APP_UID}", "${APP_UID}", 1654L, "/home/app")]
    [InlineData("USER app", "app", 1654L, "/home/app")]
    [InlineData("USER 1654:1654", "1654:1654", 1654L, "/home/app")]
    [InlineData("USER 1000:2000", "1000:2000", 2000L, null)]
    [InlineData("USER builder", "builder", null, "/home/builder")]
    [InlineData("ENV APP_UID=4242\nUSER $APP_UID", "4242", 4242L, null)]
    public void The_USER_of_the_stage_gives_the_user_its_group_and_its_home(string user, string text, long? fsGroup, string? home)
    {
        ImageFacts facts = Final("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" + user + "\n");

        Assert.False(facts.IsRoot);
        Assert.Equal(text, facts.User!.Text);
        Assert.Equal(fsGroup, facts.FsGroup);
        Assert.Equal(fsGroup is null, facts.FsGroupUnknown);
        Assert.Equal(home, facts.Home);
        Assert.Equal("the Dockerfile's USER", facts.UserSource);
    }

    [Theory]
    [InlineData("USER root")]
    [InlineData("USER 0:0")]
    [InlineData("USER root:app")]
    public void Root_by_name_or_id_needs_no_fsGroup_and_lives_in_root(string user)
    {
        ImageFacts facts = Final("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\n" + user + "\n");

        Assert.True(facts.IsRoot);
        Assert.Null(facts.FsGroup);
        Assert.Equal("/root", facts.Home);
        Assert.Equal("$APP_UID", facts.Owner); // the owner a forced ownership step uses
    }

    [Fact]
    public void The_final_stage_inherits_the_user_and_base_image_of_the_stage_it_is_built_from()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nUSER $APP_UID\nWORKDIR /app\n\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish\n\nFROM base AS final\nCOPY --from=build /app/publish .\n";

        ImageFacts facts = Final(dockerfile);

        Assert.Equal("$APP_UID", facts.User!.Text);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", facts.BaseImage);
        Assert.Equal("the Dockerfile's USER", facts.UserSource);
        Assert.True(Final(dockerfile, "build").IsRoot);
    }

    [Theory]
    [InlineData("FROM scratch\nCOPY app /app\n", false)]
    [InlineData("FROM gcr.io/distroless/base-debian12\n", false)]
    [InlineData("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n", false)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nRUN echo shell-form means there is one\n", true)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nRUN [\"/app/tool\", \"--init\"]\n", false)]
    [InlineData("FROM debian:bookworm-slim\n", true)]
    public void A_shell_is_there_unless_the_base_image_has_none_and_no_stage_runs_one(string dockerfile, bool hasShell)
        => Assert.Equal(hasShell, Final(dockerfile).HasShell);

    [Fact]
    public void A_distroless_image_that_is_not_a_dotnet_image_runs_as_root_unless_USER_says_otherwise()
    {
        ImageFacts facts = Final("FROM gcr.io/distroless/base-debian12\n");

        Assert.True(facts.IsRoot);
        Assert.True(facts.IsDistroless);
        Assert.False(facts.HasShell);
    }

    [Theory]
    [InlineData(null, null, "$APP_UID", 1654L, "/home/app")]
    [InlineData("", "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", "$APP_UID", 1654L, "/home/app")]
    [InlineData("app", null, "app", 1654L, "/home/app")]
    [InlineData("1001", null, "1001", 1001L, null)]
    [InlineData("builder", "ubuntu:24.04", "builder", null, "/home/builder")]
    [InlineData("root", null, "root", null, "/root")]
    public void Without_a_Dockerfile_the_SDKs_ContainerUser_else_its_default_APP_UID_is_the_user(string? containerUser, string? baseImage, string text, long? fsGroup, string? home)
    {
        ImageFacts facts = ImageFacts.FromSdk(containerUser, baseImage);

        Assert.True(facts.IsUserKnown);
        Assert.Equal(text, facts.User!.Text);
        Assert.Equal(fsGroup, facts.FsGroup);
        Assert.Equal(home, facts.Home);
    }

    [Fact]
    public void A_ContainerBaseImage_that_is_not_a_dotnet_image_leaves_the_user_to_that_image_which_VolumeGen_cannot_see()
    {
        ImageFacts facts = ImageFacts.FromSdk(null, "ubuntu:24.04");

        Assert.False(facts.IsUserKnown);
        Assert.False(facts.IsRoot);
        Assert.Null(facts.User);
        Assert.Null(facts.Home);
        Assert.True(facts.FsGroupUnknown);
        Assert.Contains("ubuntu:24.04", facts.UserSource, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ContainerFamily_tells_a_chiseled_SDK_image_without_a_shell()
    {
        ImageFacts facts = ImageFacts.FromSdk(null, null, "noble-chiseled");

        Assert.True(facts.IsChiseled);
        Assert.False(facts.HasShell);
        Assert.Equal("$APP_UID", facts.Owner);
        Assert.True(ImageFacts.FromSdk(null).HasShell);
    }

    [Theory]
    [InlineData("", true, null)]
    [InlineData("0", true, null)]
    [InlineData("1654", false, "1654:1654")]
    [InlineData("1654:1654", false, "1654:1654")]
    [InlineData("1000:2000", false, "1000:2000")]
    [InlineData("app", false, "1654:1654")]
    [InlineData("builder", false, null)]
    public void An_image_configuration_user_says_root_or_not_and_the_numeric_owner(string configUser, bool isRoot, string? numericOwner)
    {
        ImageFacts facts = ImageFacts.FromImageConfiguration(configUser);

        Assert.Equal(isRoot, facts.IsRoot);
        Assert.Equal(numericOwner, facts.User?.NumericOwner is string owner && !facts.IsRoot ? owner : null);
    }
}
