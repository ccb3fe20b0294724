using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using VolumeGen.Docker;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen verify</c>: compare a running container's mounts with the declaration.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        var host = EngineConnection.CreateHostOption();
        var container = new Option<string>("--container", "-c")
        {
            Description = "The container to check (id or name).",
            Required = true,
            HelpName = "id|name",
        };
        var bindRoot = BindRootOption.Create();
        var command = new Command("verify", "Check that a container has every declared mount: exit 0 when it does, 1 (naming each path and the missing docker run argument) when not.");
        input.AddTo(command);
        command.Add(container);
        command.Add(bindRoot);
        command.Add(host);
        command.SetAction(async (parse, cancellationToken) =>
        {
            MountSet mounts = input.ReadMounts(parse);
            string root = BindRootOption.Resolve(parse, bindRoot);
            string name = parse.GetValue(container)!;
            using DockerClient client = await EngineConnection.ConnectAsync(parse, host, cancellationToken).ConfigureAwait(false);
            ContainerMountReport report;
            try
            {
                report = await client.VerifyContainerMountsAsync(name, mounts, root, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerContainerNotFoundException)
            {
                throw new CliException($"No such container: '{name}'. List containers with 'docker ps -a'.");
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                throw new CliException($"No such container: '{name}'. List containers with 'docker ps -a'.");
            }
            catch (Exception exception) when (exception is DockerApiException || DockerEndpoint.IsUnreachable(exception))
            {
                throw EngineConnection.Describe(client, exception);
            }

            TextWriter output = parse.InvocationConfiguration.Output;
            foreach (ContainerMountCheck check in report.Checks)
            {
                output.WriteLine(check.ToString());
            }

            int problems = report.Problems.Count();
            output.WriteLine(report.IsOk
                ? $"{report.Container}: all {report.Checks.Count} declared mounts are in place."
                : $"{report.Container}: {problems} of {report.Checks.Count} declared mounts are missing or differ.");
            return report.IsOk ? ExitCodes.Ok : ExitCodes.Problems;
        });
        return command;
    }
}
