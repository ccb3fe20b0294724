using System.Globalization;
using System.Text;

namespace VolumeGen;

/// <summary>
/// YAML scalars for the compose and Kubernetes writers. Every string is double-quoted, so no value can turn
/// into a number, a boolean, a comment, an anchor or a new key, whatever characters it holds.
/// </summary>
internal static class YamlText
{
    /// <summary>
    /// <paramref name="value"/> as a YAML double-quoted scalar: <c>\</c> and <c>"</c> escaped, every character
    /// outside YAML's printable set — and the line breaks YAML 1.1 parsers honour (NEL, LS, PS), and the BOM —
    /// written as an escape, so the scalar always stays on one line.
    /// </summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\0': quoted.Append("\\0"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        // A well-formed pair is a printable character beyond the BMP; keep it as UTF-8.
                        quoted.Append(c).Append(value[++i]);
                    }
                    else if (IsPrintable(c))
                    {
                        quoted.Append(c);
                    }
                    else
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Text safe inside a YAML comment: the value double-quoted, so a line break cannot end the comment.</summary>
    public static string ForComment(string value) => Quote(value);

    // YAML's c-printable minus the characters some parsers read as line breaks (U+0085, U+2028, U+2029) and the BOM.
    private static bool IsPrintable(char c)
        => c is (>= ' ' and <= '~')
            or (>= '\u00A0' and <= '\u2027')
            or (>= '\u202A' and <= '\uD7FF')
            or (>= '\uE000' and <= '\uFEFE')
            or (>= '\uFF00' and <= '\uFFFD');
}
