using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace VolumeGen.Docker;

/// <summary>
/// Where the Docker engine listens: <c>DOCKER_HOST</c> when set (<c>unix://</c>, <c>tcp://</c>, <c>npipe://</c>),
/// else the platform default (<c>unix:///var/run/docker.sock</c>, or the named pipe on Windows), as the docker CLI does.
/// </summary>
public static class DockerEndpoint
{
    /// <summary>The variable the docker CLI reads for the engine address.</summary>
    public const string HostVariable = "DOCKER_HOST";

    /// <summary>The engine address: <paramref name="dockerHost"/>, else <c>DOCKER_HOST</c>, else the platform default.</summary>
    /// <exception cref="ArgumentException">The address is not a URI the engine client understands; the message names it.</exception>
    public static Uri Resolve(string? dockerHost = null)
    {
        string? value = string.IsNullOrWhiteSpace(dockerHost) ? Environment.GetEnvironmentVariable(HostVariable) : dockerHost;
        if (string.IsNullOrWhiteSpace(value))
        {
            return OperatingSystem.IsWindows()
                ? new Uri("npipe://./pipe/docker_engine")
                : new Uri("unix:///var/run/docker.sock");
        }

        value = value.Trim();
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
            || uri.Scheme is not ("unix" or "tcp" or "http" or "https" or "npipe"))
        {
            throw new ArgumentException(
                $"DOCKER_HOST '{value}' is not an engine address; use unix:///path/to/docker.sock, tcp://host:port or npipe://./pipe/name.",
                nameof(dockerHost));
        }

        return uri;
    }

    /// <summary>A client for the engine at <see cref="Resolve"/>; the engine's own API version is used.</summary>
    public static DockerClient CreateClient(string? dockerHost = null)
        // No WithApiVersion: unversioned requests get the engine's own version, so old and new engines both answer.
        => new DockerClientBuilder().WithEndpoint(Resolve(dockerHost)).Build();

    /// <summary>
    /// Pings the engine; returns null when it answers, else a one-line message naming the address and how to fix it.
    /// </summary>
    public static async Task<string?> CheckReachableAsync(IDockerClient client, CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await client.System.PingAsync(timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception exception) when (IsUnreachable(exception) && !cancellationToken.IsCancellationRequested)
        {
            return DescribeUnreachable(client.Options.Endpoint, exception);
        }
    }

    /// <summary>True for the exceptions the client throws when nothing (or something else) listens at the address.</summary>
    public static bool IsUnreachable(Exception exception)
        => exception is HttpRequestException or SocketException or IOException or TimeoutException or OperationCanceledException
            or DockerApiException { StatusCode: System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.BadGateway or System.Net.HttpStatusCode.ServiceUnavailable }
            || (exception is AggregateException aggregate && aggregate.InnerException is { } inner && IsUnreachable(inner));

    /// <summary>One line: which address did not answer, why, and what to do.</summary>
    public static string DescribeUnreachable(Uri endpoint, Exception exception)
    {
        string reason = Innermost(exception).Message.Trim().TrimEnd('.');
        return $"The Docker engine at {Display(endpoint)} does not answer ({reason}). Start the Docker engine (Docker Desktop, or 'sudo systemctl start docker'), or set DOCKER_HOST to the address of the engine you use.";
    }

    private static string Display(Uri endpoint)
        => endpoint.Scheme == "unix" ? "unix://" + endpoint.LocalPath : endpoint.ToString();

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
