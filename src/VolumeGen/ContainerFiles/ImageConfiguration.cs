using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// An OCI/Docker image configuration (the JSON <c>docker image inspect</c> shows as <c>Config</c>, <c>RootFS</c>,
/// <c>History</c>), edited where the .NET SDK's container publishing cannot: <c>config.Volumes</c>, and a layer that
/// creates the volume folders owned by the container user. Every other field is kept as it is, in its order.
/// </summary>
public static class ImageConfiguration
{
    /// <summary>The image's <c>config.User</c>, or null when it sets none (root).</summary>
    /// <exception cref="FormatException">The text is not an image configuration.</exception>
    public static string? User(string configJson)
        => Section(Root(configJson), "config").TryGetValue("User", out object? user) && user is string text && text.Length > 0 ? text : null;

    /// <summary>
    /// The configuration with <paramref name="volumes"/> added to <c>config.Volumes</c> and, when
    /// <paramref name="layerDiffId"/> is given, that layer appended to <c>rootfs.diff_ids</c> with a history entry.
    /// </summary>
    /// <exception cref="FormatException">The text is not an image configuration.</exception>
    public static string WithVolumes(string configJson, IEnumerable<string> volumes, string? layerDiffId, string createdBy)
    {
        Dictionary<string, object?> root = Root(configJson);
        Dictionary<string, object?> config = Section(root, "config");
        if (!(config.TryGetValue("Volumes", out object? existing) && existing is Dictionary<string, object?> volumeMap))
        {
            volumeMap = new Dictionary<string, object?>(StringComparer.Ordinal);
            config["Volumes"] = volumeMap;
        }

        foreach (string volume in volumes)
        {
            volumeMap[volume] = new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        if (layerDiffId is not null)
        {
            Dictionary<string, object?> rootfs = Section(root, "rootfs");
            if (!(rootfs.TryGetValue("diff_ids", out object? ids) && ids is List<object?> diffIds))
            {
                throw new FormatException("the image configuration has no rootfs.diff_ids list");
            }

            diffIds.Add(layerDiffId);
            if (!(root.TryGetValue("history", out object? h) && h is List<object?> history))
            {
                history = new List<object?>();
                root["history"] = history;
            }

            history.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { ["created_by"] = createdBy });
        }

        var text = new StringBuilder(configJson.Length + 256);
        Json.Write(text, root);
        return text.ToString();
    }

    /// <summary>The configuration member a <c>docker load</c> archive's <c>manifest.json</c> names for its one image.</summary>
    /// <exception cref="FormatException">The manifest does not describe exactly one image.</exception>
    public static string ArchiveConfigName(string manifestJson) => (string)ArchiveImage(manifestJson)["Config"]!;

    /// <summary>The <c>manifest.json</c> with the configuration member renamed and, when given, a layer member appended.</summary>
    /// <exception cref="FormatException">The manifest does not describe exactly one image.</exception>
    public static string RewriteArchiveManifest(string manifestJson, string configName, string? addedLayer)
    {
        List<object?> manifests = (List<object?>)Json.Parse(manifestJson)!;
        Dictionary<string, object?> image = ArchiveImage(manifestJson, manifests);
        image["Config"] = configName;
        if (addedLayer is not null)
        {
            ((List<object?>)image["Layers"]!).Add(addedLayer);
        }

        var text = new StringBuilder(manifestJson.Length + 128);
        Json.Write(text, manifests);
        return text.ToString();
    }

    private static Dictionary<string, object?> ArchiveImage(string manifestJson, List<object?>? parsed = null)
    {
        if ((parsed ?? Json.Parse(manifestJson)) is List<object?> manifests && manifests.Count == 1 && manifests[0] is Dictionary<string, object?> image
            && image.TryGetValue("Config", out object? config) && config is string && image.TryGetValue("Layers", out object? layers) && layers is List<object?>)
        {
            return image;
        }

        throw new FormatException("its manifest.json does not describe exactly one image");
    }

    private static Dictionary<string, object?> Root(string configJson)
        => Json.Parse(configJson) as Dictionary<string, object?> ?? throw new FormatException("the image configuration is not a JSON object");

    private static Dictionary<string, object?> Section(Dictionary<string, object?> root, string name)
    {
        if (root.TryGetValue(name, out object? value) && value is Dictionary<string, object?> section)
        {
            return section;
        }

        if (value is null)
        {
            var created = new Dictionary<string, object?>(StringComparer.Ordinal);
            root[name] = created;
            return created;
        }

        throw new FormatException($"the image configuration's '{name}' is not an object");
    }
}
