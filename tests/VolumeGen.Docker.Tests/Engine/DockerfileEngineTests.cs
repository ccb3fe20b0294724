using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using VolumeGen.ContainerFiles;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>
/// The Dockerfile model against the Docker engine itself: each Dockerfile of the corpus is built with
/// <c>docker build</c> (the classic builder, DOCKER_BUILDKIT=0) and the image's <c>Config.Volumes</c>,
/// <c>WorkingDir</c>, <c>User</c> and <c>Env</c> (<c>docker image inspect</c>), and the mount points a container gets
/// (<c>docker create</c>), must be what the model says. Dockerfiles the engine rejects must be ones the model lists
/// problems for. Here-documents and <c>${a-b}</c> (BuildKit-only syntax the classic builder rejects) are covered by
/// the model's unit tests, not here.
/// </summary>
public sealed class DockerfileEngineTests : IDisposable
{
    private const string Base = "mcr.microsoft.com/dotnet/aspnet:10.0";

    private readonly TempFolder _temp = new();
    private readonly List<string> _images = new();
    private readonly List<string> _containers = new();
    private readonly List<string> _steps = new();

    public void Dispose()
    {
        if (DockerEngine.Unavailable is null)
        {
            _containers.ForEach(c => DockerEngine.RemoveContainers(c));
            _images.ForEach(i => DockerEngine.RemoveImage(i));

            // The images of stages the final one is not built from stay behind untagged; every build here runs with
            // --no-cache, so each step's image that was not there before the build is this test's own.
            _steps.ForEach(i => DockerEngine.RemoveImage(i));
        }

        _temp.Dispose();
    }

    /// <summary>Dockerfiles the engine builds: name → text (and, for a few, build arguments and a target).</summary>
    private static readonly Dictionary<string, Case> Built = new Case[]
    {
        new("plain", "FROM scratch\nVOLUME /data\n"),
        new("json", "FROM scratch\nVOLUME [\"/a\", \"/b\"]\n"),
        new("json-spaces", "FROM scratch\nVOLUME [ \"/a\" ,\t\"/b\" ]   \n"),
        new("json-single-quotes", "FROM scratch\nVOLUME ['/data']\n"),
        new("plain-commas", "FROM scratch\nVOLUME /a, /b\n"),
        new("json-trailing-comma", "FROM scratch\nVOLUME [\"/a\", ]\n"),
        new("json-missing-comma", "FROM scratch\nVOLUME [\"/a\" \"/b\"]\n"),
        new("json-unquoted", "FROM scratch\nVOLUME [/a]\n"),
        new("tabs", "FROM scratch\nVOLUME\t/a\t/b\n"),
        new("hash-is-a-word", "FROM scratch\n  volume /a # not a comment\n"),
        new("continuations", "FROM scratch\nVOLUME /a \\\n# c\n  /b \\\n\n  /c\n"),
        new("escape-directive", "# escape=`\nFROM scratch\nVOLUME /a `\n /b\n"),
        new("escaped-space", "FROM scratch\nVOLUME /e\\ f\n"),
        new("same-path-spellings", "FROM scratch\nVOLUME /a\nVOLUME /a/\nVOLUME //a /a/./\n"),
        new("relative", "FROM scratch\nWORKDIR /app\nVOLUME logs ./rel ../up\n"),
        new("modifiers", "FROM scratch\nENV A=/x\nVOLUME ${A:-/y} ${B:-/z} /p${A:+/w} /q${B:+/v}\n"),
        new("empty-env-modifier", "FROM scratch\nENV A=\nVOLUME /p${A:-/d} /q${A:+/e}\n"),
        new("unset", "FROM scratch\nVOLUME $UNSET/x ${ALSO_UNSET}/y\n"),
        new("meta-arg", "ARG X=/fromarg\nFROM scratch\nARG X\nARG Y=/y\nVOLUME $X $Y\n"),
        new("env-old-form", "FROM scratch\nENV A /x y\nENV B=\"two words\" C=x\\ y\nVOLUME \"$A\" /$B\n"),
        new("env-sees-before", "FROM scratch\nENV A=/first\nENV A=/second B=$A\nVOLUME $A $B\n"),
        new("env-wins-over-arg", "FROM scratch\nARG A=/arg\nENV A=/env\nVOLUME $A\n"),
        new("arg-references-env", "FROM scratch\nENV ROOT=/srv\nARG DIR=$ROOT/data\nVOLUME $DIR\n"),
        new("json-word-processing", "FROM scratch\nENV A=1\nVOLUME [\"/a\\\\\\\"b\", \"/c\\u0041\", \"/$A\", \"/\\\\$A\", \"'/x y'\"]\n"),
        new("quotes", "FROM scratch\nENV A=v\nVOLUME \"/dq$A\" '/sq$A' /mix\"ed\"'quo'tes\n"),
        new("escaped-dollar", "FROM scratch\nENV A=v\nVOLUME /lit\\$A \"/lit2\\$A\"\n"),
        new("braces", "FROM scratch\nENV NAME=cache\nVOLUME /var/${NAME}/x\n"),
        new("backtick-dollar", "# escape=`\nFROM scratch\nENV A=v\nVOLUME /a`$A /b$A\n"),
        new("unicode", "FROM scratch\nVOLUME /données/ünï\n"),
        new("workdir-relative", "FROM scratch\nWORKDIR a\nWORKDIR b\n"),
        new("workdir-dots", "FROM scratch\nWORKDIR /a\nWORKDIR ../b\nWORKDIR ./c/\n"),
        new("workdir-env", "FROM scratch\nENV D=/data\nWORKDIR $D/sub\n"),
        new("workdir-arg", "FROM scratch\nARG W=/w\nWORKDIR $W\n"),
        new("user", "FROM scratch\nUSER app\n"),
        new("user-group", "FROM scratch\nUSER app:grp\n"),
        new("user-arg", "FROM scratch\nARG U=1001\nUSER ${U}:${U}\n"),
        new("stage-inherits", "FROM scratch AS base\nVOLUME /base\nWORKDIR /w\nUSER u\nENV E=1\nFROM base\nVOLUME /child\nENV F=2\n"),
        new("stage-chain", "FROM scratch AS one\nENV P=/one\nVOLUME $P\nFROM one AS two\nENV P=/two\nVOLUME $P\nFROM two\nVOLUME ${P}/three\n"),
        new("stage-case", "FROM scratch AS Base\nVOLUME /base\nFROM base\n"),
        new("stage-from-scratch-again", "FROM scratch AS a\nVOLUME /a\nWORKDIR /a\nFROM scratch\nVOLUME /b\n"),
        new("arg-in-from", "ARG BASE=scratch\nFROM ${BASE} AS first\nVOLUME /x\nARG BASE=first\nFROM scratch\nVOLUME /y\n"),
        new("lower-case", "from scratch\nworkdir /app\nvolume /app/data\nenv A=1\n"),
        new("crlf", "FROM scratch\r\nWORKDIR /app\r\nVOLUME /app/data \\\r\n  /app/logs\r\n"),
        new("bom", "\uFEFFFROM scratch\nVOLUME /bom\n"),
        new("other-instructions", "FROM scratch\nLABEL a=b\nEXPOSE 8080\nSTOPSIGNAL SIGTERM\nMAINTAINER me\nONBUILD VOLUME /onbuild\nHEALTHCHECK NONE\nVOLUME /only\n"),
        new("cmd-entrypoint", "FROM scratch\nCMD [\"x\"]\nENTRYPOINT [\"/app\"]\nVOLUME /v\n"),
        new("build-arg-given", "FROM scratch\nARG X=/default\nARG Y\nVOLUME $X ${Y:-/none}\n", new Dictionary<string, string> { ["X"] = "/given", ["Y"] = "/y" }),
        new("target", "FROM scratch AS debug\nVOLUME /debug\nWORKDIR /d\nFROM scratch AS release\nVOLUME /release\n", Target: "debug"),
        new("generated-block", "FROM scratch\nWORKDIR /app\n" + string.Join("\n", GeneratedBlock('\\')) + "\n"),
        new("generated-block-backtick", "# escape=`\nFROM scratch\n" + string.Join("\n", GeneratedBlock('`')) + "\n"),
        new("base-user", $"FROM {Base}\nUSER $APP_UID\nWORKDIR /app\nVOLUME /app/data\n"),
        new("base-env", $"FROM {Base}\nENV DATA=/srv\nVOLUME $DATA/uploads ${{APP_UID}}\n"),
        new("base-run", $"FROM {Base}\nWORKDIR /app\nRUN mkdir -p /app/data && chown $APP_UID /app/data\nVOLUME [\"/app/data\"]\nUSER $APP_UID\n"),
    }.ToDictionary(static c => c.Name, StringComparer.Ordinal);

    /// <summary>Dockerfiles the engine rejects; the model must list a problem at the line.</summary>
    private static readonly Dictionary<string, (string Text, int Line)> Rejected = new()
    {
        ["empty-volume"] = ("FROM scratch\nVOLUME \"\"\n", 2),
        ["empty-variable"] = ("FROM scratch\nVOLUME $UNSET\n", 2),
        ["unterminated-quote"] = ("FROM scratch\nVOLUME \"/ab\n", 2),
        ["missing-brace"] = ("FROM scratch\nVOLUME ${A\n", 2),
        ["bad-substitution"] = ("FROM scratch\nVOLUME ${:a}\n", 2),
        ["json-number"] = ("FROM scratch\nVOLUME [1]\n", 2),
        ["unknown-instruction"] = ("FROM scratch\nBOGUS x\n", 2),
        ["invalid-escape"] = ("# escape=x\nFROM scratch\n", 1),
        ["empty-workdir"] = ("FROM scratch\nWORKDIR \"\"\n", 2),
    };

    public static TheoryData<string> BuiltNames() => new(Built.Keys);

    public static TheoryData<string> RejectedNames() => new(Rejected.Keys);

    [Fact]
    public void The_corpus_has_at_least_forty_dockerfiles_the_engine_builds()
        => Assert.True(Built.Count >= 40, Built.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [SkippableTheory]
    [MemberData(nameof(BuiltNames))]
    public void The_image_has_the_volumes_working_directory_user_and_environment_the_model_says(string name)
    {
        DockerEngine.SkipUnlessAvailable();
        Case @case = Built[name];
        Dockerfile model = Dockerfile.Parse(@case.Text, @case.BuildArguments ?? new Dictionary<string, string>());
        DockerfileStage stage = model.FinalStage(@case.Target)!;
        Assert.Empty(model.Problems);

        JsonElement config = Inspect(Build(name, @case), "{{json .Config}}");
        JsonElement baseConfig = stage.IsBaseKnown ? default : BaseConfig.Value;
        Dictionary<string, string> baseEnvironment = stage.IsBaseKnown ? new Dictionary<string, string>() : Environment(baseConfig);

        string[] expectedVolumes = stage.Volumes.Select(v => Resolved(v.Value, baseEnvironment)).Distinct(StringComparer.Ordinal).OrderBy(static v => v, StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedVolumes, Keys(config, "Volumes"));
        Assert.Equal(stage.WorkingDirectory is null ? Text(baseConfig, "WorkingDir") : Resolved(stage.WorkingDirectory, baseEnvironment), Text(config, "WorkingDir"));
        Assert.Equal(stage.User is null ? Text(baseConfig, "User") : Resolved(stage.User, baseEnvironment), Text(config, "User"));

        var expectedEnvironment = new List<KeyValuePair<string, string>>(stage.IsBaseKnown ? Array.Empty<KeyValuePair<string, string>>() : Pairs(baseConfig));
        foreach (DockerfileVariable variable in stage.Environment)
        {
            var pair = new KeyValuePair<string, string>(variable.Name, Resolved(variable.Value, baseEnvironment));
            int existing = expectedEnvironment.FindIndex(p => p.Key == variable.Name);
            if (existing >= 0)
            {
                expectedEnvironment[existing] = pair;
            }
            else
            {
                expectedEnvironment.Add(pair);
            }
        }

        Assert.Equal(expectedEnvironment.Select(static p => p.Key + "=" + p.Value), Pairs(config).Select(static p => p.Key + "=" + p.Value));
    }

    [SkippableTheory]
    [MemberData(nameof(BuiltNames))]
    public void A_container_gets_a_volume_at_each_container_path_the_model_says(string name)
    {
        DockerEngine.SkipUnlessAvailable();
        Case @case = Built[name];
        DockerfileStage stage = Dockerfile.Parse(@case.Text, @case.BuildArguments ?? new Dictionary<string, string>()).FinalStage(@case.Target)!;
        string image = Build(name, @case);
        string container = DockerEngine.UniqueName("vg-dockerfile-model");
        _containers.Add(container);
        DockerEngine.Docker("create", "--name", container, "--network", "none", image, "/nothing").EnsureSuccess();

        // The engine creates one volume per cleaned spelling ("/a/" and "//a" are "/a"; "a" stays "a") and mounts a
        // relative one below / at start, so "a" and "/a" are two volumes at one container path.
        string[] destinations = Inspect(container, "{{json .Mounts}}").EnumerateArray()
            .Select(static m => ContainerPath.Resolve("/", m.GetProperty("Destination").GetString()!))
            .OrderBy(static d => d, StringComparer.Ordinal).ToArray();
        Dictionary<string, string> baseEnvironment = stage.IsBaseKnown ? new Dictionary<string, string>() : Environment(BaseConfig.Value);
        string[] expected = stage.Volumes
            .Select(v => (Spelling: Cleaned(Resolved(v.Value, baseEnvironment)), Path: v.ContainerPath ?? ContainerPath.Resolve("/", Resolved(v.Value, baseEnvironment))))
            .Distinct().Select(static v => v.Path).OrderBy(static d => d, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, destinations);
    }

    [SkippableFact]
    public void A_relative_volume_is_mounted_below_the_root_in_a_running_container()
    {
        DockerEngine.SkipUnlessAvailable();
        const string text = $"FROM {Base}\nWORKDIR /app\nVOLUME logs\n";
        DockerfileVolumePath volume = Dockerfile.Parse(text).FinalStage()!.Volumes.Single();
        string image = Build("relative-run", new Case("relative-run", text));

        ProcessResult run = DockerEngine.Docker("run", "--rm", "--network", "none", image, "sh", "-c", "cut -d' ' -f5 /proc/self/mountinfo").EnsureSuccess();

        Assert.Equal("/logs", volume.ContainerPath);
        Assert.Contains(volume.ContainerPath, run.Output.Split('\n', StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("/app/logs", run.Output.Split('\n', StringSplitOptions.TrimEntries));
    }

    [SkippableTheory]
    [MemberData(nameof(RejectedNames))]
    public void What_the_engine_rejects_the_model_lists_as_a_problem_at_the_line(string name)
    {
        DockerEngine.SkipUnlessAvailable();
        (string text, int line) = Rejected[name];
        Dockerfile model = Dockerfile.Parse(text, new Dictionary<string, string>());
        string context = Context(name, text);
        string image = Tag(name);

        IReadOnlySet<string> before = EngineInventory.ImageIds();
        ProcessResult build = DockerEngine.Docker("build", "--no-cache", "--force-rm", "-t", image, context);
        RememberSteps(build.Output, before);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(model.Problems, p => p.Line == line);
    }

    [Fact]
    public void Accepted_dockerfiles_have_no_problem_and_known_values_where_the_base_is_known()
    {
        foreach (Case @case in Built.Values)
        {
            Dockerfile model = Dockerfile.Parse(@case.Text, @case.BuildArguments ?? new Dictionary<string, string>());
            Assert.True(model.Problems.Count == 0, @case.Name + ": " + string.Join("; ", model.Problems));
            DockerfileStage stage = model.FinalStage(@case.Target)!;
            if (stage.IsBaseKnown)
            {
                Assert.All(stage.Volumes, v => Assert.True(v.Value.IsKnown, @case.Name + ": " + v.Value.Written));
            }
        }
    }

    private static IReadOnlyList<string> GeneratedBlock(char escape)
        => DockerfileRegion(new[]
        {
            "/app/it's $HOME, \"data\"", "/app/with space", "/app/dollar$x and ${y}", "/app/comma,separated", "/app/back\\slash 'single'", "/app/tick`s",
        }, escape);

    private static IReadOnlyList<string> DockerfileRegion(IReadOnlyList<string> paths, char escape)
        => new[] { GeneratedBlockMarkers.Begin + " (generated from AppStorage)", DockerfileVolume.FormatPaths(paths, escape), GeneratedBlockMarkers.End };

    private static readonly Lazy<JsonElement> BaseConfig = new(() => Inspect(Base, "{{json .Config}}"));

    private string Build(string name, Case @case)
    {
        string context = Context(name, @case.Text);
        string image = Tag(name);
        var arguments = new List<string> { "build", "--no-cache", "--force-rm", "-t", image };
        foreach (KeyValuePair<string, string> argument in @case.BuildArguments ?? new Dictionary<string, string>())
        {
            arguments.Add("--build-arg");
            arguments.Add(argument.Key + "=" + argument.Value);
        }

        if (@case.Target is not null)
        {
            arguments.Add("--target");
            arguments.Add(@case.Target);
        }

        arguments.Add("--network");
        arguments.Add("host");
        arguments.Add(context);
        IReadOnlySet<string> before = EngineInventory.ImageIds();
        ProcessResult build = DockerEngine.Docker(arguments.ToArray());
        RememberSteps(build.Output, before);
        build.EnsureSuccess();
        return image;
    }

    /// <summary>
    /// The classic builder prints " ---> id" after each step; the ids that were not in the engine before this build
    /// are this build's own. The first one of a <c>FROM image</c> build is that image itself: never removed.
    /// </summary>
    private void RememberSteps(string output, IReadOnlySet<string> before)
    {
        foreach (Match step in Regex.Matches(output, @"^ ---> ([0-9a-f]{12})\s*$", RegexOptions.Multiline))
        {
            string id = step.Groups[1].Value;
            if (!before.Any(b => b.StartsWith("sha256:" + id, StringComparison.Ordinal)) && !_steps.Contains(id))
            {
                _steps.Add(id);
            }
        }
    }


    private string Context(string name, string text)
    {
        string context = Path.Combine(_temp.Path, name);
        Directory.CreateDirectory(context);
        File.WriteAllBytes(Path.Combine(context, "Dockerfile"), new UTF8Encoding(false).GetBytes(text));
        return context;
    }

    private string Tag(string name)
    {
        string image = "volumegen-test/dockerfile-model-" + name + ":" + Guid.NewGuid().ToString("N").Substring(0, 10);
        _images.Add(image);
        return image;
    }

    private static JsonElement Inspect(string target, string format)
    {
        string json = DockerEngine.Docker("inspect", "--format", format, target).EnsureSuccess().Output.Trim();
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string[] Keys(JsonElement config, string property)
        => config.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().Select(static p => p.Name).OrderBy(static k => k, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();

    private static string Text(JsonElement config, string property)
        => config.ValueKind == JsonValueKind.Object && config.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private static KeyValuePair<string, string>[] Pairs(JsonElement config)
        => config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Env", out JsonElement env) && env.ValueKind == JsonValueKind.Array
            ? env.EnumerateArray().Select(static e => e.GetString()!).Select(static e => new KeyValuePair<string, string>(e.Substring(0, e.IndexOf('=')), e.Substring(e.IndexOf('=') + 1))).ToArray()
            : Array.Empty<KeyValuePair<string, string>>();

    private static Dictionary<string, string> Environment(JsonElement config)
        => Pairs(config).ToDictionary(static p => p.Key, static p => p.Value, StringComparer.Ordinal);

    /// <summary>The engine's <c>filepath.Clean</c> of a VOLUME value: absolute paths folded, relative ones kept relative.</summary>
    private static string Cleaned(string value)
        => ContainerPath.IsAbsolute(value) ? ContainerPath.Resolve("/", value) : "relative:" + ContainerPath.Normalize(value);

    /// <summary>A value the model could not know because the base image sets a variable: the base image's value put in.</summary>
    private static string Resolved(DockerfileValue value, Dictionary<string, string> baseEnvironment)
    {
        if (value.IsKnown)
        {
            return value.Text;
        }

        string text = value.Text;
        foreach (KeyValuePair<string, string> variable in baseEnvironment.OrderByDescending(static v => v.Key.Length))
        {
            text = text.Replace("${" + variable.Key + "}", variable.Value, StringComparison.Ordinal).Replace("$" + variable.Key, variable.Value, StringComparison.Ordinal);
        }

        return text;
    }

    private sealed record Case(string Name, string Text, Dictionary<string, string>? BuildArguments = null, string? Target = null);
}
