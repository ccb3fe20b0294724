using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace VolumeGen.Artifacts;

/// <summary>
/// The identity of a file on disk, read without loading anything beyond the runtime: the final target of a
/// symbolic link (so a rewrite goes through the link, not over it), and on Linux the mode, owner, group and hard
/// links (<c>statx</c>, whose layout is the same on every architecture) so a rename can keep them, or a caller
/// can tell that only an in-place write can.
/// </summary>
internal static class FileIdentity
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    // FileSystemInfo.ResolveLinkTarget exists from .NET 6; the task is netstandard2.0, so look it up once.
    private static readonly MethodInfo? ResolveLinkTargetMethod = typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) });

    /// <summary>True on Windows, where the rename keeps the file's attributes and access rules.</summary>
    public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>
    /// The path a write to <paramref name="fullPath"/> must change: the final target when it is a symbolic link
    /// (through every link in a chain), else the path itself.
    /// </summary>
    /// <exception cref="IOException">A link loop, or a link that cannot be resolved on this runtime.</exception>
    public static string FinalPath(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (!IsLink(info))
        {
            return fullPath;
        }

        if (ResolveLinkTarget(info) is not FileSystemInfo target)
        {
            throw new IOException($"'{fullPath}' is a symbolic link this runtime cannot follow; VolumeGen will not replace the link with a copy. Point the property at the link's target instead.");
        }

        return target.FullName;
    }

    /// <summary>The file's status on Linux, or null where it cannot be read (other systems, an old C library).</summary>
    public static FileStatus? TryStat(string path)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return null;
        }

        try
        {
            byte[] buffer = new byte[256];
            if (statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
            {
                return null;
            }

            // struct statx: stx_nlink at 16, stx_uid at 20, stx_gid at 24, stx_mode (16 bits) at 28.
            return new FileStatus(
                Mode: BitConverter.ToUInt16(buffer, 28) & 0xFFFu,
                Owner: BitConverter.ToUInt32(buffer, 20),
                Group: BitConverter.ToUInt32(buffer, 24),
                Links: BitConverter.ToUInt32(buffer, 16));
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// What <paramref name="path"/> is, symbolic links followed. On Linux from <c>statx</c> (a FIFO, socket or device is
    /// <see cref="FileKind.Other"/>, never opened); elsewhere from what .NET tells (a FIFO there looks like a file).
    /// </summary>
    public static FileKind KindOf(string path)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            try
            {
                byte[] buffer = new byte[256];
                if (statx(AtFdCwd, path, 0, StatxBasicStats, buffer) == 0)
                {
                    // stx_mode at 28: the file type is its top four bits.
                    return (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
                    {
                        0x8000 => FileKind.File,
                        0x4000 => FileKind.Folder,
                        _ => FileKind.Other,
                    };
                }

                int error = Marshal.GetLastWin32Error();
                const int NoSuchFile = 2, NotAFolder = 20, TooManyLinks = 40;
                if (error == TooManyLinks)
                {
                    return FileKind.Unresolvable;
                }

                if (error is NoSuchFile or NotAFolder)
                {
                    return IsLink(new FileInfo(path)) ? FileKind.Unresolvable : FileKind.Missing;
                }
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                // An old C library: what .NET tells, below.
            }
        }

        if (Directory.Exists(path))
        {
            return FileKind.Folder;
        }

        var info = new FileInfo(path);
        if (IsLink(info) && ResolveLinkTargetMethod is not null)
        {
            try
            {
                return ResolveLinkTarget(info) is FileSystemInfo { Exists: true } target ? (target is DirectoryInfo ? FileKind.Folder : FileKind.File) : FileKind.Unresolvable;
            }
            catch (IOException)
            {
                return FileKind.Unresolvable;
            }
        }

        return info.Exists ? FileKind.File : FileKind.Missing;
    }

    /// <summary>Gives <paramref name="path"/> the permission bits of <paramref name="status"/>; false when that failed.</summary>
    public static bool TrySetMode(string path, FileStatus status)
    {
        try
        {
            return chmod(path, status.Mode) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Gives <paramref name="path"/> the owner and group of <paramref name="status"/>; false when not permitted.</summary>
    public static bool TrySetOwner(string path, FileStatus status)
    {
        try
        {
            return chown(path, status.Owner, status.Group) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static bool IsLink(FileInfo info) => (info.Attributes & FileAttributes.ReparsePoint) != 0 && (int)info.Attributes != -1;

    private static FileSystemInfo? ResolveLinkTarget(FileInfo info)
    {
        if (ResolveLinkTargetMethod is null)
        {
            return null;
        }

        try
        {
            return ResolveLinkTargetMethod.Invoke(info, new object[] { true }) as FileSystemInfo;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is IOException io)
        {
            throw new IOException($"'{info.FullName}' is a symbolic link that cannot be followed ({io.Message}).", io);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int directory, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int chmod(string path, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int chown(string path, uint owner, uint group);
}
