using System;
using System.IO;
using Docker.DotNet;

namespace VolumeGen.Docker;

/// <summary>Recognises a full disk: this machine's (ENOSPC, ERROR_DISK_FULL) or the engine's ("no space left on device").</summary>
internal static class DiskSpace
{
    public static bool IsFull(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is IOException io && ((io.HResult & 0xFFFF) is 28 or 39 or 112 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            if (current is DockerApiException api && ((api.ResponseBody ?? string.Empty).Contains("no space left on device", StringComparison.OrdinalIgnoreCase)
                || api.Message.Contains("no space left on device", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
