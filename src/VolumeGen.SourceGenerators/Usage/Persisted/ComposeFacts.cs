using System;
using System.Collections.Generic;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The container mounts a compose file gives its services (<c>volumes:</c> short and long syntax, <c>tmpfs:</c>).
/// When some services have <c>build:</c> (the project's own image), only those count; otherwise every service.
/// </summary>
internal static class ComposeFacts
{
    /// <summary>Reads the mounts of a compose file. Never throws: what cannot be understood is skipped.</summary>
    public static IReadOnlyList<KnownMount> Parse(string text)
    {
        var mounts = new List<KnownMount>();
        if (string.IsNullOrEmpty(text) || YamlDocument.Parse(text) is not Dictionary<string, object?> root
            || !root.TryGetValue("services", out object? servicesNode) || servicesNode is not Dictionary<string, object?> services)
        {
            return mounts;
        }

        bool anyBuild = false;
        foreach (KeyValuePair<string, object?> service in services)
        {
            anyBuild |= service.Value is Dictionary<string, object?> body && body.ContainsKey("build");
        }

        foreach (KeyValuePair<string, object?> service in services)
        {
            if (service.Value is not Dictionary<string, object?> body || (anyBuild && !body.ContainsKey("build")))
            {
                continue;
            }

            string origin = "compose service '" + service.Key + "'";
            if (body.TryGetValue("volumes", out object? volumes) && volumes is List<object?> list)
            {
                foreach (object? item in list)
                {
                    KnownMount? mount = item switch
                    {
                        string shortSyntax => ReadShort(shortSyntax, origin),
                        Dictionary<string, object?> longSyntax => ReadLong(longSyntax, origin),
                        _ => null,
                    };
                    if (mount is not null)
                    {
                        mounts.Add(mount);
                    }
                }
            }

            if (body.TryGetValue("tmpfs", out object? tmpfs))
            {
                foreach (object? item in tmpfs is List<object?> tmpfsList ? tmpfsList : new List<object?> { tmpfs })
                {
                    if (item is string entry)
                    {
                        int colon = entry.IndexOf(':');
                        AddIfPath(mounts, colon >= 0 ? entry.Substring(0, colon) : entry, MountKind.Tmpfs, false, "tmpfs of " + origin);
                    }
                }
            }
        }

        return mounts;
    }

    private static KnownMount? ReadShort(string entry, string origin)
    {
        string[] parts = entry.Split(':');
        int targetIndex = -1;
        for (int i = parts.Length - 1; i >= 0; i--)
        {
            if (parts[i].StartsWith("/", StringComparison.Ordinal) && (i > 0 || parts.Length <= 2))
            {
                targetIndex = i;
                break;
            }
        }

        if (targetIndex < 0 && parts.Length > 0 && parts[0].StartsWith("/", StringComparison.Ordinal))
        {
            targetIndex = 0;
        }

        if (targetIndex < 0)
        {
            return null;
        }

        // "/target:ro" has no source; "/host:/target" does.
        bool hasSource = targetIndex > 0;
        string mode = targetIndex + 1 < parts.Length ? parts[targetIndex + 1] : string.Empty;
        bool readOnly = Array.IndexOf(mode.Split(','), "ro") >= 0;
        if (!hasSource)
        {
            return Create(parts[targetIndex], MountKind.AnonymousVolume, false, "anonymous volume of " + origin);
        }

        string source = string.Join(":", parts, 0, targetIndex);
        bool bind = source.StartsWith(".", StringComparison.Ordinal) || source.StartsWith("/", StringComparison.Ordinal)
            || source.StartsWith("~", StringComparison.Ordinal) || source.IndexOf('\\') >= 0;
        return bind
            ? Create(parts[targetIndex], MountKind.Bind, readOnly, "bind mount of '" + source + "' in " + origin)
            : Create(parts[targetIndex], MountKind.NamedVolume, readOnly, "volume '" + source + "' of " + origin);
    }

    private static KnownMount? ReadLong(Dictionary<string, object?> entry, string origin)
    {
        string? target = Text(entry, "target");
        if (target is null)
        {
            return null;
        }

        string? source = Text(entry, "source");
        bool readOnly = string.Equals(Text(entry, "read_only"), "true", StringComparison.OrdinalIgnoreCase);
        switch (Text(entry, "type"))
        {
            case "bind":
                return Create(target, MountKind.Bind, readOnly, "bind mount of '" + source + "' in " + origin);
            case "tmpfs":
                return Create(target, MountKind.Tmpfs, false, "tmpfs of " + origin);
            case "volume":
            case null:
                return string.IsNullOrEmpty(source)
                    ? Create(target, MountKind.AnonymousVolume, false, "anonymous volume of " + origin)
                    : Create(target, MountKind.NamedVolume, readOnly, "volume '" + source + "' of " + origin);
            default:
                return null;
        }
    }

    private static string? Text(Dictionary<string, object?> entry, string key)
        => entry.TryGetValue(key, out object? value) ? value as string : null;

    private static void AddIfPath(List<KnownMount> mounts, string target, MountKind kind, bool readOnly, string origin)
    {
        KnownMount? mount = Create(target, kind, readOnly, origin);
        if (mount is not null)
        {
            mounts.Add(mount);
        }
    }

    private static KnownMount? Create(string target, MountKind kind, bool readOnly, string origin)
    {
        string trimmed = target.Trim();
        return ContainerPath.IsAbsolute(trimmed) && trimmed.IndexOf('$') < 0
            ? new KnownMount(ContainerPath.Resolve("/", trimmed), ToPersistence(kind), readOnly, origin)
            : null;
    }

    private static Persistence ToPersistence(MountKind kind) => kind switch
    {
        MountKind.AnonymousVolume => Persistence.AnonymousVolume,
        MountKind.Tmpfs => Persistence.Tmpfs,
        _ => Persistence.Persistent,
    };
}
