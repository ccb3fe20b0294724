using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualBasic.FileIO;

namespace VolumeGen.Tests;

public class RunArgumentsTests
{
    private static readonly MountSet ReadmeSet = new(
        Mount.NamedVolume("/app/data", name: "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Tmpfs("/app/scratch", sizeBytes: 64L * 1024 * 1024));

    /// <summary>Reads a --mount value the way Docker does: one CSV record, then key=value fields.</summary>
    private static List<KeyValuePair<string, string?>> DecodeMountValue(string value)
    {
        using var parser = new TextFieldParser(new StringReader(value))
        {
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        string[] fields = parser.ReadFields()!;
        Assert.Null(parser.ReadFields());
        return fields.Select(f => f.IndexOf('=', StringComparison.Ordinal) is int i and >= 0
            ? new KeyValuePair<string, string?>(f.Substring(0, i), f.Substring(i + 1))
            : new KeyValuePair<string, string?>(f, null)).ToList();
    }

    [Fact]
    public void Mount_form_for_the_readme_set()
    {
        string[] arguments = ReadmeSet.ToRunArguments(MountStyle.Mount, bindRoot: "/src/hello");
        Assert.Equal(
            new[]
            {
                "--mount", "type=volume,source=profiles,target=/app/data",
                "--mount", "type=volume,target=/app/cache",
                "--mount", "type=bind,source=/src/hello/config,target=/app/config,readonly",
                "--mount", "type=tmpfs,target=/app/scratch,tmpfs-size=67108864",
            },
            arguments);
    }

    [Fact]
    public void Volume_form_for_the_readme_set()
    {
        string[] arguments = ReadmeSet.ToRunArguments(MountStyle.Volume, bindRoot: "/src/hello");
        Assert.Equal(
            new[] { "-v", "profiles:/app/data", "-v", "/app/cache", "-v", "/src/hello/config:/app/config:ro", "--tmpfs", "/app/scratch:size=67108864" },
            arguments);
    }

    [Fact]
    public void Tmpfs_mode_is_octal_in_both_forms()
    {
        var set = new MountSet(Mount.Tmpfs("/app/t", mode: 493));
        Assert.Equal("type=tmpfs,target=/app/t,tmpfs-mode=0755", set.ToRunArguments()[1]);
        Assert.Equal("/app/t:mode=0755", set.ToRunArguments(MountStyle.Volume)[1]);
    }

    [Fact]
    public void Named_volume_options()
    {
        var set = new MountSet(Mount.NamedVolume("/app/data", "profiles", readOnly: true, noCopy: true));
        Assert.Equal("type=volume,source=profiles,target=/app/data,readonly,volume-nocopy", set.ToRunArguments()[1]);
        Assert.Equal("profiles:/app/data:ro,nocopy", set.ToRunArguments(MountStyle.Volume)[1]);
    }

    [Theory]
    [InlineData(SelinuxLabel.Shared, "/srv/c:/app/c:ro,z")]
    [InlineData(SelinuxLabel.Private, "/srv/c:/app/c:ro,Z")]
    public void Selinux_label_forces_the_volume_form(SelinuxLabel label, string expected)
    {
        string[] arguments = new MountSet(Mount.Bind("/srv/c", "/app/c", readOnly: true, selinuxLabel: label)).ToRunArguments(MountStyle.Mount);
        Assert.Equal(new[] { "-v", expected }, arguments);
    }

    [Theory]
    [InlineData("/app/a:b", "/srv/x")]
    [InlineData("/app/x", "/srv/a:b")]
    public void A_colon_forces_the_mount_form(string target, string source)
        => Assert.Equal("--mount", new MountSet(Mount.Bind(source, target)).ToRunArguments(MountStyle.Volume)[0]);

    [Fact]
    public void A_windows_drive_colon_keeps_the_volume_form()
        => Assert.Equal(new[] { "-v", "C:\\data:/app/x" }, new MountSet(Mount.Bind("C:\\data", "/app/x")).ToRunArguments(MountStyle.Volume));

    [Theory]
    [InlineData("./config", "/root/dir", "/root/dir/config")]
    [InlineData("config", "/root/dir/", "/root/dir/config")]
    [InlineData("././config", "/root", "/root/config")]
    [InlineData(".", "/root/dir", "/root/dir")]
    [InlineData("/abs/path", "/root", "/abs/path")]
    [InlineData("./config", "C:\\src", "C:\\src\\config")]
    [InlineData("D:\\x", "/root", "D:\\x")]
    [InlineData("./config", "/", "/config")]
    public void Bind_sources_resolve_against_the_root(string source, string root, string expected)
        => Assert.Equal(expected, RunArguments.ResolveBindSource(source, root));

    [Theory]
    [MemberData(nameof(HostileValues.PathData), MemberType = typeof(HostileValues))]
    public void Mount_values_decode_with_a_csv_reader_to_the_exact_fields(string path)
    {
        MountSet set = HostileValues.AllKinds(path);
        foreach (Mount mount in set.Where(m => m.SelinuxLabel == SelinuxLabel.None))
        {
            List<KeyValuePair<string, string?>> fields = DecodeMountValue(RunArguments.MountValue(mount, "/srv/root"));
            Assert.Equal(mount.Target, Assert.Single(fields, f => f.Key == "target").Value);
            if (mount.Kind is MountKind.Bind)
            {
                Assert.Equal(RunArguments.ResolveBindSource(mount.Source!, "/srv/root"), Assert.Single(fields, f => f.Key == "source").Value);
            }

            Assert.Equal(mount.ReadOnly, fields.Any(f => f.Key == "readonly"));
        }
    }

    [Theory]
    [MemberData(nameof(HostileValues.PathData), MemberType = typeof(HostileValues))]
    public void Arguments_are_never_split_or_merged(string path)
    {
        MountSet set = HostileValues.AllKinds(path);
        foreach (MountStyle style in new[] { MountStyle.Mount, MountStyle.Volume })
        {
            string[] arguments = set.ToRunArguments(style, "/srv/root");
            Assert.Equal(set.Count * 2, arguments.Length);
            for (int i = 0; i < arguments.Length; i += 2)
            {
                Assert.Contains(arguments[i], new[] { "--mount", "-v", "--tmpfs" });
            }
        }
    }

    [Theory]
    [InlineData("C:\\data", true)]
    [InlineData("d:/data", true)]
    [InlineData("\u00e9:/data", false)] // not a drive letter: Windows drives are A-Z, as MountValidator says too
    [InlineData("C:data", false)]
    [InlineData("1:/data", false)]
    public void Only_an_ascii_letter_colon_and_separator_is_a_windows_drive(string source, bool drive)
    {
        Assert.Equal(drive, HostPath.IsWindowsDrivePath(source));
        Assert.Equal(drive ? source : "/srv/root/" + source, RunArguments.ResolveBindSource(source, "/srv/root"));
    }
}
