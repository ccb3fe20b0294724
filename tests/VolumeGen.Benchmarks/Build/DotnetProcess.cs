using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace VolumeGen.Benchmarks.Build;

/// <summary>Runs a process (dotnet, git) for the build modes: output collected, a failure thrown with its last lines.</summary>
public static class DotnetProcess
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> (each one argument, no shell quoting); throws when it fails.</summary>
    public static string Run(string fileName, IEnumerable<string> arguments, string workingDirectory, string? nuGetPackages = null)
    {
        (int exitCode, string output) = TryRun(fileName, arguments, workingDirectory, nuGetPackages);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"`{fileName} {string.Join(' ', arguments)}` failed with exit code {exitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, output.Split('\n').TakeLast(40))}");
        }

        return output;
    }

    /// <summary>Runs the process and returns its exit code and output (stdout and stderr together).</summary>
    public static (int ExitCode, string Output) TryRun(string fileName, IEnumerable<string> arguments, string workingDirectory, string? nuGetPackages = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (nuGetPackages is not null)
        {
            start.Environment["NUGET_PACKAGES"] = nuGetPackages;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
