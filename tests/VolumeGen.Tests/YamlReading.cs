using System;
using System.IO;
using System.Linq;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace VolumeGen.Tests;

/// <summary>Reads the formatters' YAML with a real parser (YamlDotNet) and undoes compose interpolation.</summary>
internal static class YamlReading
{
    public static YamlDocument[] Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.ToArray();
    }

    public static YamlMappingNode Root(string yaml) => (YamlMappingNode)Documents(yaml).Single().RootNode;

    public static YamlNode At(this YamlNode node, params object[] path)
    {
        foreach (object step in path)
        {
            node = step switch
            {
                string key => ((YamlMappingNode)node).Children[new YamlScalarNode(key)],
                int index => ((YamlSequenceNode)node).Children[index],
                _ => throw new ArgumentException("A path step is a key or an index.", nameof(path)),
            };
        }

        return node;
    }

    public static bool Has(this YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    public static string Text(this YamlNode node) => ((YamlScalarNode)node).Value ?? throw new InvalidOperationException("null scalar");

    /// <summary>
    /// What compose makes of a value after interpolation: <c>$$</c> is a literal <c>$</c>; any other <c>$</c>
    /// would start a variable, which generated text must never contain.
    /// </summary>
    public static string ComposeInterpolated(string value)
    {
        var result = new StringBuilder();
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] != '$')
            {
                result.Append(value[i]);
                continue;
            }

            if (i + 1 < value.Length && value[i + 1] == '$')
            {
                result.Append('$');
                i++;
                continue;
            }

            throw new InvalidOperationException($"Unescaped '$' at {i} in {value}: compose would interpolate it.");
        }

        return result.ToString();
    }
}
