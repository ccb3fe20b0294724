using System;
using System.Collections.Generic;
using System.Globalization;

namespace VolumeGen;

/// <summary>
/// A compose override file (<c>compose.volumegen.yaml</c>): the service's <c>volumes:</c> in long syntax and
/// the top-level named <c>volumes:</c>. Strings are YAML double-quoted; <c>$</c> becomes <c>$$</c> because
/// compose interpolates variables. Relative bind sources stay relative (compose resolves them against the
/// compose file's folder).
/// </summary>
/// <remarks>
/// Each top-level volume carries <c>name:</c> with its exact Docker name, so compose does not prefix it with the
/// project name: the data lands in the volume the code declared (<c>profiles</c>), the same one
/// <c>docker run --mount source=profiles</c> uses. What Debian's docker-compose 1.29 refuses in the long syntax is
/// written in the forms it and the compose specification both accept: a tmpfs with a mode as a service-level
/// <c>tmpfs: ["/path:size=…,mode=0700"]</c> entry, an SELinux-labelled bind in the short <c>"src:dst:ro,z"</c> form.
/// Only a path holding <c>:</c> (which those forms split on) keeps the long form, with a comment saying it needs the
/// compose specification; there a tmpfs <c>mode</c> is a decimal integer (0755 is <c>493</c>).
/// </remarks>
public static class ComposeOverride
{
    /// <summary>The override YAML for service <paramref name="serviceName"/>.</summary>
    /// <param name="mounts">The mounts, in declaration order.</param>
    /// <param name="serviceName">The compose service; quoted as given (validating it is the caller's job).</param>
    public static string Format(IEnumerable<Mount> mounts, string serviceName)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        if (serviceName is null)
        {
            throw new ArgumentNullException(nameof(serviceName));
        }

        var volumes = new List<Mount>();
        var tmpfsWithMode = new List<Mount>();
        var namedVolumes = new List<string>();
        foreach (Mount mount in mounts)
        {
            (mount.Kind == MountKind.Tmpfs && mount.TmpfsMode is not null && mount.Target.IndexOf(':') < 0 ? tmpfsWithMode : volumes).Add(mount);
            if (mount.Kind == MountKind.NamedVolume && !namedVolumes.Contains(mount.Source ?? string.Empty))
            {
                namedVolumes.Add(mount.Source ?? string.Empty);
            }
        }

        var yaml = new YamlWriter();
        yaml.Line(GeneratedFileHeader.Prefix + " from the app's volume declarations. Use it as a compose override:");
        yaml.Comment("  docker compose -f compose.yaml -f compose.volumegen.yaml up");
        using (yaml.Block("services"))
        using (yaml.Block(YamlText.Quote(serviceName)))
        {
            if (volumes.Count == 0)
            {
                yaml.Pair("volumes", "[]");
            }
            else
            {
                using (yaml.Block("volumes"))
                {
                    foreach (Mount mount in volumes)
                    {
                        if (ShortBind(mount) is string shortForm)
                        {
                            yaml.Item(Value(shortForm));
                            continue;
                        }

                        using (yaml.Item())
                        {
                            WriteServiceVolume(yaml, mount);
                        }
                    }
                }
            }

            if (tmpfsWithMode.Count > 0)
            {
                using (yaml.Block(MountKindWords.Tmpfs))
                {
                    foreach (Mount mount in tmpfsWithMode)
                    {
                        yaml.Item(Value(mount.Target + ":" + TmpfsOptions(mount)));
                    }
                }
            }
        }

        if (namedVolumes.Count > 0)
        {
            using (yaml.Block("volumes"))
            {
                foreach (string name in namedVolumes)
                {
                    // The key is what `source:` refers to (compose interpolates values, not keys); `name:` keeps
                    // compose from prefixing the project name.
                    using (yaml.Block(YamlText.Quote(name)))
                    {
                        yaml.Pair("name", Value(name));
                    }
                }
            }
        }

        return yaml.ToString();
    }

    // A tmpfs with a mode: the service-level "target:options" form, the one docker-compose 1.x and the compose
    // specification both accept (1.x refuses "mode" in the long syntax). The options are the engine's tmpfs mount
    // options, so the mode is octal there.
    private static string TmpfsOptions(Mount mount)
    {
        string size = mount.TmpfsSizeBytes is long bytes ? "size=" + bytes.ToString(CultureInfo.InvariantCulture) + "," : string.Empty;
        return size + "mode=" + OctalMode.Format(mount.TmpfsMode!.Value);
    }

    // An SELinux label: the short "source:target:options" form, which docker-compose 1.x and the compose
    // specification both accept (1.x refuses "selinux" in the long syntax). Null when the short form cannot carry it.
    private static string? ShortBind(Mount mount)
    {
        string source = mount.Source ?? string.Empty;
        if (SelinuxLabels.ToOption(mount.SelinuxLabel) is not string selinux || source.IndexOf(':') >= 0 || mount.Target.IndexOf(':') >= 0 || source.Length == 0)
        {
            return null;
        }

        return source + ":" + mount.Target + ":" + (mount.ReadOnly ? "ro," : string.Empty) + selinux;
    }

    private static void WriteServiceVolume(YamlWriter yaml, Mount mount)
    {
        yaml.Pair("type", MountKindWords.ToType(mount.Kind));
        if (mount.Kind is MountKind.NamedVolume or MountKind.Bind)
        {
            yaml.Pair("source", Value(mount.Source ?? string.Empty));
        }

        yaml.Pair("target", Value(mount.Target));
        if (mount.ReadOnly)
        {
            yaml.Pair("read_only", "true");
        }

        if (mount.NoCopy)
        {
            using (yaml.Block(MountKindWords.Volume))
            {
                yaml.Pair("nocopy", "true");
            }
        }

        if (SelinuxLabels.ToOption(mount.SelinuxLabel) is string selinux)
        {
            // Only a path with ':' gets here (the short form cannot carry it): this needs the compose specification.
            yaml.Comment("bind.selinux needs a compose that implements the compose specification (docker compose v2); docker-compose 1.x refuses it");
            using (yaml.Block(MountKindWords.Bind))
            {
                yaml.Pair("selinux", YamlText.Quote(selinux));
            }
        }

        if (mount.Kind == MountKind.Tmpfs && (mount.TmpfsSizeBytes is not null || mount.TmpfsMode is not null))
        {
            using (yaml.Block(MountKindWords.Tmpfs))
            {
                if (mount.TmpfsSizeBytes is long size)
                {
                    yaml.Pair("size", size.ToString(CultureInfo.InvariantCulture));
                }

                if (mount.TmpfsMode is int mode)
                {
                    // Only a target with ':' gets here (the service-level form splits on it): this needs the compose
                    // specification. Decimal on purpose: 0755 is written 493 (see the remarks).
                    yaml.Comment("tmpfs.mode needs a compose that implements the compose specification (docker compose v2); docker-compose 1.x refuses it");
                    yaml.Pair("mode", mode.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }

    // Compose interpolates ${VAR} and $VAR in every value; $$ is its literal dollar.
    private static string Value(string value) => YamlText.Quote(value.Replace("$", "$$"));
}
