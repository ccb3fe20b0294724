using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

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

        var yaml = new StringBuilder();
        yaml.Append(GeneratedFileHeader.Prefix).Append(" from the app's volume declarations. Use it as a compose override:\n");
        yaml.Append("#   docker compose -f compose.yaml -f compose.volumegen.yaml up\n");
        yaml.Append("services:\n");
        yaml.Append("  ").Append(YamlText.Quote(serviceName)).Append(":\n");

        var namedVolumes = new List<string>();
        var entries = new StringBuilder();
        var tmpfs = new StringBuilder();
        foreach (Mount mount in mounts)
        {
            if (mount.Kind == MountKind.Tmpfs && mount.TmpfsMode is not null && mount.Target.IndexOf(':') < 0)
            {
                AppendServiceTmpfs(tmpfs, mount);
            }
            else
            {
                AppendServiceVolume(entries, mount);
            }

            if (mount.Kind == MountKind.NamedVolume && !namedVolumes.Contains(mount.Source ?? string.Empty))
            {
                namedVolumes.Add(mount.Source ?? string.Empty);
            }
        }

        if (entries.Length == 0)
        {
            yaml.Append("    volumes: []\n");
        }
        else
        {
            yaml.Append("    volumes:\n").Append(entries);
        }

        if (tmpfs.Length > 0)
        {
            yaml.Append("    tmpfs:\n").Append(tmpfs);
        }

        if (namedVolumes.Count > 0)
        {
            yaml.Append("volumes:\n");
            foreach (string name in namedVolumes)
            {
                // The key is what `source:` refers to (compose interpolates values, not keys); `name:` keeps
                // compose from prefixing the project name.
                yaml.Append("  ").Append(YamlText.Quote(name)).Append(":\n");
                yaml.Append("    name: ").Append(Value(name)).Append('\n');
            }
        }

        return yaml.ToString();
    }

    // A tmpfs with a mode: the service-level "target:options" form, the one docker-compose 1.x and the compose
    // specification both accept (1.x refuses "mode" in the long syntax). The options are the engine's tmpfs mount
    // options, so the mode is octal there.
    private static void AppendServiceTmpfs(StringBuilder yaml, Mount mount)
    {
        var options = new StringBuilder();
        if (mount.TmpfsSizeBytes is long size)
        {
            options.Append("size=").Append(size.ToString(CultureInfo.InvariantCulture)).Append(',');
        }

        options.Append("mode=").Append(Convert.ToString(mount.TmpfsMode!.Value, 8).PadLeft(4, '0'));
        yaml.Append("      - ").Append(Value(mount.Target + ":" + options)).Append('\n');
    }

    // An SELinux label: the short "source:target:options" form, which docker-compose 1.x and the compose
    // specification both accept (1.x refuses "selinux" in the long syntax).
    private static bool TryAppendShortBind(StringBuilder yaml, Mount mount)
    {
        string source = mount.Source ?? string.Empty;
        if (mount.SelinuxLabel == SelinuxLabel.None || source.IndexOf(':') >= 0 || mount.Target.IndexOf(':') >= 0 || source.Length == 0)
        {
            return false;
        }

        string options = (mount.ReadOnly ? "ro," : string.Empty) + (mount.SelinuxLabel == SelinuxLabel.Shared ? "z" : "Z");
        yaml.Append("      - ").Append(Value(source + ":" + mount.Target + ":" + options)).Append('\n');
        return true;
    }

    private static void AppendServiceVolume(StringBuilder yaml, Mount mount)
    {
        if (TryAppendShortBind(yaml, mount))
        {
            return;
        }

        const string Item = "      - ";
        const string Field = "        ";
        const string SubField = "          ";
        switch (mount.Kind)
        {
            case MountKind.NamedVolume:
                yaml.Append(Item).Append("type: volume\n");
                yaml.Append(Field).Append("source: ").Append(Value(mount.Source ?? string.Empty)).Append('\n');
                break;
            case MountKind.AnonymousVolume:
                yaml.Append(Item).Append("type: volume\n");
                break;
            case MountKind.Bind:
                yaml.Append(Item).Append("type: bind\n");
                yaml.Append(Field).Append("source: ").Append(Value(mount.Source ?? string.Empty)).Append('\n');
                break;
            default:
                yaml.Append(Item).Append("type: tmpfs\n");
                break;
        }

        yaml.Append(Field).Append("target: ").Append(Value(mount.Target)).Append('\n');
        if (mount.ReadOnly)
        {
            yaml.Append(Field).Append("read_only: true\n");
        }

        if (mount.NoCopy)
        {
            yaml.Append(Field).Append("volume:\n");
            yaml.Append(SubField).Append("nocopy: true\n");
        }

        if (mount.SelinuxLabel != SelinuxLabel.None)
        {
            // Only a path with ':' gets here (the short form cannot carry it): this needs the compose specification.
            yaml.Append(Field).Append("# bind.selinux needs a compose that implements the compose specification (docker compose v2); docker-compose 1.x refuses it\n");
            yaml.Append(Field).Append("bind:\n");
            yaml.Append(SubField).Append("selinux: ").Append(mount.SelinuxLabel == SelinuxLabel.Shared ? "\"z\"" : "\"Z\"").Append('\n');
        }

        if (mount.Kind == MountKind.Tmpfs && (mount.TmpfsSizeBytes is not null || mount.TmpfsMode is not null))
        {
            yaml.Append(Field).Append("tmpfs:\n");
            if (mount.TmpfsSizeBytes is long size)
            {
                yaml.Append(SubField).Append("size: ").Append(size.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            if (mount.TmpfsMode is int mode)
            {
                // Only a target with ':' gets here (the service-level form splits on it): this needs the compose
                // specification. Decimal on purpose: 0755 is written 493 (see the remarks).
                yaml.Append(SubField).Append("# tmpfs.mode needs a compose that implements the compose specification (docker compose v2); docker-compose 1.x refuses it\n");
                yaml.Append(SubField).Append("mode: ").Append(mode.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }

    // Compose interpolates ${VAR} and $VAR in every value; $$ is its literal dollar.
    private static string Value(string value) => YamlText.Quote(value.Replace("$", "$$"));
}
