using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen;

/// <summary>
/// Parses <c>/proc/self/mountinfo</c> (proc(5)): <c>id parent major:minor root mount-point options [optional…] - type source super-options</c>.
/// Paths are octal-escaped by the kernel (<c>\040</c> space, <c>\011</c> tab, <c>\012</c> newline, <c>\134</c> backslash).
/// </summary>
public static class MountInfo
{
    /// <summary>Every well-formed line of <paramref name="text"/>; malformed lines are skipped.</summary>
    public static IReadOnlyList<MountInfoEntry> Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var entries = new List<MountInfoEntry>();
        foreach (string line in text.Split('\n'))
        {
            string[] fields = line.TrimEnd('\r').Split(' ');
            int separator = fields.Length < 10 ? -1 : Array.IndexOf(fields, "-", 6);
            if (separator < 0 || separator + 2 >= fields.Length)
            {
                continue;
            }

            entries.Add(new MountInfoEntry(
                Unescape(fields[3]),
                Unescape(fields[4]),
                fields[5].Split(','),
                fields[separator + 1],
                Unescape(fields[separator + 2])));
        }

        return entries;
    }

    /// <summary>Undoes the kernel's octal escapes (<c>\ooo</c>), decoding the bytes as UTF-8.</summary>
    public static string Unescape(string field)
    {
        if (field is null)
        {
            throw new ArgumentNullException(nameof(field));
        }

        if (field.IndexOf('\\') < 0)
        {
            return field;
        }

        var bytes = new List<byte>(field.Length);
        int start = 0;
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(field.Substring(start, i - start)));
                bytes.Add((byte)(((field[i + 1] - '0') << 6) | ((field[i + 2] - '0') << 3) | (field[i + 3] - '0')));
                i += 3;
                start = i + 1;
            }
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(field.Substring(start)));
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
