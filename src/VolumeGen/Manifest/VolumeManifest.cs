using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VolumeGen;

/// <summary>
/// Every VolumeGen declaration of one assembly. The generator writes it as
/// <c>[assembly: AssemblyMetadata("VolumeGen.Manifest", json)]</c>; the analyzers, the build task, the CLI and
/// <c>VolumeGen.Docker</c> read it back. The JSON schema is documented in docs/manifest.md.
/// </summary>
public sealed class VolumeManifest : IEquatable<VolumeManifest>
{
    /// <summary>The <see cref="System.Reflection.AssemblyMetadataAttribute"/> key that carries the manifest.</summary>
    public const string MetadataKey = "VolumeGen.Manifest";

    /// <summary>
    /// The schema version this library writes and the newest it reads. Version 2 records invalid classes with their
    /// problems (version 1 left them out, so their volumes vanished without a word); a version-1 reader refuses it.
    /// </summary>
    public const int CurrentVersion = 2;

    /// <summary>Creates a manifest; classes are kept sorted by name and ephemeral paths sorted and de-duplicated.</summary>
    public VolumeManifest(IEnumerable<ManifestClass> classes, IEnumerable<string>? ephemeralPaths = null)
    {
        Classes = (classes ?? throw new ArgumentNullException(nameof(classes))).OrderBy(static c => c.Name, StringComparer.Ordinal).ToArray();
        EphemeralPaths = (ephemeralPaths ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal).OrderBy(static p => p, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The storage classes, sorted by name.</summary>
    public IReadOnlyList<ManifestClass> Classes { get; }

    /// <summary>Paths declared with <see cref="EphemeralPathAttribute"/>, sorted.</summary>
    public IReadOnlyList<string> EphemeralPaths { get; }

    /// <summary>
    /// Every class's mounts in one set, in class order — invalid classes included: check <see cref="IsValid"/> first
    /// and refuse (or, like the usage analyzers, leave out <see cref="ManifestClass.IsValid"/>-false classes).
    /// </summary>
    public MountSet AllMounts => new(Classes.SelectMany(static c => c.Mounts));

    /// <summary>True when no class has a problem.</summary>
    public bool IsValid => Classes.All(static c => c.IsValid);

    /// <summary>The classes that have problems.</summary>
    public IReadOnlyList<ManifestClass> InvalidClasses => Classes.Where(static c => !c.IsValid).ToArray();

    /// <summary>The versioned, deterministic JSON text (no whitespace, ordinal order, defaults omitted).</summary>
    public string ToJson()
    {
        var json = new StringBuilder();
        json.Append("{\"version\":").Append(CurrentVersion.ToString(CultureInfo.InvariantCulture)).Append(",\"classes\":[");
        for (int c = 0; c < Classes.Count; c++)
        {
            if (c > 0)
            {
                json.Append(',');
            }

            json.Append("{\"name\":");
            Json.WriteString(json, Classes[c].Name);
            json.Append(",\"mounts\":[");
            MountSet mounts = Classes[c].Mounts;
            for (int m = 0; m < mounts.Count; m++)
            {
                if (m > 0)
                {
                    json.Append(',');
                }

                ManifestMountJson.Write(json, mounts[m]);
            }

            json.Append(']');
            IReadOnlyList<ManifestProblem> problems = Classes[c].Problems;
            if (problems.Count > 0)
            {
                json.Append(",\"problems\":[");
                for (int p = 0; p < problems.Count; p++)
                {
                    json.Append(p > 0 ? ",{\"id\":" : "{\"id\":");
                    Json.WriteString(json, problems[p].Id);
                    json.Append(",\"message\":");
                    Json.WriteString(json, problems[p].Message);
                    json.Append('}');
                }

                json.Append(']');
            }

            json.Append('}');
        }

        json.Append(']');
        if (EphemeralPaths.Count > 0)
        {
            json.Append(",\"ephemeralPaths\":[");
            for (int i = 0; i < EphemeralPaths.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                Json.WriteString(json, EphemeralPaths[i]);
            }

            json.Append(']');
        }

        return json.Append('}').ToString();
    }

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">The text is not a VolumeGen manifest, or a newer version; the message says what to do.</exception>
    public static VolumeManifest Parse(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        if (Json.Parse(json) is not Dictionary<string, object?> root)
        {
            throw new FormatException("The VolumeGen manifest is not a JSON object.");
        }

        long version = root.TryGetValue("version", out object? v) && v is long number ? number : 0;
        if (version < 1)
        {
            throw new FormatException("The VolumeGen manifest has no valid \"version\".");
        }

        if (version > CurrentVersion)
        {
            throw new FormatException(
                $"The VolumeGen manifest has version {version.ToString(CultureInfo.InvariantCulture)}, newer than this VolumeGen understands ({CurrentVersion.ToString(CultureInfo.InvariantCulture)}). Update the VolumeGen tool or package.");
        }

        var classes = new List<ManifestClass>();
        foreach (object? item in ArrayOf(root, "classes"))
        {
            if (item is not Dictionary<string, object?> entry)
            {
                throw new FormatException("A VolumeGen manifest class entry is not an object.");
            }

            string name = StringOf(entry, "name") ?? throw new FormatException("A VolumeGen manifest class entry has no \"name\".");
            var mounts = new List<Mount>();
            foreach (object? mount in ArrayOf(entry, "mounts"))
            {
                mounts.Add(ManifestMountJson.Read(mount as Dictionary<string, object?> ?? throw new FormatException($"A mount of '{name}' is not an object.")));
            }

            var problems = new List<ManifestProblem>();
            foreach (object? problem in ArrayOf(entry, "problems"))
            {
                if (problem is not Dictionary<string, object?> fields || StringOf(fields, "id") is not string id || StringOf(fields, "message") is not string message)
                {
                    throw new FormatException($"A problem of '{name}' in the VolumeGen manifest has no \"id\" or \"message\".");
                }

                problems.Add(new ManifestProblem(id, message));
            }

            classes.Add(new ManifestClass(name, new MountSet(mounts), problems));
        }

        var ephemeral = new List<string>();
        foreach (object? path in ArrayOf(root, "ephemeralPaths"))
        {
            ephemeral.Add(path as string ?? throw new FormatException("An ephemeral path in the VolumeGen manifest is not a string."));
        }

        return new VolumeManifest(classes, ephemeral);
    }

    /// <summary>Like <see cref="Parse"/>, without throwing; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? json, out VolumeManifest? manifest, out string? error)
    {
        manifest = null;
        error = null;
        if (json is null)
        {
            error = "No VolumeGen manifest text.";
            return false;
        }

        try
        {
            manifest = Parse(json);
            return true;
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public bool Equals(VolumeManifest? other)
        => other is not null && Classes.SequenceEqual(other.Classes) && EphemeralPaths.SequenceEqual(other.EphemeralPaths, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as VolumeManifest);

    /// <inheritdoc />
    public override int GetHashCode() => Classes.Aggregate(EphemeralPaths.Count, static (hash, c) => unchecked((hash * 31) + c.GetHashCode()));

    /// <summary>The manifest's name of a <see cref="MountKind"/>: volume, anonymous, bind or tmpfs.</summary>
    public static string KindName(MountKind kind) => kind switch
    {
        MountKind.NamedVolume => "volume",
        MountKind.AnonymousVolume => "anonymous",
        MountKind.Bind => "bind",
        _ => "tmpfs",
    };

    private static string? StringOf(Dictionary<string, object?> entry, string name)
        => entry.TryGetValue(name, out object? value) ? value as string : null;

    private static IEnumerable<object?> ArrayOf(Dictionary<string, object?> entry, string name)
    {
        if (!entry.TryGetValue(name, out object? value) || value is null)
        {
            return Array.Empty<object?>();
        }

        return value as List<object?> ?? throw new FormatException($"\"{name}\" in the VolumeGen manifest is not an array.");
    }
}
