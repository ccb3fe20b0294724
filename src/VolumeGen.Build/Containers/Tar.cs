using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace VolumeGen.Build.Containers;

/// <summary>
/// The little of the tar format an image archive needs (netstandard2.0 has no System.Formats.Tar): ustar members read
/// with their headers kept, so untouched members are written back byte for byte; new members written as ustar.
/// </summary>
internal static class Tar
{
    private const int Block = 512;

    /// <summary>The members of <paramref name="stream"/>, up to the end-of-archive blocks.</summary>
    /// <exception cref="InvalidDataException">The stream is not a tar archive VolumeGen can read.</exception>
    public static List<TarEntry> Read(Stream stream)
    {
        var entries = new List<TarEntry>();
        var header = new byte[Block];
        string? longName = null;
        var extensions = new MemoryStream();
        while (ReadFully(stream, header, Block))
        {
            if (IsZero(header))
            {
                break;
            }

            if (Encoding.ASCII.GetString(header, 257, 5) != "ustar")
            {
                throw new InvalidDataException("not a ustar archive member at entry " + entries.Count.ToString(CultureInfo.InvariantCulture));
            }

            long size = Octal(header, 124, 12);
            if (size > int.MaxValue)
            {
                throw new InvalidDataException("a member larger than 2 GiB");
            }

            var content = new byte[size];
            if (!ReadFully(stream, content, (int)size))
            {
                throw new InvalidDataException("the archive ends inside a member");
            }

            int padding = (int)((Block - (size % Block)) % Block);
            if (padding > 0 && !ReadFully(stream, new byte[padding], padding))
            {
                throw new InvalidDataException("the archive ends inside a member");
            }

            char type = (char)header[156];
            if (type is 'L' or 'x')
            {
                // An extended header describes the member after it (.NET's TarWriter writes a pax header before every
                // member): it travels with that member, or moving members would give it another member's name.
                longName = (type == 'L' ? Encoding.UTF8.GetString(content).TrimEnd('\0') : PaxPath(content)) ?? longName;
                extensions.Write(header, 0, Block);
                extensions.Write(content, 0, content.Length);
                extensions.Write(new byte[padding], 0, padding);
                continue;
            }

            string name = longName ?? Name(header);
            longName = null;
            entries.Add(new TarEntry(name, (byte[])header.Clone(), content, extensions.Length > 0 ? extensions.ToArray() : null));
            extensions.SetLength(0);
        }

        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> and the end-of-archive blocks.</summary>
    public static void Write(Stream stream, IEnumerable<TarEntry> entries)
    {
        foreach (TarEntry entry in entries)
        {
            if (entry.Extensions is byte[] extensions)
            {
                stream.Write(extensions, 0, extensions.Length);
            }

            stream.Write(entry.Header, 0, Block);
            stream.Write(entry.Content, 0, entry.Content.Length);
            int padding = (Block - (entry.Content.Length % Block)) % Block;
            stream.Write(new byte[padding], 0, padding);
        }

        stream.Write(new byte[Block * 2], 0, Block * 2);
    }

    /// <summary>A regular file member (mode 0644, root).</summary>
    public static TarEntry File(string name, byte[] content) => new(name, Header(name, '0', content.Length, Convert.ToInt32("644", 8), 0, 0), content);

    /// <summary>A directory member (mode 0755) owned by <paramref name="uid"/>:<paramref name="gid"/>.</summary>
    public static TarEntry Directory(string name, long uid, long gid) => new(name, Header(name.TrimEnd('/') + "/", '5', 0, Convert.ToInt32("755", 8), uid, gid), Array.Empty<byte>());

    private static byte[] Header(string name, char type, long size, int mode, long uid, long gid)
    {
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        if (nameBytes.Length > 100)
        {
            throw new ArgumentException($"The tar member name '{name}' is longer than 100 bytes.", nameof(name));
        }

        var header = new byte[Block];
        Buffer.BlockCopy(nameBytes, 0, header, 0, nameBytes.Length);
        PutOctal(header, 100, 8, mode);
        PutOctal(header, 108, 8, uid);
        PutOctal(header, 116, 8, gid);
        PutOctal(header, 124, 12, size);
        PutOctal(header, 136, 12, 0);
        header[156] = (byte)type;
        Encoding.ASCII.GetBytes("ustar\0").CopyTo(header, 257);
        Encoding.ASCII.GetBytes("00").CopyTo(header, 263);
        for (int i = 148; i < 156; i++)
        {
            header[i] = (byte)' ';
        }

        long sum = 0;
        foreach (byte b in header)
        {
            sum += b;
        }

        PutOctal(header, 148, 7, sum);
        header[155] = (byte)' ';
        return header;
    }

    private static void PutOctal(byte[] header, int offset, int length, long value)
    {
        string digits = Convert.ToString(value, 8).PadLeft(length - 1, '0');
        Encoding.ASCII.GetBytes(digits).CopyTo(header, offset);
        header[offset + length - 1] = 0;
    }

    /// <summary>The <c>path</c> record of a pax extended header (<c>"&lt;length&gt; path=&lt;value&gt;\n"</c> records), or null.</summary>
    private static string? PaxPath(byte[] content)
    {
        string text = Encoding.UTF8.GetString(content);
        int position = 0;
        while (position < text.Length)
        {
            int space = text.IndexOf(' ', position);
            int newline = text.IndexOf('\n', position);
            if (space < 0 || newline < 0 || space > newline)
            {
                return null;
            }

            string record = text.Substring(space + 1, newline - space - 1);
            if (record.StartsWith("path=", StringComparison.Ordinal))
            {
                return record.Substring("path=".Length);
            }

            position = newline + 1;
        }

        return null;
    }

    private static string Name(byte[] header)
    {
        string name = CString(header, 0, 100);
        string prefix = CString(header, 345, 155);
        return prefix.Length > 0 ? prefix + "/" + name : name;
    }

    private static string CString(byte[] bytes, int offset, int length)
    {
        int end = Array.IndexOf(bytes, (byte)0, offset, length);
        return Encoding.UTF8.GetString(bytes, offset, (end < 0 ? offset + length : end) - offset);
    }

    private static long Octal(byte[] header, int offset, int length)
    {
        string text = CString(header, offset, length).Trim(' ', '\0');
        if (text.Length == 0)
        {
            return 0;
        }

        long value = 0;
        foreach (char c in text)
        {
            if (c is < '0' or > '7')
            {
                throw new InvalidDataException("a member header has a size that is not octal");
            }

            value = (value * 8) + (c - '0');
        }

        return value;
    }

    private static bool IsZero(byte[] block)
    {
        foreach (byte b in block)
        {
            if (b != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ReadFully(Stream stream, byte[] buffer, int count)
    {
        int read = 0;
        while (read < count)
        {
            int n = stream.Read(buffer, read, count - read);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
