using System;
using System.CommandLine;
using System.IO;
using System.Text;
using VolumeGen.Artifacts;

namespace VolumeGen.Cli.Commands;

/// <summary>
/// The <c>--output</c> option of compose and k8s: the file written as the build task writes its own outputs — all or
/// nothing (a full disk leaves the old file), only when its bytes change, and only over a file VolumeGen wrote.
/// </summary>
internal static class OutputFileOption
{
    public static Option<string?> Create(string example) => new("--output", "-o")
    {
        Description = $"Write the file (e.g. {example}) instead of printing it: all or nothing, and only over a file VolumeGen wrote (its first line is '{GeneratedFileHeader.Prefix} …'), as the build task writes it.",
        HelpName = "file",
    };

    /// <summary>Prints <paramref name="text"/>, or writes it to the file the option names.</summary>
    public static void Emit(ParseResult parse, Option<string?> option, string text)
    {
        string? path = parse.GetValue(option);
        if (string.IsNullOrWhiteSpace(path))
        {
            parse.InvocationConfiguration.Output.Write(text);
            return;
        }

        try
        {
            if (Directory.Exists(path))
            {
                throw new CliException($"--output '{path}' is a folder; name a file, e.g. {Path.Combine(path, "volumes.volumegen.yaml")}.");
            }

            if (File.Exists(path) && !GeneratedFileHeader.IsGenerated(File.ReadAllBytes(path)))
            {
                throw new CliException($"--output '{path}': VolumeGen did not write this file (its first line is not '{GeneratedFileHeader.Prefix} …'), and it replaces its output whole, so it left the file untouched. Name a new file, or delete or rename this one if VolumeGen should write it.");
            }

            ArtifactFile.WriteIfChanged(path!, new UTF8Encoding(false).GetBytes(text));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"Cannot write '{path}': {exception.Message} The file is unchanged.");
        }
    }
}
