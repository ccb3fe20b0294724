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
/// <c>docker run --mount source=profiles</c> uses. A tmpfs <c>mode</c> is written as a decimal integer
/// (0755 is <c>493</c>): compose passes it to the engine as a number, and YAML 1.2 parsers read <c>0755</c> as decimal.
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
        foreach (Mount mount in mounts)
        {
            AppendServiceVolume(entries, mount);
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

    private static void AppendServiceVolume(StringBuilder yaml, Mount mount)
    {
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
                // Decimal on purpose: 0755 is written 493 (see the remarks).
                yaml.Append(SubField).Append("mode: ").Append(mode.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }

    // Compose interpolates ${VAR} and $VAR in every value; $$ is its literal dollar.
    private static string Value(string value) => YamlText.Quote(value.Replace("$", "$$"));
}
