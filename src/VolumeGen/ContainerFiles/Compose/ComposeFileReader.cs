using System;
using System.Collections.Generic;
using System.Globalization;

namespace VolumeGen.ContainerFiles;

/// <summary>Reads the parts of a compose document <see cref="ComposeFile"/> exposes, the way compose's loader does.</summary>
internal sealed class ComposeFileReader
{
    private readonly IReadOnlyDictionary<string, string>? _environment;

    public ComposeFileReader(IReadOnlyDictionary<string, string>? environment)
    {
        _environment = environment;
    }

    public ComposeService ReadService(string name, YamlMapping body)
    {
        var volumes = new List<ComposeServiceVolume>();
        if (body.Get("volumes") is YamlSequence volumeList)
        {
            foreach (YamlNode item in volumeList.Items)
            {
                ComposeServiceVolume? volume = item switch
                {
                    YamlScalar { IsNull: false } shortSyntax => ReadShortSyntax(shortSyntax),
                    YamlMapping longSyntax => ReadLongSyntax(longSyntax),
                    _ => null,
                };
                if (volume is not null)
                {
                    volumes.Add(volume);
                }
            }
        }

        foreach (YamlScalar entry in Scalars(body.Get("tmpfs")))
        {
            if (ReadTmpfsEntry(entry) is ComposeServiceVolume tmpfs)
            {
                volumes.Add(tmpfs);
            }
        }

        return new ComposeService(
            name,
            Text(body.Get("image")),
            ReadBuild(body.Get("build")),
            volumes,
            ReadEnvironment(body.Get("environment")),
            ReadEnvironmentFiles(body.Get("env_file")),
            Text(body.Get("working_dir")),
            Text(body.Get("user")),
            body.Line);
    }

    public ComposeVolumeDefinition ReadVolumeDefinition(string key, YamlNode value)
    {
        string? name = null;
        bool external = false;
        if (value is YamlMapping body)
        {
            name = Text(body.Get("name"));
            YamlNode? externalNode = body.Get("external");
            external = externalNode is YamlScalar scalar ? scalar.IsTrue : externalNode is YamlMapping;
            if (externalNode is YamlMapping externalBody && name is null)
            {
                name = Text(externalBody.Get("name"));
            }
        }

        return new ComposeVolumeDefinition(key, name, external, value.Line);
    }

    public ComposeInclude? ReadInclude(YamlNode node)
    {
        if (node is YamlScalar { IsNull: false } path)
        {
            return new ComposeInclude(new[] { Interpolate(path.Value, out _) }, null, Array.Empty<string>(), node.Line);
        }

        if (node is not YamlMapping body)
        {
            return null;
        }

        var paths = new List<string>();
        foreach (YamlScalar item in Scalars(body.Get("path")))
        {
            paths.Add(Interpolate(item.Value, out _));
        }

        return new ComposeInclude(paths, Text(body.Get("project_directory")), ReadEnvironmentFiles(body.Get("env_file")), node.Line);
    }

    /// <summary><c>[source:]target[:mode]</c>, split on ':' except after a Windows drive letter (compose's loader).</summary>
    private ComposeServiceVolume? ReadShortSyntax(YamlScalar node)
    {
        string spec = Interpolate(node.Value, out bool known);
        if (spec.Length == 0)
        {
            return null;
        }

        var parts = new List<string>();
        if (spec.Length <= 2)
        {
            parts.Add(spec);
        }
        else
        {
            int start = 0;
            for (int i = 0; i < spec.Length; i++)
            {
                if (spec[i] == ':' && !IsComposeDriveColon(spec, start, i))
                {
                    parts.Add(spec.Substring(start, i - start));
                    start = i + 1;
                }
            }

            parts.Add(spec.Substring(start));
        }

        string? source = null;
        string? target;
        string mode = string.Empty;
        switch (parts.Count)
        {
            case 1:
                target = parts[0];
                break;
            case 2:
                source = parts[0];
                target = parts[1];
                break;
            case 3:
                source = parts[0];
                target = parts[1];
                mode = parts[2];
                break;
            default:
                return null; // too many colons: compose rejects the entry
        }

        if (target.Length == 0 || (source is not null && source.Length == 0))
        {
            return null;
        }

        bool readOnly = false;
        bool noCopy = false;
        SelinuxLabel label = SelinuxLabel.None;
        foreach (string option in mode.Split(','))
        {
            switch (option)
            {
                case "ro":
                    readOnly = true;
                    break;
                case "rw":
                    readOnly = false;
                    break;
                case "nocopy":
                    noCopy = true;
                    break;
                default:
                    label = SelinuxLabels.FromOption(option) ?? label;
                    break;
            }
        }

        string type = IsHostPath(source) ? MountKindWords.Bind : MountKindWords.Volume;
        return new ComposeServiceVolume(type, source, target, readOnly, true, label, noCopy, null, null, known, node.Line);
    }

    private ComposeServiceVolume? ReadLongSyntax(YamlMapping entry)
    {
        string? source = Text(entry.Get("source"), out bool knownSource);
        string? target = Text(entry.Get("target"), out bool knownTarget);
        if (string.IsNullOrEmpty(target))
        {
            return null; // compose rejects a mount without a target
        }

        string type = Text(entry.Get("type")) ?? MountKindWords.Volume;
        bool readOnly = entry.Get("read_only") is YamlScalar readOnlyNode && readOnlyNode.IsTrue;
        SelinuxLabel label = SelinuxLabel.None;
        if (entry.Get(MountKindWords.Bind) is YamlMapping bind && Text(bind.Get("selinux")) is string selinux)
        {
            label = SelinuxLabels.FromOption(selinux) ?? SelinuxLabel.None;
        }

        bool noCopy = entry.Get(MountKindWords.Volume) is YamlMapping volume && volume.Get("nocopy") is YamlScalar noCopyNode && noCopyNode.IsTrue;
        long? size = null;
        int? mode = null;
        if (entry.Get(MountKindWords.Tmpfs) is YamlMapping tmpfs)
        {
            size = TmpfsSize.Parse(Text(tmpfs.Get("size")));
            mode = ParseYamlMode(Text(tmpfs.Get("mode")));
        }

        return new ComposeServiceVolume(type, source, target, readOnly, false, label, noCopy, size, mode, knownSource && knownTarget, entry.Line);
    }

    /// <summary>A <c>tmpfs:</c> entry: <c>/path</c> or <c>/path:size=64m,mode=1777</c>.</summary>
    private ComposeServiceVolume? ReadTmpfsEntry(YamlScalar node)
    {
        string entry = Interpolate(node.Value, out bool known);
        int colon = entry.IndexOf(':');
        string target = (colon < 0 ? entry : entry.Substring(0, colon)).Trim();
        if (target.Length == 0)
        {
            return null; // compose rejects a tmpfs entry without a path
        }

        long? size = null;
        int? mode = null;
        if (colon >= 0)
        {
            foreach (string option in entry.Substring(colon + 1).Split(','))
            {
                int equals = option.IndexOf('=');
                string name = equals < 0 ? option : option.Substring(0, equals);
                string value = equals < 0 ? string.Empty : option.Substring(equals + 1);
                // The engine passes these options to the kernel's tmpfs: mode is octal, with or without a leading 0.
                if (name == "size")
                {
                    size = TmpfsSize.Parse(value);
                }
                else if (name == "mode")
                {
                    mode = OctalMode.Parse(value);
                }
            }
        }

        return new ComposeServiceVolume(MountKindWords.Tmpfs, null, target, false, true, SelinuxLabel.None, false, size, mode, known, node.Line);
    }

    private ComposeBuild? ReadBuild(YamlNode? node)
    {
        if (node is YamlScalar { IsNull: false } context)
        {
            return new ComposeBuild(Interpolate(context.Value, out _), null, null, null, Array.Empty<ComposeEnvironmentVariable>(), node.Line);
        }

        if (node is not YamlMapping body)
        {
            return null;
        }

        return new ComposeBuild(
            Text(body.Get("context")) ?? ".",
            Text(body.Get("dockerfile")),
            Text(body.Get("dockerfile_inline")),
            Text(body.Get("target")),
            ReadEnvironment(body.Get("args")),
            node.Line);
    }

    /// <summary><c>environment:</c> or <c>args:</c>: a map (<c>NAME: value</c>) or a list (<c>- NAME=value</c>, <c>- NAME</c>).</summary>
    private IReadOnlyList<ComposeEnvironmentVariable> ReadEnvironment(YamlNode? node)
    {
        var variables = new List<ComposeEnvironmentVariable>();
        if (node is YamlMapping map)
        {
            foreach (KeyValuePair<string, YamlNode> entry in map.Entries)
            {
                bool known = true;
                string? value = entry.Value is YamlScalar { IsNull: false } scalar ? Interpolate(scalar.Value, out known) : null;
                variables.Add(new ComposeEnvironmentVariable(entry.Key, value, known, entry.Value.Line));
            }
        }
        else if (node is YamlSequence list)
        {
            foreach (YamlNode item in list.Items)
            {
                if (item is not YamlScalar { IsNull: false } scalar)
                {
                    continue;
                }

                string text = Interpolate(scalar.Value, out bool known);
                int equals = text.IndexOf('=');
                variables.Add(equals < 0
                    ? new ComposeEnvironmentVariable(text, null, true, item.Line)
                    : new ComposeEnvironmentVariable(text.Substring(0, equals), text.Substring(equals + 1), known, item.Line));
            }
        }

        return variables;
    }

    private IReadOnlyList<string> ReadEnvironmentFiles(YamlNode? node)
    {
        var files = new List<string>();
        if (node is YamlSequence list)
        {
            foreach (YamlNode item in list.Items)
            {
                string? path = item is YamlMapping entry ? Text(entry.Get("path")) : Text(item);
                if (path is not null)
                {
                    files.Add(path);
                }
            }
        }
        else if (Text(node) is string single)
        {
            files.Add(single);
        }

        return files;
    }

    private string? Text(YamlNode? node) => Text(node, out _);

    private string? Text(YamlNode? node, out bool known)
    {
        known = true;
        return node is YamlScalar { IsNull: false } scalar ? Interpolate(scalar.Value, out known) : null;
    }

    private string Interpolate(string text, out bool known) => ComposeInterpolation.Interpolate(text, _environment, out known);

    private static IEnumerable<YamlScalar> Scalars(YamlNode? node)
    {
        if (node is YamlScalar { IsNull: false } single)
        {
            yield return single;
        }
        else if (node is YamlSequence list)
        {
            foreach (YamlNode item in list.Items)
            {
                if (item is YamlScalar { IsNull: false } scalar)
                {
                    yield return scalar;
                }
            }
        }
    }

    /// <summary>Compose's test for a bind source: a path starting with '.', '/' or '~', a Windows drive or UNC path.</summary>
    private static bool IsHostPath(string? source)
        => source is { Length: > 0 }
        && (source[0] is '.' or '/' or '~' || source.StartsWith("\\\\", StringComparison.Ordinal) || IsComposeDriveColon(source, 0, char.IsHighSurrogate(source[0]) ? 2 : 1));

    /// <summary>
    /// Compose's own drive-letter rule (compose-go's <c>isWindowsDrive</c>): the field from <paramref name="start"/> is one
    /// letter — any Unicode letter, not only A–Z — and <paramref name="colon"/> is the ':' after it; nothing needs to
    /// follow. Deliberately not <see cref="HostPath.IsWindowsDrivePath"/> (an ASCII letter, ':', then '\' or '/', as Go's
    /// filepath reads a Windows path): compose splits <c>C:data:/app</c> as source <c>C:data</c>, and so must we.
    /// </summary>
    private static bool IsComposeDriveColon(string text, int start, int colon)
        => colon < text.Length && text[colon] == ':'
        && (colon - start == 1 ? char.IsLetter(text[start]) : colon - start == 2 && char.IsSurrogatePair(text, start) && char.IsLetter(text, start));

    /// <summary>The long syntax's <c>tmpfs.mode</c>, a YAML integer as compose reads it: decimal (<c>493</c>), or octal with a leading 0 (<c>0755</c>).</summary>
    private static int? ParseYamlMode(string? text)
    {
        string value = (text ?? string.Empty).Trim();
        return value.Length > 1 && value[0] == '0' ? OctalMode.Parse(value)
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : null;
    }
}
