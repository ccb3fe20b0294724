using System;

namespace VolumeGen;

/// <summary>
/// A permission mode as text: written as four octal digits (<c>0700</c>, <c>1777</c>), the form <c>chmod</c> and Docker's
/// documentation use, and one every consumer of VolumeGen's output accepts (Docker's <c>tmpfs-mode=</c> and
/// <c>--tmpfs …:mode=</c>, the kernel's tmpfs <c>mode=</c>, compose's service-level <c>tmpfs:</c> entry); read as octal
/// digits, as the engine and the kernel read a tmpfs option.
/// </summary>
public static class OctalMode
{
    /// <summary>The mode as four octal digits, e.g. 448 → <c>0700</c>, 1023 → <c>1777</c>.</summary>
    public static string Format(int mode) => Convert.ToString(mode, 8).PadLeft(4, '0');

    /// <summary>The mode written as octal digits (<c>700</c>, <c>0700</c>, <c>1777</c>), or null when the text is not one (empty, another character, too long).</summary>
    public static int? Parse(string? text)
    {
        string value = (text ?? string.Empty).Trim();
        if (value.Length == 0 || value.Length > 10)
        {
            return null;
        }

        long mode = 0;
        foreach (char c in value)
        {
            if (c is < '0' or > '7')
            {
                return null;
            }

            mode = (mode * 8) + (c - '0');
        }

        return mode <= int.MaxValue ? (int)mode : null;
    }
}
