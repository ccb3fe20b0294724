using System.Globalization;

namespace VolumeGen;

/// <summary>
/// A tmpfs size as text: bytes, or a number with a unit <c>k</c>, <c>m</c>, <c>g</c>, <c>t</c> (powers of 1024, either
/// case, an optional trailing <c>b</c>: <c>64m</c>, <c>64MB</c>) — what the kernel's tmpfs <c>size=</c> (as the engine
/// passes <c>--tmpfs</c> options through) and compose's <c>tmpfs.size</c> accept. VolumeGen writes plain bytes.
/// </summary>
public static class TmpfsSize
{
    /// <summary>The size in bytes, or null when the text is not one (empty, a percentage, too large).</summary>
    public static long? Parse(string? text)
    {
        string value = (text ?? string.Empty).Trim().ToLowerInvariant();
        if (value.Length > 1 && value[value.Length - 1] == 'b' && !char.IsDigit(value[value.Length - 2]))
        {
            value = value.Substring(0, value.Length - 1);
        }

        long multiplier = 1;
        if (value.Length > 0)
        {
            int shift = value[value.Length - 1] switch { 'b' => 0, 'k' => 10, 'm' => 20, 'g' => 30, 't' => 40, _ => -1 };
            if (shift >= 0)
            {
                multiplier = 1L << shift;
                value = value.Substring(0, value.Length - 1);
            }
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number <= long.MaxValue / multiplier
            ? number * multiplier
            : null;
    }
}
