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
