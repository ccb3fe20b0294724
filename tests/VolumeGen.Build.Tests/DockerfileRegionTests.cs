using System.Linq;
using System.Text;
using VolumeGen.Build.Dockerfiles;
using VolumeGen.ContainerFiles;
using Xunit;

namespace VolumeGen.Build.Tests;

public class DockerfileRegionTests
{
    private static readonly Mount[] Mounts =
    {
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
    };

    private static byte[] Apply(string text, params Mount[] mounts)
    {
        DockerfileText file = DockerfileText.Parse(Encoding.UTF8.GetBytes(text));
        RegionLocation location = DockerfileRegion.Locate(file);
        Assert.Equal(RegionState.Found, location.State);
        return DockerfileRegion.Replace(file, location, DockerfileRegion.Lines(new[] { "Demo.AppStorage" }, mounts, file.EscapeCharacter));
    }

    [Fact]
    public void Region_lists_named_and_anonymous_volumes_in_json_form_between_the_markers()
    {
        string result = Encoding.UTF8.GetString(Apply("FROM x\n# >>> VolumeGen\nVOLUME /old\n# <<< VolumeGen\nENTRYPOINT [\"a\"]\n", Mounts));

        Assert.Equal(
            "FROM x\n# >>> VolumeGen (generated from AppStorage; edits inside this block are overwritten)\nVOLUME [\"/app/data\", \"/app/cache\"]\n# <<< VolumeGen\nENTRYPOINT [\"a\"]\n",
            result);
    }

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    public void Bytes_outside_the_region_stay_identical_and_the_region_uses_the_file_line_ending(string newline, bool bom)
    {
        string before = string.Join(newline, "# syntax=docker/dockerfile:1", "FROM mcr.microsoft.com/dotnet/aspnet:10.0", "WORKDIR /app  ", "# >>> VolumeGen");
        string after = string.Join(newline, "# <<< VolumeGen", "ENTRYPOINT [\"dotnet\", \"App.dll\"]", "# trailing comment with ünïcödé", string.Empty);
        byte[] prefix = (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : new byte[0]).Concat(Encoding.UTF8.GetBytes(before)).ToArray();
        byte[] original = prefix.Concat(Encoding.UTF8.GetBytes(newline + "VOLUME [\"/stale\"]" + newline)).Concat(Encoding.UTF8.GetBytes(after)).ToArray();

        byte[] result = DockerfileRegion.Replace(DockerfileText.Parse(original), DockerfileRegion.Locate(DockerfileText.Parse(original)), DockerfileRegion.Lines(new[] { "A" }, Mounts));

        int headLength = prefix.Length - Encoding.UTF8.GetByteCount("# >>> VolumeGen");
        Assert.Equal(original.Take(headLength), result.Take(headLength));
        byte[] tail = Encoding.UTF8.GetBytes(after.Substring("# <<< VolumeGen".Length));
        Assert.Equal(tail, result.Skip(result.Length - tail.Length));
        string region = Encoding.UTF8.GetString(result, headLength, result.Length - headLength - tail.Length);
        Assert.Equal(string.Join(newline, DockerfileRegion.Lines(new[] { "A" }, Mounts)), region);
        Assert.Equal(newline == "\r\n" ? 2 : 0, region.Count(c => c == '\r'));
    }

    [Fact]
    public void Escape_directive_switches_the_escape_character_of_the_volume_line()
    {
        string result = Encoding.UTF8.GetString(Apply("# escape=`\nFROM x\n# >>> VolumeGen\n# <<< VolumeGen\n", Mount.NamedVolume("/app/d$x", "dx")));

        Assert.Contains("VOLUME [\"/app/d`$x\"]", result);
    }

    [Fact]
    public void Escape_directive_after_a_comment_is_only_a_comment()
    {
        DockerfileText file = DockerfileText.Parse(Encoding.UTF8.GetBytes("# hello\n# escape=`\nFROM x\n"));

        Assert.Equal('\\', file.EscapeCharacter);
    }

    [Theory]
    [InlineData("FROM x\n# >>> VolumeGen\n", "no '# <<< VolumeGen'")]
    [InlineData("FROM x\n# <<< VolumeGen\n# >>> VolumeGen\n", "without a '# >>> VolumeGen'")]
    [InlineData("# >>> VolumeGen\n# <<< VolumeGen\n# >>> VolumeGen\n# <<< VolumeGen\n", "second VolumeGen block")]
    public void Unbalanced_or_repeated_markers_are_malformed(string text, string problem)
    {
        RegionLocation location = DockerfileRegion.Locate(DockerfileText.Parse(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(RegionState.Malformed, location.State);
        Assert.Contains(problem, location.Problem);
    }

    [Fact]
    public void A_file_without_markers_has_no_region()
    {
        Assert.Equal(RegionState.Missing, DockerfileRegion.Locate(DockerfileText.Parse(Encoding.UTF8.GetBytes("FROM x\nVOLUME /a\n"))).State);
    }

    [Fact]
    public void Run_ownership_creates_and_chowns_the_volume_directories_before_volume()
    {
        var lines = DockerfileRegion.Lines(new[] { "A" }, Mounts, '\\', DockerfileOwnership.Run, "$APP_UID");

        Assert.Equal("RUN mkdir -p /app/data /app/cache && chown -R $APP_UID /app/data /app/cache", lines[1]);
        Assert.StartsWith("VOLUME ", lines[2]);
    }

    [Fact]
    public void Copy_ownership_copies_an_empty_folder_with_chown_for_images_without_a_shell()
    {
        var lines = DockerfileRegion.Lines(new[] { "A" }, Mounts, '\\', DockerfileOwnership.Copy, "1654:1654", "obj/volumegen/empty");

        Assert.Equal("COPY --chown=1654:1654 [\"obj/volumegen/empty/\", \"/app/data/\"]", lines[1]);
        Assert.Equal("COPY --chown=1654:1654 [\"obj/volumegen/empty/\", \"/app/cache/\"]", lines[2]);
        Assert.StartsWith("VOLUME ", lines[3]);
    }

    [Theory]
    [InlineData("FROM x\nVOLUME /app/logs\n", 2, "/app/logs")]
    [InlineData("FROM x\nVOLUME [\"/app/logs\"]\n", 2, "/app/logs")]
    [InlineData("FROM x\nWORKDIR /app\nVOLUME logs/\n", 3, "/logs")] // the engine mounts a relative VOLUME below /, not below WORKDIR
    [InlineData("FROM x\nVOLUME /a \\\n  /app/logs\n", 2, "/app/logs")]
    [InlineData("FROM x\nvolume \"/app/logs\"\n", 2, "/app/logs")]
    [InlineData("FROM x\nENV LOGS=/app/logs\nVOLUME $LOGS\n", 3, "/app/logs")]
    [InlineData("FROM x AS base\nVOLUME /app/logs\nFROM base\nCOPY a b\n", 2, "/app/logs")]
    public void Hand_written_volumes_are_found_with_their_line(string text, int line, string path)
    {
        var found = HandWrittenVolumes.Find(Dockerfile.Parse(text).FinalStage());

        Assert.Contains(new HandWrittenVolume(line, path), found);
    }

    [Theory]
    [InlineData("FROM build\nVOLUME /app/logs\nFROM x\nCOPY a b\n")]
    [InlineData("FROM x\nVOLUME $DATA\n")]
    [InlineData("FROM x\n# VOLUME /app/logs\n")]
    [InlineData("FROM x\n# >>> VolumeGen\nVOLUME /app/logs\n# <<< VolumeGen\n")]
    public void Earlier_stages_variables_comments_and_the_region_are_not_hand_written_volumes(string text)
        => Assert.Empty(HandWrittenVolumes.Find(Dockerfile.Parse(text).FinalStage()));
}
