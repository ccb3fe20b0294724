using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>
/// A Dockerfile as bytes and lines. Lines are split on <c>\n</c> only and remembered as byte ranges, so any
/// edit can splice bytes and leave every other byte — encoding, BOM, line endings — exactly as it was.
/// </summary>
internal sealed class DockerfileText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private DockerfileText(byte[] bytes, bool hasBom, IReadOnlyList<DockerfileLine> lines)
    {
        Bytes = bytes;
        HasBom = hasBom;
        Lines = lines;
    }

    /// <summary>The file's bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>True when the file starts with the UTF-8 byte order mark.</summary>
    public bool HasBom { get; }

    /// <summary>The physical lines.</summary>
    public IReadOnlyList<DockerfileLine> Lines { get; }

    /// <summary>Splits <paramref name="bytes"/> into lines.</summary>
    public static DockerfileText Parse(byte[] bytes)
    {
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var lines = new List<DockerfileLine>();
        int start = bom ? 3 : 0;
        while (start < bytes.Length)
        {
            int newline = Array.IndexOf(bytes, (byte)'\n', start);
            int end = newline < 0 ? bytes.Length : newline + 1;
            int contentEnd = newline < 0 ? bytes.Length : (newline > start && bytes[newline - 1] == (byte)'\r' ? newline - 1 : newline);
            lines.Add(new DockerfileLine(start, contentEnd, end, Utf8.GetString(bytes, start, contentEnd - start)));
            start = end;
        }

        return new DockerfileText(bytes, bom, lines);
    }

    /// <summary>The file's line ending: the terminator of the first terminated line, else <c>\n</c>.</summary>
    public string LineEnding
    {
        get
        {
            foreach (DockerfileLine line in Lines)
            {
                string terminator = line.Terminator(Bytes);
                if (terminator.Length > 0)
                {
                    return terminator;
                }
            }

            return "\n";
        }
    }

    /// <summary>The file's text (UTF-8, without the byte order mark), for the <see cref="ContainerFiles.Dockerfile"/> model.</summary>
    public string Text => Utf8.GetString(Bytes, HasBom ? 3 : 0, Bytes.Length - (HasBom ? 3 : 0));

    /// <summary>The escape character from the <c># escape=</c> parser directive (<c>\</c> when absent), as the model reads it.</summary>
    public char EscapeCharacter => ContainerFiles.Dockerfile.Parse(Text).EscapeCharacter;

    /// <summary>A copy of the file with bytes <paramref name="start"/>..<paramref name="end"/> replaced by <paramref name="text"/> in UTF-8.</summary>
    public byte[] Splice(int start, int end, string text)
    {
        byte[] middle = Utf8.GetBytes(text);
        byte[] result = new byte[start + middle.Length + (Bytes.Length - end)];
        Buffer.BlockCopy(Bytes, 0, result, 0, start);
        Buffer.BlockCopy(middle, 0, result, start, middle.Length);
        Buffer.BlockCopy(Bytes, end, result, start + middle.Length, Bytes.Length - end);
        return result;
    }
}
