using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using VolumeGen.Docker;

namespace VolumeGen.Cli.Commands;

/// <summary>
/// Prints a long copy's progress on stderr (stdout keeps the results): a line when a step starts, then at most one
/// a second — never a flood, whatever the volume's size.
/// </summary>
internal sealed class ProgressPrinter : IProgress<VolumeTransferProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly TextWriter _error;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private string _current = string.Empty;
    private TimeSpan _last = TimeSpan.Zero;

    public ProgressPrinter(TextWriter error) => _error = error;

    public void Report(VolumeTransferProgress value)
    {
        lock (_gate)
        {
            string step = value.Step + " " + value.Volume;
            TimeSpan now = _clock.Elapsed;
            if (step == _current && now - _last < Interval)
            {
                return;
            }

            _current = step;
            _last = now;
            string paths = value.Entries > 0 ? string.Format(CultureInfo.InvariantCulture, ", {0:N0} paths", value.Entries) : string.Empty;
            _error.WriteLine($"  {step}: {Size(value.Bytes)}{paths}");
        }
    }

    /// <summary><c>512 bytes</c>, <c>1.5 MiB</c>, <c>2.25 GiB</c>.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
    };
}
