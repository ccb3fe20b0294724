using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using VolumeGen.Cli.Commands;

namespace VolumeGen.Cli;

/// <summary>The <c>volumegen</c> command tree and its error handling (exit codes in <see cref="ExitCodes"/>).</summary>
public static class VolumeGenCli
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing results to <paramref name="output"/> and messages to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        Command root = CreateRootCommand();
        ParseResult parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (System.CommandLine.Parsing.ParseError parseError in parse.Errors)
            {
                await error.WriteLineAsync("volumegen: " + parseError.Message).ConfigureAwait(false);
            }

            string command = parse.CommandResult.Command == root ? "volumegen" : "volumegen " + parse.CommandResult.Command.Name;
            await error.WriteLineAsync($"Run '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageOrEnvironment;
        }

        // VolumeGen handles the signals itself (Interruption): System.CommandLine's handler would end the process two
        // seconds after Ctrl+C, before the helper containers are removed.
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        using var interruption = new Interruption(cancellationToken);
        try
        {
            return await parse.InvokeAsync(configuration, interruption.Token).ConfigureAwait(false);
        }
        catch (CliInterruptedException exception)
        {
            await error.WriteLineAsync("volumegen: " + exception.Message).ConfigureAwait(false);
            return interruption.Happened ? interruption.ExitCode : ExitCodes.UsageOrEnvironment;
        }
        catch (Exception) when (interruption.Happened)
        {
            await error.WriteLineAsync("volumegen: interrupted; nothing more was done.").ConfigureAwait(false);
            return interruption.ExitCode;
        }
        catch (CliException exception)
        {
            await error.WriteLineAsync("volumegen: " + exception.Message).ConfigureAwait(false);
            return ExitCodes.UsageOrEnvironment;
        }
        catch (CliProblemsException exception)
        {
            foreach (string problem in exception.Problems)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return ExitCodes.Problems;
        }
    }

    /// <summary>The command tree: show, run-args, dockerfile, compose, k8s, ensure, verify, lint, lock, migrate, backup, restore.</summary>
    public static Command CreateRootCommand()
    {
        // Not RootCommand: it names itself after the process (VolumeGen.Cli when run as a dotnet tool), not the tool command.
        var root = new Command(
            "volumegen",
            "Show, format and verify the Docker mounts a VolumeGen assembly declares. Each command reads the manifest "
            + "that VolumeGen's generator puts into the built assembly. Exit codes: 0 ok, 1 problems found, 2 usage or environment error.");
        root.Add(new HelpOption());
        root.Add(new VersionOption());
        root.Add(ShowCommand.Create());
        root.Add(RunArgsCommand.Create());
        root.Add(DockerfileCommand.Create());
        root.Add(ComposeCommand.Create());
        root.Add(KubernetesCommand.Create());
        root.Add(EnsureCommand.Create());
        root.Add(VerifyCommand.Create());
        root.Add(LintCommand.Create());
        root.Add(LockCommand.Create());
        root.Add(MigrateCommand.Create());
        root.Add(BackupCommand.Create());
        root.Add(RestoreCommand.Create());
        return root;
    }
}
