using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>
/// <c>volumegen migrate</c> run as the user runs it — a process of its own — and stopped in the middle of the copy by
/// Ctrl+C (SIGINT), a service stop (SIGTERM) or a crash (SIGKILL): no helper container is left behind (a crashed run's
/// are removed by the next one), and the advice the next run prints works exactly as written (issue 23, item 6).
/// </summary>
[Collection(EngineVolumesCollection.Name)]
public sealed class InterruptedMigrationTests : IDisposable
{
    private const string BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0";
    private readonly List<string> _volumes = new();

    public void Dispose()
    {
        if (DockerEngine.Unavailable is null)
        {
            // Helpers a killed run of this test's own volumegen process left (when the test failed before the next run removed them).
            foreach (string volume in _volumes)
            {
                foreach (string helper in Helpers(volume).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    DockerEngine.RemoveContainers(helper);
                }
            }

            _volumes.ForEach(v => DockerEngine.RemoveVolume(v, force: true));
        }
    }

    [SkippableTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task A_migrate_stopped_mid_copy_leaves_no_helper_and_the_next_runs_advice_works_as_written(string signal)
    {
        DockerEngine.SkipUnlessAvailable();
        string from = Volume("vg-interrupt-old");
        string to = Volume("vg-interrupt-new");
        DockerEngine.Docker("volume", "create", from).EnsureSuccess();
        DockerEngine.Docker("run", "--rm", "--network", "none", "-v", from + ":/d", BaseImage, "sh", "-c",
            "for i in $(seq 1 16); do head -c 64000000 /dev/zero > /d/part$i.bin; done && echo small > /d/notes.txt").EnsureSuccess();

        (int exit, string error) = await RunUntilSignalledAsync(signal, "migrate", "--from", from, "--to", to, "--image", BaseImage);

        if (signal == "KILL")
        {
            Assert.Equal(137, exit);
        }
        else
        {
            Assert.Equal(string.Empty, Helpers(from) + Helpers(to));
            Assert.True(exit == (signal == "INT" ? 130 : 143), $"exit {exit}: {error}");
            Assert.Contains("interrupted", error);
            Assert.Contains($"'{from}' is untouched", error);
        }

        CliResult again = await CliRunner.RunAsync("migrate", "--from", from, "--to", to, "--image", BaseImage);

        Assert.True(again.ExitCode == 2, $"exit {again.ExitCode}: {again.Output}{again.Error}");
        Assert.Equal(string.Empty, Helpers(from) + Helpers(to));
        if (signal == "KILL")
        {
            Assert.Contains("left by an interrupted volumegen run", again.Error);
        }

        Match advice = Regex.Match(again.Error, @"\((docker [^)]*)\)");
        Assert.True(advice.Success, again.Error);
        Assert.Equal($"docker volume rm {to}", advice.Groups[1].Value);
        ProcessResult followed = DockerEngine.Run("sh", new[] { "-c", advice.Groups[1].Value }, workingDirectory: null);
        Assert.True(followed.ExitCode == 0, followed.Output + followed.Error);

        CliResult migrated = await CliRunner.RunAsync("migrate", "--from", from, "--to", to, "--image", BaseImage);
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        Assert.Contains("copied   17 files", migrated.Output);
        Assert.Equal(string.Empty, Helpers(from) + Helpers(to));
    }

    /// <summary>Runs the CLI as a process; sends <paramref name="signal"/> at its second report of copying (a second into the copy); returns its exit code and stderr.</summary>
    private static async Task<(int Exit, string Error)> RunUntilSignalledAsync(string signal, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VolumeGen.Cli.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        var error = new StringBuilder();
        var copying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int reports = 0;
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (error)
            {
                error.AppendLine(line.Data);
            }

            if (line.Data.Contains("copying", StringComparison.Ordinal) && Interlocked.Increment(ref reports) == 2)
            {
                copying.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task exited = process.WaitForExitAsync();
        Assert.True(await Task.WhenAny(copying.Task, exited, Task.Delay(TimeSpan.FromMinutes(2))) == copying.Task, "the copy never started: " + error);

        DockerEngine.Run("kill", new[] { "-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, workingDirectory: null).EnsureSuccess();
        Assert.True(await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(1))) == exited, "volumegen did not stop after SIG" + signal + ": " + error);
        await output;
        process.WaitForExit();
        lock (error)
        {
            return (process.ExitCode, error.ToString());
        }
    }

    private static string Helpers(string volume)
        => DockerEngine.Docker("ps", "-aq", "--filter", "volume=" + volume, "--filter", "label=" + VolumeLabels.Helper).EnsureSuccess().Output.Trim();

    private string Volume(string prefix)
    {
        string name = DockerEngine.UniqueName(prefix);
        _volumes.Add(name);
        return name;
    }
}
