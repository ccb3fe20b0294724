using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VolumeGen;

/// <summary>
/// One mount as the manifest writes it (<c>{"kind":"volume","target":"/app/data","name":"profiles"}</c>, docs/manifest.md):
/// the manifest's classes and the storage lock's declared mounts use the same object, so one reader serves both.
/// </summary>
internal static class ManifestMountJson
{
    /// <summary>Appends <paramref name="mount"/> as one compact JSON object, defaults omitted.</summary>
    public static void Write(StringBuilder json, Mount mount)
    {
        json.Append("{\"kind\":\"").Append(VolumeManifest.KindName(mount.Kind)).Append("\",\"target\":");
        Json.WriteString(json, mount.Target);
        if (mount.Kind == MountKind.NamedVolume)
        {
            json.Append(",\"name\":");
            Json.WriteString(json, mount.Source ?? string.Empty);
        }
        else if (mount.Kind == MountKind.Bind)
        {
            json.Append(",\"source\":");
            Json.WriteString(json, mount.Source ?? string.Empty);
        }

        if (mount.ReadOnly)
        {
            json.Append(",\"readOnly\":true");
        }

        if (mount.NoCopy)
        {
            json.Append(",\"noCopy\":true");
        }

        if (SelinuxLabels.ToOption(mount.SelinuxLabel) is string selinux)
        {
            json.Append(",\"selinux\":\"").Append(selinux).Append('"');
        }

        if (mount.TmpfsSizeBytes is long size)
        {
            json.Append(",\"sizeBytes\":").Append(size.ToString(CultureInfo.InvariantCulture));
        }

        if (mount.TmpfsMode is int mode)
        {
            json.Append(",\"mode\":").Append(mode.ToString(CultureInfo.InvariantCulture));
        }

        json.Append('}');
    }

    /// <summary>Reads one mount object written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">A field is missing or has an unknown value; the message names it.</exception>
    public static Mount Read(Dictionary<string, object?> entry)
    {
        string target = StringOf(entry, "target") ?? throw new FormatException("A VolumeGen manifest mount has no \"target\".");
        bool readOnly = entry.TryGetValue("readOnly", out object? ro) && ro is true;
        switch (StringOf(entry, "kind"))
        {
            case "volume":
                return Mount.NamedVolume(target, StringOf(entry, "name") ?? throw new FormatException($"The named volume at '{target}' has no \"name\"."), readOnly, entry.TryGetValue("noCopy", out object? nc) && nc is true);
            case "anonymous":
                return Mount.AnonymousVolume(target);
            case "bind":
                SelinuxLabel label = SelinuxLabels.FromOption(StringOf(entry, "selinux")) ?? SelinuxLabel.None;
                return Mount.Bind(StringOf(entry, "source") ?? throw new FormatException($"The bind mount at '{target}' has no \"source\"."), target, readOnly, label);
            case "tmpfs":
                long? size = entry.TryGetValue("sizeBytes", out object? s) && s is long sizeValue ? sizeValue : null;
                // A mode beyond int would wrap on a cast (4294967789 -> 493) and slip past the validator.
                int? mode = entry.TryGetValue("mode", out object? m) && m is long modeValue
                    ? (modeValue is >= int.MinValue and <= int.MaxValue ? (int)modeValue : throw new FormatException($"The tmpfs mode {modeValue.ToString(CultureInfo.InvariantCulture)} at '{target}' is out of range (0 to 511, i.e. 0777)."))
                    : null;
                return Mount.Tmpfs(target, size, mode);
            default:
                throw new FormatException($"The mount at '{target}' has an unknown \"kind\" (expected volume, anonymous, bind or tmpfs).");
        }
    }

    private static string? StringOf(Dictionary<string, object?> entry, string name)
        => entry.TryGetValue(name, out object? value) ? value as string : null;
}
