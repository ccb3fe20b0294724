using System.Collections.Generic;
using System.Linq;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Tests.ContainerFiles;

/// <summary>The Dockerfile VOLUME lint: each rule at the right line on its mistake, and silent on correct files.</summary>
public sealed class DockerfileLintTests
{
    private static IReadOnlyList<DockerfileFinding> Check(string text, string? target = null) => DockerfileLint.Check(Dockerfile.Parse(text), target);

    private static DockerfileFinding Single(string text, string id)
    {
        IReadOnlyList<DockerfileFinding> findings = Check(text);
        Assert.True(findings.Count == 1, string.Join("\n", findings));
        Assert.Equal(id, findings[0].Id);
        return findings[0];
    }

    [Theory]
    [InlineData("FROM base\nWORKDIR /app\nVOLUME ['/app/data']\n", 3, "JSON strings take double quotes", "VOLUME [\"/app/data\"]")]
    [InlineData("FROM base\nVOLUME [\"/a\", \"/b\",]\n", 2, "not valid JSON", "VOLUME [\"/a\", \"/b\"]")]
    [InlineData("FROM base\nVOLUME [/data]\n", 2, "must be quoted", "VOLUME [\"/data\"]")]
    [InlineData("FROM base\nVOLUME [\"/a\" \"/b\"]\n", 2, "'[/a', '/b]'", "VOLUME [\"/a\", \"/b\"]")]
    public void VG4001_the_json_form_that_is_not_json(string text, int line, string why, string fix)
    {
        DockerfileFinding finding = Single(text, "VG4001");

        Assert.Equal(line, finding.Line);
        Assert.Contains(why, finding.Message, System.StringComparison.Ordinal);
        Assert.Contains("Write " + fix, finding.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void VG4002_a_comma_in_the_plain_form()
    {
        DockerfileFinding finding = Single("FROM base\n\nVOLUME /app/data, /app/logs\n", "VG4002");

        Assert.Equal(3, finding.Line);
        Assert.Contains("'/app/data,'", finding.Message, System.StringComparison.Ordinal);
        Assert.Contains("'VOLUME /app/data /app/logs'", finding.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void VG4003_a_relative_path_says_where_docker_mounts_it()
    {
        DockerfileFinding finding = Single("FROM base\nWORKDIR /app\nVOLUME logs\n", "VG4003");

        Assert.Equal(3, finding.Line);
        Assert.Contains("at '/logs'", finding.Message, System.StringComparison.Ordinal);
        Assert.Contains("VOLUME /app/logs", finding.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM base\nVOLUME $DATA_DIR/db\n", 2, "$DATA_DIR")]
    [InlineData("FROM scratch\nVOLUME ${DATA}/db\n", 2, "so the volume is at '/db'")]
    [InlineData("FROM base\nARG DATA\nVOLUME $DATA\n", 3, "$DATA")]
    public void VG4004_a_variable_nothing_sets(string text, int line, string expected)
    {
        DockerfileFinding finding = Single(text, "VG4004");

        Assert.Equal(line, finding.Line);
        Assert.Contains(expected, finding.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM base\nVOLUME /a\nVOLUME /a/\n", 3)]
    [InlineData("FROM base\nVOLUME /a //a\n", 2)]
    [InlineData("FROM base AS b\nVOLUME /a\nFROM b\nVOLUME /a\n", 4)]
    [InlineData("FROM base\nVOLUME /app/data\n# >>> VolumeGen (generated from AppStorage)\nVOLUME [\"/app/data\"]\n# <<< VolumeGen\n", 2)]
    public void VG4005_the_same_path_twice_is_reported_at_the_hand_written_one(string text, int line)
        => Assert.Equal(line, Single(text, "VG4005").Line);

    [Theory]
    [InlineData("FROM base\nWORKDIR /app\nCOPY . .\nVOLUME /app\n", 4)]
    [InlineData("FROM base\nVOLUME /srv\nWORKDIR /srv/app\n", 2)]
    public void VG4006_a_volume_over_the_working_directory(string text, int line)
        => Assert.Equal(line, Single(text, "VG4006").Line);

    [Fact]
    public void VG4006_only_for_the_image_that_runs()
    {
        const string text = "FROM sdk AS build\nWORKDIR /src\nVOLUME /src\nFROM base AS final\nWORKDIR /app\n";
        Assert.Empty(Check(text));
        Assert.Equal(3, Assert.Single(Check(text, "build")).Line);
    }

    [Theory]
    [InlineData("FROM base\nVOLUME /app/data\nRUN mkdir -p /app/data/cache\n", 3, "/app/data/cache")]
    [InlineData("FROM base\nVOLUME /app/data\nRUN echo hi > /app/data/a.txt\n", 3, "/app/data/a.txt")]
    [InlineData("FROM base\nVOLUME /app/data\nRUN apt-get update && \\\n    cp /etc/hosts /app/data/\n", 3, "/app/data")]
    [InlineData("FROM base\nWORKDIR /app\nVOLUME /app/data\nRUN touch data/x\n", 4, "/app/data/x")]
    [InlineData("FROM base AS b\nVOLUME /data\nFROM b\nRUN chown -R app:app /data\n", 4, "/data")]
    [InlineData("FROM base\nVOLUME /data\nRUN <<EOF\nset -e\necho x >/data/seed\nEOF\n", 3, "/data/seed")]
    [InlineData("FROM base\nVOLUME /out\nRUN [\"dotnet\", \"publish\", \"-o\", \"/out\"]\n", 3, "/out")]
    public void VG4007_a_run_that_writes_into_an_earlier_volume(string text, int line, string path)
    {
        DockerfileFinding finding = Single(text, "VG4007");

        Assert.Equal(line, finding.Line);
        Assert.Contains("'" + path + "'", finding.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM base\nRUN mkdir -p /app/data && chown app /app/data\nVOLUME /app/data\n")]
    [InlineData("FROM base\nVOLUME /app/data\nRUN ls -la /app/data && cat /app/data/x\n")]
    [InlineData("FROM base\nVOLUME /app/data\nRUN some-tool /app/data\n")]
    [InlineData("FROM base\nVOLUME /app/data\nRUN echo /app/data > /tmp/where\n")]
    [InlineData("FROM base AS build\nVOLUME /data\nFROM base\nRUN touch /data/x\n")]
    public void VG4007_is_silent_on_reads_unknown_commands_and_other_stages(string text)
        => Assert.DoesNotContain(Check(text), static f => f.Id == "VG4007");

    public static TheoryData<string> CorrectDockerfiles() => new()
    {
        // The shapes real .NET Dockerfiles take: multi-stage, JSON and plain VOLUME, ENV/ARG paths, ownership before VOLUME.
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [\"Shop/Shop.csproj\", \"Shop/\"]\nRUN dotnet restore \"Shop/Shop.csproj\"\nCOPY . .\nRUN dotnet publish \"Shop/Shop.csproj\" -c Release -o /app/publish /p:UseAppHost=false\n\nFROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final\nWORKDIR /app\nCOPY --from=build /app/publish .\nUSER $APP_UID\nVOLUME /app/data\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY bin/publish/ .\n# >>> VolumeGen (generated from AppStorage; edits inside this block are overwritten)\nRUN mkdir -p '/app/data' '/app/cache' && chown -R $APP_UID '/app/data' '/app/cache'\nVOLUME [\"/app/data\", \"/app/cache\"]\n# <<< VolumeGen\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n",
        "# escape=`\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV DATA_DIR=/var/lib/app\nARG LOGS=/var/log/app\nVOLUME $DATA_DIR ${LOGS} `\n       ${CACHE:-/var/cache/app}\nWORKDIR /app\n",
        "FROM base\nVOLUME [\"/data\", \"/logs\"]\nVOLUME /cache /tmp/x\n",
        "FROM base AS base\nVOLUME /data\nFROM base AS final\nWORKDIR /app\nRUN echo ok > /app/ready\n",
    };

    [Theory]
    [MemberData(nameof(CorrectDockerfiles))]
    public void Silent_on_correct_files(string text)
        => Assert.Empty(Check(text));

    [Fact]
    public void Every_rule_id_is_listed()
        => Assert.Equal(new[] { "VG4001", "VG4002", "VG4003", "VG4004", "VG4005", "VG4006", "VG4007" }, DockerfileLint.All);
}
