using System;
using System.Text;

namespace VolumeGen.SourceGenerators.Usage.PathEvaluation;

/// <summary>
/// A container path as the code builds it, before the container's facts are known. Well-known roots are kept
/// symbolic (a marker character at the start) and replaced by <see cref="Resolve"/>:
/// the working directory (<c>AppContext.BaseDirectory</c>, <c>Directory.GetCurrentDirectory()</c>, …),
/// the temp folder (<c>Path.GetTempPath()</c>) and the container user's home (<c>Environment.GetFolderPath</c>).
/// A part known only at run time (a file name, a <c>Guid</c>, a parameter) is kept as a hole (<see cref="Unknown"/>):
/// <c>/app/exports/</c> followed by the hole of <c>name</c> is a file in <c>/app/exports</c> (<see cref="PartlyKnownPath"/>).
/// </summary>
internal static class PathValue
{
    /// <summary>Marks the working directory.</summary>
    public const char WorkingDirectory = '\u0001';

    /// <summary>Marks the temp folder (always ephemeral).</summary>
    public const char Temp = '\u0002';

    /// <summary>Marks the container user's home.</summary>
    public const char Home = '\u0003';

    /// <summary>Starts a part known only at run time; its description (the C# that gives it) follows, escaped.</summary>
    public const char UnknownStart = '\u0004';

    /// <summary>Ends a part known only at run time.</summary>
    public const char UnknownEnd = '\u0005';

    // Inside a hole the characters that mean something to paths and connection strings are moved to the private use
    // area, so '/', ';', '=' or a quote in the C# that gives the value never splits a segment or an option.
    private const char EscapeBase = '\uE000';

    /// <summary>The symbolic working directory as text.</summary>
    public static string WorkingDirectoryRoot { get; } = WorkingDirectory.ToString();

    /// <summary>The symbolic temp folder as text (<c>Path.GetTempPath()</c> ends with a separator).</summary>
    public static string TempRoot { get; } = Temp + "/";

    /// <summary>The symbolic home as text.</summary>
    public static string HomeRoot { get; } = Home.ToString();

    /// <summary>True when <paramref name="path"/> is rooted: absolute, or starting at a symbolic root.</summary>
    public static bool IsRooted(string path) => path.Length > 0 && (path[0] == '/' || IsMarker(path[0]));

    /// <summary>True for a path under <c>Path.GetTempPath()</c>.</summary>
    public static bool IsTemp(string path) => path.Length > 0 && path[0] == Temp;

    /// <summary>A part known only at run time, described by <paramref name="description"/> (shown as <c>{description}</c>).</summary>
    public static string Unknown(string description)
    {
        var text = new StringBuilder(description.Length + 2).Append(UnknownStart);
        foreach (char c in description)
        {
            text.Append(NeedsEscape(c) ? (char)(EscapeBase + c) : c);
        }

        return text.Append(UnknownEnd).ToString();
    }

    /// <summary>True when some part of <paramref name="path"/> is known only at run time.</summary>
    public static bool HasUnknown(string path) => path.IndexOf(UnknownStart) >= 0;

    /// <summary>True when <paramref name="path"/> starts with a part known only at run time: nothing about it is known.</summary>
    public static bool StartsUnknown(string path) => path.Length > 0 && path[0] == UnknownStart;

    /// <summary>
    /// The index of the last <c>/</c> of <paramref name="path"/>, or -1; holes never hold one (their text is escaped).
    /// <paramref name="afterIsKnown"/>: no hole follows it, so the name after it is known.
    /// </summary>
    public static int LastSeparator(string path, out bool afterIsKnown)
    {
        int slash = path.LastIndexOf('/');
        afterIsKnown = path.IndexOf(UnknownStart, slash + 1) < 0;
        return slash;
    }

    /// <summary>POSIX <c>Path.Combine</c>: a rooted right-hand part replaces the left.</summary>
    public static string Combine(string left, string right) => ContainerPath.Combine(left, right, IsRooted(right));

    /// <summary>POSIX <c>Path.Join</c>: concatenates with one separator, never resets at a rooted part.</summary>
    public static string Join(string left, string right)
    {
        if (left.Length == 0)
        {
            return right;
        }

        if (right.Length == 0)
        {
            return left;
        }

        return left[left.Length - 1] == '/' || right[0] == '/' ? left + right : left + "/" + right;
    }

    /// <summary>
    /// The absolute container path of <paramref name="path"/>, or null when it cannot be known (a marker in
    /// the middle, an unknown home, a control character).
    /// </summary>
    public static string? Resolve(string path, string workingDirectory, string? homeDirectory)
    {
        if (path.Length == 0)
        {
            return null;
        }

        string rest = path;
        string root = workingDirectory;
        if (IsMarker(path[0]))
        {
            rest = path.Substring(1);
            switch (path[0])
            {
                case Temp:
                    root = "/tmp";
                    break;
                case Home:
                    if (homeDirectory is null)
                    {
                        return null;
                    }

                    root = homeDirectory;
                    break;
            }

            rest = rest.TrimStart('/');
        }

        foreach (char c in rest)
        {
            if (IsMarker(c) || c is UnknownStart or UnknownEnd || c == '\0' || c == '\n' || c == '\r')
            {
                return null;
            }
        }

        return ContainerPath.Resolve(root, rest.Length == 0 ? "." : rest);
    }

    /// <summary>The path for a message: markers shown as the API that produced them, holes as <c>{description}</c>.</summary>
    public static string Display(string path)
    {
        if (path.Length == 0 || !IsMarker(path[0]))
        {
            return DisplayHoles(path);
        }

        var text = new StringBuilder();
        text.Append(path[0] switch
        {
            WorkingDirectory => "<working directory>",
            Temp => "<temp>",
            _ => "~",
        });
        string rest = path.Substring(1);
        if (rest.Length > 0 && rest[0] != '/')
        {
            text.Append('/');
        }

        return text.Append(DisplayHoles(rest)).ToString();
    }

    /// <summary>Holes shown as <c>{description}</c>, their escaped characters restored.</summary>
    public static string DisplayHoles(string path)
    {
        if (!HasUnknown(path))
        {
            return path;
        }

        var text = new StringBuilder(path.Length);
        bool inHole = false;
        foreach (char c in path)
        {
            switch (c)
            {
                case UnknownStart:
                    inHole = true;
                    text.Append('{');
                    break;
                case UnknownEnd:
                    inHole = false;
                    text.Append('}');
                    break;
                default:
                    text.Append(inHole && c >= EscapeBase && c < EscapeBase + 128 && NeedsEscape((char)(c - EscapeBase)) ? (char)(c - EscapeBase) : c);
                    break;
            }
        }

        return text.ToString();
    }

    private static bool NeedsEscape(char c) => c < ' ' || c is '/' or '\\' or ';' or '=' or '"' or '\'' or '.';

    private static bool IsMarker(char c) => c is WorkingDirectory or Temp or Home;
}
