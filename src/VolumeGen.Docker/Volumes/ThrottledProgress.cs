using System;

namespace VolumeGen.Docker;

/// <summary>Reports a step's progress at most once per MiB (and always at the end), so a long copy does not flood the caller.</summary>
internal sealed class ThrottledProgress
{
    private const long Step = 1024 * 1024;
    private readonly IProgress<VolumeTransferProgress>? _progress;
    private readonly string _volume;
    private readonly string _step;
    private long _reported = -Step;

    public ThrottledProgress(IProgress<VolumeTransferProgress>? progress, string volume, string step)
    {
        _progress = progress;
        _volume = volume;
        _step = step;
    }

    public void Report(long bytes, long entries = 0)
    {
        if (_progress is not null && bytes - _reported >= Step)
        {
            _reported = bytes;
            _progress.Report(new VolumeTransferProgress(_volume, _step, bytes, entries));
        }
    }

    public void Done(long bytes, long entries = 0) => _progress?.Report(new VolumeTransferProgress(_volume, _step, bytes, entries));
}
