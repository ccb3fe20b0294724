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

/// <summary>The <c>--host</c> option and connecting to the engine, for the commands that talk to Docker.</summary>
internal static class EngineConnection
{
    public static Option<string?> CreateHostOption() => new("--host", "-H")
    {
        Description = "Docker engine address (unix:///var/run/docker.sock, tcp://host:2375, npipe://./pipe/docker_engine); default: DOCKER_HOST, else the platform default.",
        HelpName = "address",
    };

    /// <summary>A client that answered a ping; an unreachable engine or a bad address is a <see cref="CliException"/>.</summary>
    public static async Task<DockerClient> ConnectAsync(ParseResult parse, Option<string?> host, CancellationToken cancellationToken)
    {
        DockerClient client;
        try
        {
            client = DockerEndpoint.CreateClient(parse.GetValue(host));
        }
        catch (ArgumentException exception)
        {
            throw new CliException(exception.Message.Split(" (Parameter")[0]);
        }

        string? unreachable = await DockerEndpoint.CheckReachableAsync(client, cancellationToken).ConfigureAwait(false);
        if (unreachable is not null)
        {
            client.Dispose();
            throw new CliException(unreachable);
        }

        return client;
    }

    /// <summary>Turns an engine failure during a command into a one-line <see cref="CliException"/>.</summary>
    public static CliException Describe(DockerClient client, Exception exception)
        => exception is DockerApiException api
            ? new CliException($"The Docker engine refused the request ({(int)api.StatusCode} {api.StatusCode}): {DockerErrorBody.Message(api.ResponseBody)}")
            : new CliException(DockerEndpoint.DescribeUnreachable(client.Options.Endpoint, exception));
}

/// <summary><c>volumegen ensure</c>: create the missing named volumes.</summary>
internal static class EnsureCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        var host = EngineConnection.CreateHostOption();
        var command = new Command("ensure", "Create the declared named volumes that do not exist yet (labelled dev.volumegen.managed=true). Idempotent; never removes or changes an existing volume.");
        input.AddTo(command);
        command.Add(host);
        command.SetAction(async (parse, cancellationToken) =>
        {
            MountSet mounts = input.ReadMounts(parse);
            using DockerClient client = await EngineConnection.ConnectAsync(parse, host, cancellationToken).ConfigureAwait(false);
            TextWriter output = parse.InvocationConfiguration.Output;
            var created = new System.Collections.Generic.List<string>();
            try
            {
                // Each line as soon as the engine answered for that volume, so a later failure leaves an exact record.
                var volumes = await client.EnsureVolumesAsync(
                    mounts,
                    volume =>
                    {
                        output.WriteLine(volume.Created ? $"created  {volume.Name}  ({volume.Target})" : $"exists   {volume.Name}  ({volume.Target})");
                        if (volume.Created)
                        {
                            created.Add(volume.Name);
                        }
                    },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                if (volumes.Count == 0)
                {
                    output.WriteLine("No named volumes are declared; nothing to create.");
                }
            }
            catch (Exception exception) when (exception is DockerApiException || DockerEndpoint.IsUnreachable(exception))
            {
                string before = created.Count == 0
                    ? " No volume was created before the failure."
                    : $" Created before the failure (and kept): {string.Join(", ", created)}.";
                throw new CliException(EngineConnection.Describe(client, exception).Message + before);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

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
