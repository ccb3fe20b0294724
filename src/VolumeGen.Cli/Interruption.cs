using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;

namespace VolumeGen.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM while a command runs: the first cancels the command, which then removes its helper
/// containers and says what it left (no time limit cuts that short); a second ends the process at once, as usual.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private readonly CancellationTokenSource _cancellation;
    private readonly IDisposable?[] _registrations;
    private int _signal;

    public Interruption(CancellationToken outer)
    {
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = new[] { Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM) };
    }

    /// <summary>Cancelled by the first signal (or the caller's token).</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>True once a signal arrived.</summary>
    public bool Happened => Volatile.Read(ref _signal) != 0;

    /// <summary>The exit code of a process ended by the signal: 130 for SIGINT, 143 for SIGTERM.</summary>
    public int ExitCode => 128 + Volatile.Read(ref _signal);

    public void Dispose()
    {
        foreach (IDisposable? registration in _registrations)
        {
            registration?.Dispose();
        }

        _cancellation.Dispose();
    }

    private IDisposable? Register(PosixSignal signal)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, OnSignal);
        }
        catch (Exception exception) when (exception is PlatformNotSupportedException or IOException)
        {
            return null;
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        int number = context.Signal == PosixSignal.SIGINT ? SigInt : SigTerm;
        if (Interlocked.CompareExchange(ref _signal, number, 0) != 0)
        {
            return; // The second: the process ends as it would without VolumeGen's handler.
        }

        context.Cancel = true;
        _cancellation.Cancel();
    }
}
