namespace VolumeGen;

/// <summary>Facts about host paths (bind sources), which may be Windows paths when the build machine runs Windows.</summary>
public static class HostPath
{
    /// <summary>True for a Windows drive path: an ASCII letter, <c>:</c>, then <c>\</c> or <c>/</c> (<c>C:\data</c>, <c>d:/x</c>).</summary>
    public static bool IsWindowsDrivePath(string? path)
        => path is { Length: >= 3 } && path[0] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') && path[1] == ':' && path[2] is '\\' or '/';
}
