using System;
using System.Diagnostics;
using System.Globalization;

namespace VolumeGen.Docker;

/// <summary>
/// Which process created a helper container (<see cref="VolumeLabels.HelperProcess"/>: machine, process id, start
/// time), and whether that process is gone — then its helpers are left-overs of a killed run, safe to remove.
/// </summary>
internal static class HelperProcess
{
    private static readonly Lazy<string> Label = new(static () =>
    {
        using Process self = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{StartSeconds(self)}");
    });

    /// <summary>This process's label value.</summary>
    public static string Current => Label.Value;

    /// <summary>
    /// True only when <paramref name="label"/> names a process of this machine that no longer runs (its id is free or
    /// now another process's). A helper of another machine, or without the label, may still be in use: false.
    /// </summary>
    public static bool IsGone(string? label)
    {
        string[] parts = (label ?? string.Empty).Split('/');
        if (parts.Length != 3 || !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int id)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long started))
        {
            return false;
        }

        try
        {
            using Process process = Process.GetProcessById(id);
            // The id may have been reused by another process since: compare start times (to the second, as recorded).
            return Math.Abs(StartSeconds(process) - started) > 1;
        }
        catch (ArgumentException)
        {
            return true; // No process has this id.
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false; // Cannot tell: keep it.
        }
    }

    private static long StartSeconds(Process process) => new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeSeconds();
}
