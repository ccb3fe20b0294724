using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// A compose file read the way <c>docker compose</c> reads it: services with their mounts (<c>volumes:</c> in
/// short and long syntax, <c>tmpfs:</c>), <c>build:</c> (context, dockerfile, target, args), <c>environment:</c>
/// (map and list forms) and <c>env_file:</c>; the top-level <c>volumes:</c> and <c>include:</c>. Anchors, aliases and
/// merge keys are resolved (so <c>x-</c> blocks shared with <c>&lt;&lt;: *defaults</c> count); <c>x-</c> keys
/// themselves are ignored, as compose ignores them. Values are interpolated (see <see cref="Parse"/>).
/// The one reader of compose files in VolumeGen. Never throws. Equal when the texts are equal.
/// See docs/container-files.md.
/// </summary>
public sealed class ComposeFile : IEquatable<ComposeFile>
{
    private string? _environmentKey;

    private ComposeFile(string text, YamlMapping? root, IReadOnlyList<ComposeService> services, IReadOnlyList<ComposeVolumeDefinition> volumes, IReadOnlyList<ComposeInclude> includes)
    {
        Text = text;
        Root = root;
        Services = services;
        Volumes = volumes;
        Includes = includes;
    }

    /// <summary>The text the model was read from.</summary>
    public string Text { get; }

    /// <summary>The document's root mapping (merge keys applied), or null when the text is not a mapping.</summary>
    public YamlMapping? Root { get; }

    /// <summary>The services, in order.</summary>
    public IReadOnlyList<ComposeService> Services { get; }

    /// <summary>The top-level named volumes.</summary>
    public IReadOnlyList<ComposeVolumeDefinition> Volumes { get; }

    /// <summary>The top-level <c>include:</c> entries.</summary>
    public IReadOnlyList<ComposeInclude> Includes { get; }

    /// <summary>
    /// Reads <paramref name="text"/>. <paramref name="environment"/> holds the variables interpolation uses; when
    /// null, every variable counts as unset (defaults such as <c>${DATA:-./data}</c> apply) and a value that would
    /// come from the shell stays as written and is marked unknown.
    /// </summary>
    public static ComposeFile Parse(string text, IReadOnlyDictionary<string, string>? environment = null)
    {
        text ??= string.Empty;
        var services = new List<ComposeService>();
        var volumes = new List<ComposeVolumeDefinition>();
        var includes = new List<ComposeInclude>();
        YamlMapping? root = YamlReader.Read(text) as YamlMapping;
        if (root is null)
        {
            return new ComposeFile(text, null, services, volumes, includes) { _environmentKey = VariablesKey.Of(environment) };
        }

        var reader = new ComposeFileReader(environment);
        if (root.Get("services") is YamlMapping serviceMap)
        {
            foreach (KeyValuePair<string, YamlNode> service in serviceMap.Entries)
            {
                if (service.Value is YamlMapping body && !service.Key.StartsWith("x-", StringComparison.Ordinal))
                {
                    services.Add(reader.ReadService(service.Key, body));
                }
            }
        }

        if (root.Get("volumes") is YamlMapping volumeMap)
        {
            foreach (KeyValuePair<string, YamlNode> volume in volumeMap.Entries)
            {
                if (!volume.Key.StartsWith("x-", StringComparison.Ordinal))
                {
                    volumes.Add(reader.ReadVolumeDefinition(volume.Key, volume.Value));
                }
            }
        }

        if (root.Get("include") is YamlSequence includeList)
        {
            foreach (YamlNode include in includeList.Items)
            {
                ComposeInclude? entry = reader.ReadInclude(include);
                if (entry is not null)
                {
                    includes.Add(entry);
                }
            }
        }

        return new ComposeFile(text, root, services, volumes, includes) { _environmentKey = VariablesKey.Of(environment) };
    }

    /// <summary>The service named <paramref name="name"/>, or null.</summary>
    public ComposeService? FindService(string name)
    {
        foreach (ComposeService service in Services)
        {
            if (string.Equals(service.Name, name, StringComparison.Ordinal))
            {
                return service;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(ComposeFile? other)
        => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal) && string.Equals(_environmentKey, other._environmentKey, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ComposeFile);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}
