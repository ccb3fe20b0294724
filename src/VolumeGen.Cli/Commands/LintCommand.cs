using System;
using System.CommandLine;
using System.IO;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen lint</c>: the Dockerfile VOLUME lint (VG4001–VG4007) on a Dockerfile, as the build task reports it.</summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("dockerfile") { Description = "The Dockerfile to check." };
        var target = new Option<string?>("--target")
        {
            Description = "The stage the image is built from (as docker build --target); default: the last stage.",
            HelpName = "stage",
        };
        var command = new Command("lint", "Check how a Dockerfile writes its VOLUMEs (VG4001-VG4007, docs/rules): print each finding as file(line): warning ID: message; exit 1 when there is one.");
        command.Add(file);
        command.Add(target);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file) ?? string.Empty;
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliException($"Cannot read the Dockerfile '{path}': {exception.Message}");
            }

            Dockerfile dockerfile = Dockerfile.Parse(text);
            string? stage = parse.GetValue(target);
            if (!string.IsNullOrWhiteSpace(stage) && dockerfile.FindStage(stage!) is null)
            {
                throw new CliException($"--target '{stage}': '{path}' has no stage of that name.");
            }

            TextWriter output = parse.InvocationConfiguration.Output;
            int count = 0;
            foreach (DockerfileProblem problem in dockerfile.Problems)
            {
                output.WriteLine($"{path}({problem.Line}): error: {problem.Message}");
                count++;
            }

            foreach (DockerfileFinding finding in DockerfileLint.Check(dockerfile, stage))
            {
                output.WriteLine($"{path}({finding.Line}): warning {finding.Id}: {finding.Message}");
                count++;
            }

            return count == 0 ? ExitCodes.Ok : ExitCodes.Problems;
        });
        return command;
    }
}
