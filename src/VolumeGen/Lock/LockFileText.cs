using System;
using System.Text;

namespace VolumeGen;

/// <summary>
/// The bytes of an existing lock file and the conventions they follow — a UTF-8 BOM, CRLF line endings (a Windows
/// checkout with <c>core.autocrlf</c>) — so a rewrite, by the build or by <c>volumegen lock --accept</c>, keeps them
/// and a diff shows only the entries that changed.
/// </summary>
public sealed class LockFileText
{
    private LockFileText(string text, bool byteOrderMark)
    {
        Text = text;
        ByteOrderMark = byteOrderMark;
    }

    /// <summary>The file's text, without a BOM.</summary>
    public string Text { get; }

    /// <summary>True when the file starts with a UTF-8 byte order mark.</summary>
    public bool ByteOrderMark { get; }

    /// <summary>True when the file's lines end with CRLF.</summary>
    public bool Crlf => Text.Contains("\r\n");

    /// <summary>A new file: no BOM, LF.</summary>
    public static LockFileText None { get; } = new(string.Empty, byteOrderMark: false);

    /// <summary>Reads a lock file's bytes (UTF-8, with or without a BOM).</summary>
    public static LockFileText FromBytes(byte[] bytes)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        string text = new UTF8Encoding(false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        return new LockFileText(text, bom);
    }

    /// <summary><paramref name="json"/> (LF, from <see cref="StorageLock.ToJson"/>) in this file's conventions.</summary>
    public byte[] Encode(string json)
    {
        string text = Crlf ? json.Replace("\n", "\r\n") : json;
        byte[] body = new UTF8Encoding(false).GetBytes(text);
        if (!ByteOrderMark)
        {
            return body;
        }

        byte[] withBom = new byte[body.Length + 3];
        withBom[0] = 0xEF;
        withBom[1] = 0xBB;
        withBom[2] = 0xBF;
        Array.Copy(body, 0, withBom, 3, body.Length);
        return withBom;
    }

    /// <summary>The 1-based line holding <paramref name="volume"/>'s entry as VolumeGen writes it; 0 when the file was formatted otherwise.</summary>
    public int LineOf(LockedVolume volume)
    {
        int index = Text.IndexOf(StorageLock.EntryJson(volume), StringComparison.Ordinal);
        if (index < 0)
        {
            return 0;
        }

        int line = 1;
        for (int i = 0; i < index; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
