using VolumeGen.CodeFixers.Usage;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.CodeFixers.Tests.Usage;

/// <summary>Where the persisting fix adds the VolumeGen markers to a Dockerfile that has none.</summary>
public sealed class DockerfileMarkersTests
{
    /// <summary>The Dockerfile Visual Studio writes for .NET 10 (project in a solution folder).</summary>
    internal static readonly string VisualStudioDockerfile = VisualStudioContainerFiles.Dockerfile("WebApp");

    [Fact]
    public void Visual_Studio_Dockerfile_gets_the_markers_before_the_base_stage_switches_to_the_app_user()
    {
        string? updated = DockerfileMarkers.Insert(VisualStudioDockerfile);

        Assert.Equal(
            VisualStudioDockerfile.Replace("AS base\nUSER $APP_UID\n", "AS base\n# >>> VolumeGen\n# <<< VolumeGen\nUSER $APP_UID\n"),
            updated);
    }

    [Fact]
    public void A_root_image_gets_the_markers_before_the_final_stage_entrypoint()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY bin/publish/ .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        Assert.Equal(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY bin/publish/ .\n# >>> VolumeGen\n# <<< VolumeGen\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n",
            DockerfileMarkers.Insert(dockerfile));
    }

    // Issue 24: the same user as the build task and the analyzers (ImageFacts): a chiseled image runs as $APP_UID from its
    // first line, so there is no root point; the markers go before ENTRYPOINT, where the build writes COPY --chown=$APP_UID.
    [Fact]
    public void A_chiseled_image_without_USER_gets_the_markers_before_its_entrypoint()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\nCOPY bin/publish/ .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

        Assert.Equal(dockerfile.Replace("ENTRYPOINT", "# >>> VolumeGen\n# <<< VolumeGen\nENTRYPOINT"), DockerfileMarkers.Insert(dockerfile));
    }

    // Who leaves root is ContainerUser's rule: root by name or id 0 (any group) stays root; any other user leaves it.
    [Theory]
    [InlineData("USER 0:0", false)]
    [InlineData("USER root:app", false)]
    [InlineData("USER 1654", true)]
    [InlineData("USER ${APP_UID}", true)]
    public void A_USER_line_that_leaves_root_gets_the_markers_before_it(string user, bool before)
    {
        string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" + user + "\nCMD [\"x\"]\n";
        string expected = before
            ? dockerfile.Replace(user, "# >>> VolumeGen\n# <<< VolumeGen\n" + user)
            : dockerfile.Replace("CMD", "# >>> VolumeGen\n# <<< VolumeGen\nCMD");

        Assert.Equal(expected, DockerfileMarkers.Insert(dockerfile));
    }

    [Fact]
    public void A_user_in_a_stage_the_final_image_is_not_built_from_does_not_count_and_line_endings_stay()
    {
        const string dockerfile = "FROM sdk AS build\r\nUSER builder\r\nRUN make\r\nFROM runtime AS final\r\nUSER root\r\nCOPY --from=build /out /app\r\nCMD [\"x\"]";

        Assert.Equal(
            "FROM sdk AS build\r\nUSER builder\r\nRUN make\r\nFROM runtime AS final\r\nUSER root\r\nCOPY --from=build /out /app\r\n# >>> VolumeGen\r\n# <<< VolumeGen\r\nCMD [\"x\"]",
            DockerfileMarkers.Insert(dockerfile));
    }

    [Fact]
    public void A_continued_instruction_and_no_entrypoint_put_the_markers_at_the_end()
    {
        const string dockerfile = "FROM runtime\nRUN apt-get update && \\\n    apt-get install -y curl\n";

        Assert.Equal("FROM runtime\nRUN apt-get update && \\\n    apt-get install -y curl\n# >>> VolumeGen\n# <<< VolumeGen\n", DockerfileMarkers.Insert(dockerfile));
    }

    [Fact]
    public void The_target_stage_decides_not_the_last_one()
    {
        const string dockerfile = "FROM runtime AS app\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n\nFROM app AS debug\nUSER tester\nCMD [\"sleep\"]\n";

        Assert.Equal(
            "FROM runtime AS app\nWORKDIR /app\n# >>> VolumeGen\n# <<< VolumeGen\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n\nFROM app AS debug\nUSER tester\nCMD [\"sleep\"]\n",
            DockerfileMarkers.Insert(dockerfile, target: "app"));
        Assert.Equal(
            "FROM runtime AS app\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n\nFROM app AS debug\n# >>> VolumeGen\n# <<< VolumeGen\nUSER tester\nCMD [\"sleep\"]\n",
            DockerfileMarkers.Insert(dockerfile));
    }

    [Fact]
    public void A_file_without_a_final_line_break_gets_the_markers_after_its_last_line()
        => Assert.Equal("FROM runtime\nCOPY a b\n# >>> VolumeGen\n# <<< VolumeGen", DockerfileMarkers.Insert("FROM runtime\nCOPY a b"));

    [Theory]
    [InlineData("FROM runtime\n# >>> VolumeGen\nVOLUME [\"/data\"]\n# <<< VolumeGen\n")]
    [InlineData("# only a comment\n")]
    [InlineData("")]
    public void Markers_already_there_or_no_stage_change_nothing(string dockerfile)
        => Assert.Null(DockerfileMarkers.Insert(dockerfile));
}
