using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace VolumeGen.Tests;

/// <summary>The README's runtime-library sample, <c>dotnet run --project samples/HelloVolumes</c>, prints what the formatters produce.</summary>
public class HelloVolumesSampleTests
{
    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VolumeGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("VolumeGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static string[] LinesAfter(string[] lines, string header, int count)
    {
        int index = Array.FindIndex(lines, l => l.Contains(header, StringComparison.Ordinal));
        Assert.True(index >= 0, "no line holds " + header);
        return lines.Skip(index + 1).Take(count).ToArray();
    }

    [Fact]
    public async Task Dotnet_run_prints_validation_run_arguments_posix_line_and_volume_line()
    {
        string root = RepositoryRoot();
        string artifacts = Path.Combine(Path.GetTempPath(), "volumegen-hello-" + Guid.NewGuid().ToString("N"));
        try
        {
            // A private artifacts folder: no race with other builds of src/VolumeGen running at the same time.
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "run", "--project", "samples/HelloVolumes", "--artifacts-path", artifacts, "-p:UseSharedCompilation=false" })
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"dotnet run failed ({process.ExitCode}):\n{output}\n{await error}");

            var readme = new MountSet(
                Mount.NamedVolume("/app/data", name: "profiles"),
                Mount.AnonymousVolume("/app/cache"),
                Mount.Bind("./config", "/app/config", readOnly: true),
                Mount.Tmpfs("/app/scratch", sizeBytes: 64L * 1024 * 1024));
            string[] lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

            Assert.Contains("Validation: no problems.", lines);
            string[] mountForm = readme.ToRunArguments(MountStyle.Mount, root);
            string[] volumeForm = readme.ToRunArguments(MountStyle.Volume, root);
            Assert.Equal(mountForm.Select(a => "  " + a), LinesAfter(lines, "--mount form", mountForm.Length));
            Assert.Equal(volumeForm.Select(a => "  " + a), LinesAfter(lines, "-v form", volumeForm.Length));
            Assert.Contains("  docker run " + readme.ToCommandLine(ShellDialect.Posix, MountStyle.Mount, root) + " IMAGE", lines);
            Assert.Contains("  " + readme.ToDockerfileVolume(), lines);
        }
        finally
        {
            if (Directory.Exists(artifacts))
            {
                Directory.Delete(artifacts, recursive: true);
            }
        }
    }
}
