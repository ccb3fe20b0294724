using System.Collections.Generic;
using System.Linq;

namespace VolumeGen.Tests;

/// <summary>Container paths built to break out of every quoting layer VolumeGen writes.</summary>
public static class HostileValues
{
    /// <summary>Absolute paths holding shell, YAML, JSON, CSV and Dockerfile metacharacters.</summary>
    public static readonly string[] Paths =
    {
        "/app/with space",
        "/app/it's",
        "/app/say \"hi\"",
        "/app/d$x",
        "/app/a${HOME}b",
        "/app/$(id)",
        "/app/`id`",
        "/app/a;b",
        "/app/a|b",
        "/app/a&b",
        "/app/a,b",
        "/app/a:b",
        "/app/tab\there",
        "/app/new\nline",
        "/app/carriage\rreturn",
        "/app/données-日本-😀",
        "/app/back\\slash",
        "/app/#hash",
        "/app/-dash",
        "/app/*glob?[x]",
        "/app/~tilde",
        "/app/!bang",
        "/app/{a,b}",
        "/app/'\"$`\\,;|&:",
        "/app/\u2028line-separator\u0085nel",
        "/app/\uFEFFbom",
        "/app/null: ~",
        "/app/- [x]: {y}",
        "/app/&anchor *alias !tag %dir @at",
        "/app/ leading and trailing ",
        "/app/\"\"",
        "/app/''",
        "/app/$$",
        "/app/\\$HOME",
        "/app/`\\``",
        "/app/\u00a0nbsp",
    };

    /// <summary><see cref="Paths"/> as xunit theory data.</summary>
    public static IEnumerable<object[]> PathData => Paths.Select(static p => new object[] { p });

    /// <summary>A mount of every kind at hostile paths (bind sources hostile too).</summary>
    public static MountSet AllKinds(string path) => new(
        Mount.NamedVolume(path + "/named", name: "data", readOnly: true, noCopy: true),
        Mount.AnonymousVolume(path + "/anonymous"),
        Mount.Bind("./src" + path, path + "/bind", readOnly: true),
        Mount.Bind(path, path + "/abs-bind", selinuxLabel: SelinuxLabel.Private),
        Mount.Tmpfs(path + "/tmpfs", sizeBytes: 64L * 1024 * 1024, mode: 493));
}
