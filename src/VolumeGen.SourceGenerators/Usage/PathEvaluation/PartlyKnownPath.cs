namespace VolumeGen.SourceGenerators.Usage.PathEvaluation;

/// <summary>
/// A written path whose folder is known and whose rest is known only at run time (<c>Path.Combine("/app/exports", name)</c>,
/// <c>$"{dir}/{Guid.NewGuid()}.png"</c>): judged by that folder. The unknown rest is taken to be a relative name —
/// an absolute or <c>..</c> name from user input would be path traversal, a bug of its own.
/// </summary>
internal sealed class PartlyKnownPath
{
    private PartlyKnownPath(string folder, string rest)
    {
        Folder = folder;
        Rest = rest;
    }

    /// <summary>The known folder, normalised and absolute: the data lands in it or below it.</summary>
    public string Folder { get; }

    /// <summary>What follows the folder, for messages: <c>{file.FileName}</c>, <c>{id:D4}.txt</c>.</summary>
    public string Rest { get; }

    /// <summary>The container path for messages: <c>/app/exports/{name}</c>.</summary>
    public string Display => Folder == "/" ? "/" + Rest : Folder + "/" + Rest;

    /// <summary>
    /// The known folder of <paramref name="path"/> (a <see cref="PathValue"/> with a hole), or null when it tells nothing
    /// a user chose: nothing before the first hole, only a symbolic root (the working directory, the home) before it,
    /// a folder that is the working directory or above it (the rest may be any of the app's folders), a <c>..</c> or a
    /// symbolic root after the hole, or a folder that cannot be resolved.
    /// </summary>
    public static PartlyKnownPath? Resolve(string path, string workingDirectory, string? homeDirectory)
    {
        int hole = path.IndexOf(PathValue.UnknownStart);
        if (hole <= 0)
        {
            return null;
        }

        // The folder ends at the last separator before the hole: "/app/exp" + name may be "/app/exports/...".
        int slash = path.LastIndexOf('/', hole - 1);
        string folder = slash < 0 ? string.Empty : slash == 0 ? "/" : path.Substring(0, slash);
        string rest = path.Substring(slash + 1);
        if (folder.Length == 0 || (folder.Length == 1 && PathValue.IsRooted(folder) && folder[0] != '/'))
        {
            return null;
        }

        foreach (string segment in rest.Split('/'))
        {
            if (segment == "..")
            {
                return null;
            }
        }

        foreach (char c in rest)
        {
            if (c is PathValue.WorkingDirectory or PathValue.Temp or PathValue.Home)
            {
                return null;
            }
        }

        if (PathValue.Resolve(folder, workingDirectory, homeDirectory) is not string resolved || ContainerPath.IsUnder(workingDirectory, resolved))
        {
            return null;
        }

        return new PartlyKnownPath(resolved, PathValue.DisplayHoles(rest));
    }
}
