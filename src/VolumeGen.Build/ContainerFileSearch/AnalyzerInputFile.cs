using System;
using System.IO;
using System.Security;
using System.Text;
using VolumeGen.Artifacts;

namespace VolumeGen.Build.ContainerFileSearch;

/// <summary>
/// A file VolumeGen would hand the compiler as an AdditionalFile (a container or configuration file), checked first:
/// the compiler reads AdditionalFiles itself and fails the build on one it cannot read (CS2001, CS1504) or that is not
/// text (CS2015), and hangs on a FIFO. So only a regular file (links followed) that reads as text is handed over;
/// anything else gets a <see cref="Problem"/> in words, which the build reports once (VG3020) instead.
/// </summary>
internal sealed class AnalyzerInputFile
{
    private AnalyzerInputFile(string path, string? text, string? problem)
    {
        Path = path;
        Text = text;
        Problem = problem;
    }

    /// <summary>The full path.</summary>
    public string Path { get; }

    /// <summary>The text, or null when the file is not handed over.</summary>
    public string? Text { get; }

    /// <summary>Why the file is not handed over ("it is not a regular file …"), or null when it is.</summary>
    public string? Problem { get; }

    /// <summary>Checks and reads <paramref name="path"/>; <paramref name="maxBytes"/> bounds what the search reads (null: any size).</summary>
    public static AnalyzerInputFile Read(string path, long? maxBytes = null)
    {
        switch (FileIdentity.KindOf(path))
        {
            case FileKind.Missing:
                return new AnalyzerInputFile(path, null, "it does not exist");
            case FileKind.Folder:
                return new AnalyzerInputFile(path, null, "it is a folder");
            case FileKind.Other:
                return new AnalyzerInputFile(path, null, "it is not a regular file (a FIFO, socket or device; reading it could block the build)");
            case FileKind.Unresolvable:
                return new AnalyzerInputFile(path, null, "it is a symbolic link that leads nowhere (its target is missing, or the links form a loop)");
        }

        byte[] bytes;
        try
        {
            if (maxBytes is long max && new FileInfo(path).Length > max)
            {
                return new AnalyzerInputFile(path, null, $"it is larger than {max / 1024} KiB, which no Dockerfile or compose file is");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SecurityException or NotSupportedException or ArgumentException)
        {
            return new AnalyzerInputFile(path, null, "it cannot be read (" + exception.Message + ")");
        }

        string? text = Decode(bytes);
        return text is null
            ? new AnalyzerInputFile(path, null, "it is not text (it holds NUL bytes, as an encrypted or binary file does: a git-crypt file without the key, for one)")
            : new AnalyzerInputFile(path, text, null);
    }

    /// <summary>The text of <paramref name="bytes"/> by its byte order mark (UTF-8 without one), or null when it holds a NUL character.</summary>
    private static string? Decode(byte[] bytes)
    {
        Encoding encoding = new UTF8Encoding(false);
        int skip = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            skip = 3;
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encoding = Encoding.Unicode;
            skip = 2;
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encoding = Encoding.BigEndianUnicode;
            skip = 2;
        }

        // Text files hold no NUL; the compiler refuses a file with two in a row (CS2015). One is enough to tell.
        string text = encoding.GetString(bytes, skip, bytes.Length - skip);
        return text.IndexOf('\0') >= 0 ? null : text;
    }
}
