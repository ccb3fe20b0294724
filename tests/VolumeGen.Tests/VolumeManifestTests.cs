using System;
using System.Linq;

namespace VolumeGen.Tests;

public class VolumeManifestTests
{
    private static VolumeManifest Sample(string path = "/app/data") => new(
        new[]
        {
            new ManifestClass("Zeta.Storage", new MountSet(Mount.AnonymousVolume("/z"))),
            new ManifestClass("ProfileService.AppStorage", new MountSet(
                Mount.NamedVolume(path, name: "profiles", readOnly: true, noCopy: true),
                Mount.AnonymousVolume(path + "/cache"),
                Mount.Bind("./con" + path, path + "/config", readOnly: true, selinuxLabel: SelinuxLabel.Private),
                Mount.Bind("/srv/shared", path + "/shared", selinuxLabel: SelinuxLabel.Shared),
                Mount.Tmpfs(path + "/scratch", sizeBytes: 64L * 1024 * 1024, mode: 493),
                Mount.Tmpfs(path + "/bare"))),
        },
        new[] { "/app/tmp", path, "/app/tmp" });

    [Fact]
    public void Round_trips()
    {
        VolumeManifest manifest = Sample();
        VolumeManifest parsed = VolumeManifest.Parse(manifest.ToJson());
        Assert.Equal(manifest, parsed);
        Assert.Equal(manifest.GetHashCode(), parsed.GetHashCode());
        Assert.Equal(manifest.ToJson(), parsed.ToJson());
    }

    [Theory]
    [MemberData(nameof(HostileValues.PathData), MemberType = typeof(HostileValues))]
    public void Round_trips_hostile_strings(string path)
    {
        var manifest = new VolumeManifest(new[] { new ManifestClass(path, Sample(path).Classes[0].Mounts) }, new[] { path });
        VolumeManifest parsed = VolumeManifest.Parse(manifest.ToJson());
        Assert.Equal(manifest, parsed);
        Assert.Equal(path, parsed.Classes.Single().Name);
        Assert.Equal(path, parsed.EphemeralPaths.Single());
    }

    [Theory]
    [InlineData("/app/lone-high-\ud800")]
    [InlineData("/app/lone-low-\udc00-x")]
    [InlineData("/app/pair-\ud83d\ude00")]
    public void Round_trips_through_utf8_even_with_lone_surrogates(string path)
    {
        // The manifest travels in an assembly attribute, whose strings are stored as UTF-8.
        var manifest = new VolumeManifest(new[] { new ManifestClass("A", new MountSet(Mount.AnonymousVolume(path))) });
        string json = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(manifest.ToJson()));
        Assert.Equal(path, VolumeManifest.Parse(json).Classes[0].Mounts[0].Target);
    }

    [Fact]
    public void Json_is_deterministic_sorted_and_versioned()
    {
        string json = Sample().ToJson();
        Assert.StartsWith("{\"version\":2,", json, StringComparison.Ordinal);
        Assert.True(json.IndexOf("ProfileService.AppStorage", StringComparison.Ordinal) < json.IndexOf("Zeta.Storage", StringComparison.Ordinal));
        Assert.Equal(new[] { "/app/data", "/app/tmp" }, Sample().EphemeralPaths);
        Assert.DoesNotContain('\n', json);
        Assert.Equal(json, Sample().ToJson());
    }

    [Fact]
    public void Json_is_read_by_a_standard_parser()
    {
        using var document = System.Text.Json.JsonDocument.Parse(Sample("/app/\"q\"\n\u2028").ToJson());
        Assert.Equal(VolumeManifest.CurrentVersion, document.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public void AllMounts_concatenates_in_class_order()
        => Assert.Equal(Sample().Classes.SelectMany(c => c.Mounts), Sample().AllMounts);

    [Theory]
    [InlineData("", "Invalid JSON")]
    [InlineData("{", "Invalid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{}", "no valid \"version\"")]
    [InlineData("{\"version\":\"1\"}", "no valid \"version\"")]
    [InlineData("{\"version\":0}", "no valid \"version\"")]
    [InlineData("{\"version\":1,\"classes\":{}}", "\"classes\" in the VolumeGen manifest is not an array")]
    [InlineData("{\"version\":1,\"classes\":[1]}", "class entry is not an object")]
    [InlineData("{\"version\":1,\"classes\":[{}]}", "has no \"name\"")]
    [InlineData("{\"version\":1,\"classes\":[{\"name\":\"A\",\"mounts\":[{\"kind\":\"volume\"}]}]}", "has no \"target\"")]
    [InlineData("{\"version\":1,\"classes\":[{\"name\":\"A\",\"mounts\":[{\"kind\":\"volume\",\"target\":\"/x\"}]}]}", "has no \"name\"")]
    [InlineData("{\"version\":1,\"classes\":[{\"name\":\"A\",\"mounts\":[{\"kind\":\"bind\",\"target\":\"/x\"}]}]}", "has no \"source\"")]
    [InlineData("{\"version\":1,\"classes\":[{\"name\":\"A\",\"mounts\":[{\"kind\":\"nfs\",\"target\":\"/x\"}]}]}", "unknown \"kind\"")]
    [InlineData("{\"version\":1,\"classes\":[{\"name\":\"A\",\"mounts\":[{\"kind\":\"tmpfs\",\"target\":\"/x\",\"mode\":4294967789}]}]}", "4294967789")]
    [InlineData("{\"version\":1,\"ephemeralPaths\":[1]}", "not a string")]
    [InlineData("{\"version\":1} x", "unexpected text after the JSON value")]
    [InlineData("{\"version\":1.5}", "Invalid JSON")]
    [InlineData("{\"a\":\"\\q\"}", "invalid escape")]
    [InlineData("{\"a\":\"\\u 12a\"}", "invalid \\u escape")]
    [InlineData("{\"a\":\"\\u12\"}", "invalid \\u escape")]
    public void Parse_errors_are_clear_format_exceptions(string json, string expected)
    {
        FormatException exception = Assert.Throws<FormatException>(() => VolumeManifest.Parse(json));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.False(VolumeManifest.TryParse(json, out VolumeManifest? manifest, out string? error));
        Assert.Null(manifest);
        Assert.Equal(exception.Message, error);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
        => Assert.Throws<FormatException>(() => VolumeManifest.Parse(new string('[', 100000)));

    [Fact]
    public void A_newer_version_is_refused_with_what_to_do()
    {
        FormatException exception = Assert.Throws<FormatException>(() => VolumeManifest.Parse("{\"version\":3,\"classes\":[]}"));
        Assert.Contains("version 3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Update", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_of_null_fails_with_a_message()
    {
        Assert.False(VolumeManifest.TryParse(null, out VolumeManifest? manifest, out string? error));
        Assert.Null(manifest);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Unknown_properties_are_ignored()
        => Assert.Single(VolumeManifest.Parse("{\"version\":1,\"future\":{\"x\":[true,null,-3]},\"classes\":[{\"name\":\"A\",\"mounts\":[]}]}").Classes);

    [Fact]
    public void Invalid_classes_round_trip_with_their_problems_and_make_the_manifest_invalid()
    {
        var invalid = new ManifestClass("Shop.Broken", new MountSet(Mount.AnonymousVolume("relative")), new[] { new ManifestProblem("VG1001", "The container path \"relative\" is not absolute.") });
        var manifest = new VolumeManifest(new[] { invalid, new ManifestClass("Shop.Ok", new MountSet(Mount.AnonymousVolume("/app/ok"))) });

        VolumeManifest read = VolumeManifest.Parse(manifest.ToJson());

        Assert.Equal(manifest, read);
        Assert.False(read.IsValid);
        Assert.Equal("Shop.Broken", Assert.Single(read.InvalidClasses).Name);
        Assert.Equal("VG1001: The container path \"relative\" is not absolute.", Assert.Single(read.Classes[0].Problems).ToString());
        Assert.True(read.Classes[1].IsValid);
        Assert.Contains("\"problems\":[{\"id\":\"VG1001\"", manifest.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_manifest_is_still_read_as_valid()
    {
        VolumeManifest read = VolumeManifest.Parse("{\"version\":1,\"classes\":[{\"name\":\"A\",\"mounts\":[{\"kind\":\"anonymous\",\"target\":\"/app/a\"}]}]}");

        Assert.True(read.IsValid);
        Assert.Equal("/app/a", read.AllMounts[0].Target);
    }

    [Theory]
    [InlineData("{\"version\":2,\"classes\":[{\"name\":\"A\",\"mounts\":[],\"problems\":[{}]}]}")]
    [InlineData("{\"version\":2,\"classes\":[{\"name\":\"A\",\"mounts\":[],\"problems\":[{\"id\":\"VG1001\"}]}]}")]
    [InlineData("{\"version\":2,\"classes\":[{\"name\":\"A\",\"mounts\":[],\"problems\":{}}]}")]
    public void A_malformed_problem_is_refused(string json)
        => Assert.Throws<FormatException>(() => VolumeManifest.Parse(json));
}
