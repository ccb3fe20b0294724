using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using Microsoft.Build.Framework;

namespace VolumeGen.Build.Tests;

/// <summary>Collects what a task logs.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildWarningEventArgs> Warnings { get; } = new();

    public List<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) => false;

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}

/// <summary>A temporary folder, deleted (and made mutable again) on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "volumegen-build-tests", Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leave it for the OS's temp cleanup.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}

/// <summary>Builds tiny assemblies that carry a hand-written VolumeGen manifest, as the generator would emit it.</summary>
internal static class ManifestAssembly
{
    public static string Write(string folder, VolumeManifest? manifest, string name = "App") => WriteJson(folder, manifest?.ToJson(), name);

    public static string WriteJson(string folder, string? json, string name = "App")
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        if (json is not null)
        {
            ConstructorInfo constructor = typeof(AssemblyMetadataAttribute).GetConstructor(new[] { typeof(string), typeof(string) })!;
            builder.SetCustomAttribute(new CustomAttributeBuilder(constructor, new object[] { VolumeManifest.MetadataKey, json }));
        }

        // An unrelated metadata attribute, as real assemblies carry: the reader has to pick the manifest's key.
        builder.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(AssemblyMetadataAttribute).GetConstructor(new[] { typeof(string), typeof(string) })!,
            new object[] { "RepositoryUrl", "https://example.invalid/repo" }));
        builder.DefineDynamicModule(name);
        string path = System.IO.Path.Combine(folder, name + ".dll");
        builder.Save(path);
        return path;
    }

    public static VolumeManifest Of(string className, params Mount[] mounts)
        => new(new[] { new ManifestClass(className, new MountSet(mounts)) });
}

/// <summary>Runs external programs and captures their output.</summary>
internal static class Processes
{
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new System.Diagnostics.ProcessStartInfo(fileName)
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
        if (environment is not null)
        {
            foreach (KeyValuePair<string, string> pair in environment)
            {
                start.Environment[pair.Key] = pair.Value;
            }
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)(timeout ?? TimeSpan.FromMinutes(10)).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(" ", arguments)} did not finish:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>True when <paramref name="program"/> is on PATH.</summary>
    public static bool OnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator)
            .Any(folder => folder.Length > 0 && System.IO.File.Exists(System.IO.Path.Combine(folder, program)));
}

/// <summary>Makes a file immutable with chattr +i (root ignores chmod, but not the immutable flag).</summary>
internal sealed class ImmutableFile : IDisposable
{
    private readonly string _path;

    private ImmutableFile(string path) => _path = path;

    /// <summary>Null when chattr is missing or the file system refuses the flag.</summary>
    public static ImmutableFile? TryCreate(string path)
    {
        if (!OperatingSystem.IsLinux() || !Processes.OnPath("chattr"))
        {
            return null;
        }

        (int exit, _) = Processes.Run("chattr", new[] { "+i", path }, System.IO.Path.GetDirectoryName(path)!);
        return exit == 0 ? new ImmutableFile(path) : null;
    }

    public void Dispose() => Processes.Run("chattr", new[] { "-i", _path }, System.IO.Path.GetDirectoryName(_path)!);
}
