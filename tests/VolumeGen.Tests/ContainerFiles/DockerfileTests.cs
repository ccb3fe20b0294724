using System.Collections.Generic;
using System.Linq;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Tests.ContainerFiles;

/// <summary>
/// The Dockerfile model, case by case. Expected values marked "engine" were checked with docker build
/// (DOCKER_BUILDKIT=0) and docker image inspect; tests/VolumeGen.Docker.Tests/Engine/DockerfileEngineTests compares
/// the model with the engine over a corpus.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly IReadOnlyDictionary<string, string> NoBuildArguments = new Dictionary<string, string>();

    private static string[] Volumes(string text, string? target = null)
        => Dockerfile.Parse(text, NoBuildArguments).FinalStage(target)!.Volumes.Select(static v => v.Value.Text).ToArray();

    [Theory]
    [InlineData("FROM scratch\nVOLUME /data\n", new[] { "/data" })]
    [InlineData("FROM scratch\nVOLUME [\"/a\", \"/b\"]\n", new[] { "/a", "/b" })]
    [InlineData("FROM scratch\nVOLUME [ \"/a\" , \"/b\" ]\n", new[] { "/a", "/b" })] // engine
    [InlineData("FROM scratch\nVOLUME ['/data']\n", new[] { "[/data]" })] // engine: single quotes are not JSON
    [InlineData("FROM scratch\nVOLUME /a, /b\n", new[] { "/a,", "/b" })] // engine
    [InlineData("FROM scratch\nVOLUME [\"/a\", ]\n", new[] { "[/a,", "]" })] // engine: a trailing comma is not JSON
    [InlineData("FROM scratch\nVOLUME [\"/a\" \"/b\"]\n", new[] { "[/a", "/b]" })] // engine
    [InlineData("FROM scratch\nVOLUME [/a]\n", new[] { "[/a]" })] // engine
    [InlineData("FROM scratch\nVOLUME\t/a\t/b\n", new[] { "/a", "/b" })] // engine
    [InlineData("FROM scratch\n  volume /a # not a comment\n", new[] { "/a", "#", "not", "a", "comment" })] // engine
    [InlineData("FROM scratch\nVOLUME /a \\\n# c\n  /b \\\n\n  /c\n", new[] { "/a", "/b", "/c" })] // engine
    [InlineData("# escape=`\nFROM scratch\nVOLUME /a `\n /b\n", new[] { "/a", "/b" })] // engine
    [InlineData("FROM scratch\nVOLUME /e\\ f\n", new[] { "/e", "f" })] // engine: the plain form splits before escapes apply
    [InlineData("FROM scratch\nVOLUME /a\nVOLUME /a/\nVOLUME //a\n", new[] { "/a", "/a/", "//a" })] // engine: kept as written
    [InlineData("FROM scratch\nVOLUME ./rel ../up\n", new[] { "./rel", "../up" })] // engine
    public void Volume_values_are_what_the_image_records(string text, string[] expected)
        => Assert.Equal(expected, Volumes(text));

    [Fact]
    public void Json_form_values_go_through_the_word_processor_too()
    {
        // engine: ["/a\\\"b", "/c\u0041", "/$A", "/\\$A", "'/x y'"] with A=1
        const string text = "FROM scratch\nENV A=1\nVOLUME [\"/a\\\\\\\"b\", \"/c\\u0041\", \"/$A\", \"/\\\\$A\", \"'/x y'\"]\n";
        Assert.Equal(new[] { "/a\"b", "/cA", "/1", "/$A", "/x y" }, Volumes(text));
    }

    [Fact]
    public void Variables_and_their_modifiers_are_replaced()
    {
        // engine: /x, /z, /p/w, /q
        const string text = "FROM scratch\nENV A=/x\nVOLUME ${A:-/y} ${B:-/z} /p${A:+/w} /q${B:+/v}\n";
        Assert.Equal(new[] { "/x", "/z", "/p/w", "/q" }, Volumes(text));
    }

    [Fact]
    public void An_unset_variable_is_empty_and_reported_as_unset()
    {
        Dockerfile file = Dockerfile.Parse("FROM scratch\nVOLUME $UNSET/x\n", NoBuildArguments);
        DockerfileVolumePath volume = file.FinalStage()!.Volumes.Single();

        Assert.Equal("/x", volume.Value.Text); // engine
        Assert.True(volume.Value.IsKnown);
        Assert.Equal(new[] { "UNSET" }, volume.Value.UnsetVariables);
    }

    [Fact]
    public void A_variable_the_base_image_may_set_is_unknown_and_kept_as_written()
    {
        DockerfileStage stage = Dockerfile.Parse("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\nVOLUME ${DATA}/x\n").FinalStage()!;

        Assert.Equal("$APP_UID", stage.User!.Text);
        Assert.False(stage.User.IsKnown);
        Assert.Equal("${DATA}/x", stage.Volumes.Single().Value.Text);
        Assert.Null(stage.Volumes.Single().ContainerPath);
    }

    [Fact]
    public void Arg_defaults_and_global_args_are_used()
    {
        // engine: /fromarg and /y
        Assert.Equal(new[] { "/fromarg", "/y" }, Volumes("ARG X=/fromarg\nFROM scratch\nARG X\nARG Y=/y\nVOLUME $X $Y\n"));
    }

    [Fact]
    public void Build_arguments_override_defaults_and_an_arg_without_one_is_unknown_when_they_are_not_given()
    {
        const string text = "FROM scratch\nARG Y=/y\nARG Z\nVOLUME $Y $Z/z\n";
        Assert.Equal(new[] { "/given", "/z" }, Dockerfile.Parse(text, new Dictionary<string, string> { ["Y"] = "/given" }).FinalStage()!.Volumes.Select(static v => v.Value.Text));

        DockerfileVolumePath z = Dockerfile.Parse(text).FinalStage()!.Volumes[1];
        Assert.False(z.Value.IsKnown);
        Assert.Contains("Z", z.Value.UnsetVariables);
    }

    [Fact]
    public void Env_wins_over_arg_and_one_env_instruction_sees_the_values_before_it()
    {
        DockerfileStage stage = Dockerfile.Parse("FROM scratch\nARG A=/arg\nENV A=/env\nENV A=/second B=$A\nVOLUME $A $B\n", NoBuildArguments).FinalStage()!;

        Assert.Equal(new[] { "/second", "/env" }, stage.Volumes.Select(static v => v.Value.Text));
        Assert.Equal("/env", stage.GetEnvironment("B")!.Text);
    }

    [Fact]
    public void Env_old_form_and_quoted_values()
    {
        // engine: ENV A /x y → "/x y"; B="two words" → "two words"; C=x\ y → "x y"
        DockerfileStage stage = Dockerfile.Parse("FROM scratch\nENV A /x y\nENV B=\"two words\" C=x\\ y\nVOLUME \"$A\"\n", NoBuildArguments).FinalStage()!;

        Assert.Equal("/x y", stage.GetEnvironment("A")!.Text);
        Assert.Equal("two words", stage.GetEnvironment("B")!.Text);
        Assert.Equal("x y", stage.GetEnvironment("C")!.Text);
        Assert.Equal("/x y", stage.Volumes.Single().Value.Text);
        Assert.Equal(new[] { "PATH", "A", "B", "C" }, stage.Environment.Select(static v => v.Name));
    }

    [Theory]
    [InlineData("FROM scratch\nWORKDIR a\nWORKDIR b\n", "/a/b")] // engine
    [InlineData("FROM scratch\nWORKDIR /a\nWORKDIR ../b\nWORKDIR ./c/\n", "/b/c")] // engine
    [InlineData("FROM scratch\nENV D=/data\nWORKDIR $D/sub\n", "/data/sub")] // engine
    [InlineData("FROM scratch\nARG W=/w\nWORKDIR $W\n", "/w")] // engine
    public void Workdir_is_relative_to_the_previous_one(string text, string expected)
        => Assert.Equal(expected, Dockerfile.Parse(text, NoBuildArguments).FinalStage()!.WorkingDirectory!.Text);

    [Fact]
    public void A_relative_volume_is_mounted_below_the_root_not_the_workdir()
    {
        // engine: WORKDIR /app, VOLUME logs → Config.Volumes "logs", and a container mounts it at /logs.
        DockerfileVolumePath volume = Dockerfile.Parse("FROM scratch\nWORKDIR /app\nVOLUME logs/\n").FinalStage()!.Volumes.Single();

        Assert.Equal("logs/", volume.Value.Text);
        Assert.True(volume.IsRelative);
        Assert.Equal("/logs", volume.ContainerPath);
    }

    [Fact]
    public void A_stage_inherits_the_image_of_the_stage_it_is_built_from()
    {
        // engine: {"/base", "/child"}, WorkingDir /w, User u
        Dockerfile file = Dockerfile.Parse("FROM scratch AS base\nVOLUME /base\nWORKDIR /w\nUSER u\nFROM base\nVOLUME /child\n");
        DockerfileStage final = file.FinalStage()!;

        Assert.Same(file.Stages[0], final.Parent);
        Assert.Equal(new[] { "/base", "/child" }, final.Volumes.Select(static v => v.ContainerPath));
        Assert.Same(file.Stages[0], final.Volumes[0].Stage);
        Assert.Equal("/w", final.WorkingDirectory!.Text);
        Assert.Equal("u", final.User!.Text);
    }

    [Fact]
    public void A_stage_built_from_an_image_starts_empty_even_if_an_earlier_stage_had_volumes()
    {
        DockerfileStage final = Dockerfile.Parse("FROM sdk AS build\nVOLUME /src\nWORKDIR /src\nFROM runtime\nCOPY --from=build /out .\n").FinalStage()!;

        Assert.Empty(final.Volumes);
        Assert.Null(final.WorkingDirectory);
        Assert.Null(final.Parent);
    }

    [Fact]
    public void The_final_stage_is_the_last_or_the_named_target()
    {
        Dockerfile file = Dockerfile.Parse("FROM scratch AS base\nVOLUME /base\nFROM base AS Debug\nVOLUME /debug\nFROM base AS release\nVOLUME /release\n");

        Assert.Equal("release", file.FinalStage()!.Name);
        Assert.Equal("debug", file.FinalStage("DEBUG")!.Name);
        Assert.Equal(new[] { "/base", "/debug" }, file.FinalStage("debug")!.Volumes.Select(static v => v.ContainerPath));
        Assert.Null(file.FinalStage("missing"));
    }

    [Fact]
    public void From_lines_use_the_args_before_the_first_from()
    {
        Dockerfile file = Dockerfile.Parse("ARG BASE=base\nFROM scratch AS base\nVOLUME /b\nFROM ${BASE}\n", NoBuildArguments);

        Assert.Equal("base", file.FinalStage()!.BaseImage.Text);
        Assert.Same(file.Stages[0], file.FinalStage()!.Parent);
    }

    [Fact]
    public void Directives_only_count_at_the_top()
    {
        Assert.Equal('`', Dockerfile.Parse("# syntax=docker/dockerfile:1\n# escape=`\nFROM x\n").EscapeCharacter);
        Assert.Equal("docker/dockerfile:1", Dockerfile.Parse("# syntax=docker/dockerfile:1\nFROM x\n").Syntax);
        Assert.Equal('\\', Dockerfile.Parse("# hello\n# escape=`\nFROM x\n").EscapeCharacter);
        Assert.Equal('\\', Dockerfile.Parse("\n# escape=`\nFROM x\n").EscapeCharacter);
        Assert.Equal('\\', Dockerfile.Parse("FROM x\n# escape=`\n").EscapeCharacter);
    }

    [Fact]
    public void An_invalid_escape_directive_is_a_problem()
    {
        Dockerfile file = Dockerfile.Parse("# escape=x\nFROM scratch\n");

        Assert.Equal('\\', file.EscapeCharacter);
        Assert.Contains(file.Problems, static p => p.Line == 1 && p.Message.Contains("invalid escape token", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Heredocs_are_consumed_and_their_content_is_not_read_as_instructions()
    {
        const string text = "FROM scratch\nRUN <<EOF\necho hi > /x\nVOLUME /notavolume\nEOF\nCOPY <<-\"END\" /etc/app.conf\n\tkey=value\n\tEND\nVOLUME /real\n";
        Dockerfile file = Dockerfile.Parse(text);
        DockerfileStage stage = file.FinalStage()!;

        Assert.Equal(new[] { "/real" }, stage.Volumes.Select(static v => v.ContainerPath));
        DockerfileHeredoc run = stage.Runs.Single().Heredocs.Single();
        Assert.Equal("EOF", run.Name);
        Assert.Equal("echo hi > /x\nVOLUME /notavolume\n", run.Content);
        Assert.True(run.Expands);
        Assert.Equal(3, run.Line);
        DockerfileHeredoc copy = stage.Copies.Single().Instruction.Heredocs.Single();
        Assert.Equal("END", copy.Name);
        Assert.False(copy.Expands);
        Assert.True(copy.StripsLeadingTabs);
        Assert.Equal("/etc/app.conf", stage.Copies.Single().Destination!.Text);
        Assert.Equal(9, stage.Volumes.Single().Line);
        Assert.Equal(2, stage.Runs.Single().Instruction.Line);
        Assert.Equal(5, stage.Runs.Single().Instruction.EndLine);
        Assert.Empty(file.Problems);
    }

    [Fact]
    public void An_unterminated_heredoc_is_a_problem()
        => Assert.Contains(Dockerfile.Parse("FROM scratch\nRUN <<EOF\necho\n").Problems, static p => p.Line == 2);

    [Fact]
    public void Instructions_carry_their_lines_flags_and_the_generated_block()
    {
        const string text = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [\"Shop/Shop.csproj\", \"Shop/\"]\nRUN dotnet restore \\\n    Shop/Shop.csproj\nRUN dotnet publish Shop/Shop.csproj -c Release -o /app/publish\n\nFROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final\nWORKDIR /app\nCOPY --from=build --chown=app /app/publish .\n# >>> VolumeGen (generated)\nVOLUME [\"/app/data\"]\n# <<< VolumeGen\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n";
        Dockerfile file = Dockerfile.Parse(text);
        DockerfileStage build = file.FindStage("build")!;
        DockerfileStage final = file.FinalStage()!;

        Assert.Equal(new[] { "Shop/Shop.csproj" }, build.Copies[0].Sources.Select(static s => s.Text));
        Assert.Equal("/src", build.Copies[0].WorkingDirectory);
        Assert.Equal("dotnet restore     Shop/Shop.csproj", build.Runs[0].Command);
        Assert.Equal(4, build.Runs[0].Line);
        Assert.Equal(5, build.Runs[0].Instruction.EndLine);
        Assert.Equal("dotnet publish Shop/Shop.csproj -c Release -o /app/publish", build.Runs[1].Command);
        Assert.Equal("/src", build.Runs[1].WorkingDirectory);
        Assert.Equal("build", final.Copies[0].From);
        Assert.Equal("app", final.Copies[0].Instruction.GetFlag("chown"));
        Assert.True(final.Volumes.Single().IsInGeneratedBlock);
        Assert.Equal(12, final.Volumes.Single().Line);
        Assert.Equal(new[] { "dotnet", "Shop.dll" }, final.Entrypoint!.Words);
        Assert.True(final.Entrypoint.IsJsonForm);
        Assert.Equal(14, final.Entrypoint.Line);
    }

    [Theory]
    [InlineData("FROM scratch\nVOLUME \"\"\n", "VOLUME specified can not be an empty string")] // engine
    [InlineData("FROM scratch\nVOLUME \"/ab\n", "double-quote")]
    [InlineData("FROM scratch\nVOLUME ${A\n", "missing '}'")]
    [InlineData("FROM scratch\nVOLUME [1]\n", "strings only")]
    [InlineData("FROM scratch\nBOGUS x\n", "unknown instruction")]
    public void What_the_builder_rejects_is_a_problem_at_its_line(string text, string message)
        => Assert.Contains(Dockerfile.Parse(text, NoBuildArguments).Problems, p => p.Line == 2 && p.Message.Contains(message, System.StringComparison.Ordinal));

    [Fact]
    public void Crlf_a_bom_and_no_final_newline_are_read()
    {
        DockerfileStage stage = Dockerfile.Parse("\uFEFFFROM scratch\r\nWORKDIR /app\r\nVOLUME /app/data").FinalStage()!;

        Assert.Equal("/app", stage.WorkingDirectory!.Text);
        Assert.Equal(3, stage.Volumes.Single().Line);
    }

    [Fact]
    public void Entrypoint_drops_an_inherited_cmd()
    {
        DockerfileStage final = Dockerfile.Parse("FROM scratch AS a\nCMD [\"x\"]\nFROM a\nENTRYPOINT [\"y\"]\n").FinalStage()!;

        Assert.Null(final.Command);
        Assert.Equal("y", final.Entrypoint!.Words[0]);
    }

    [Fact]
    public void Models_of_the_same_text_are_equal()
    {
        Assert.Equal(Dockerfile.Parse("FROM x\n"), Dockerfile.Parse("FROM x\n"));
        Assert.NotEqual(Dockerfile.Parse("FROM x\n"), Dockerfile.Parse("FROM y\n"));
        Assert.NotEqual(Dockerfile.Parse("FROM x\n"), Dockerfile.Parse("FROM x\n", NoBuildArguments));
    }

    [Fact]
    public void Empty_text_has_no_stage()
    {
        Assert.Null(Dockerfile.Parse(string.Empty).FinalStage());
        Assert.Empty(Dockerfile.Parse("# only a comment\n").Instructions);
    }
}
