using System;
using Docker.DotNet;
using VolumeGen.Docker;

namespace VolumeGen.Cli.Commands;

/// <summary>How migrate, backup and restore turn a failure into a message and an exit code (docs/cli.md).</summary>
internal static class TransferErrors
{
    /// <summary>
    /// A copy that does not match its source is a problem found (exit 1); every other refusal or failure — no such
    /// volume, volume in use, not empty, no image, a damaged backup, a full disk, the engine — is an environment
    /// error (exit 2). Null for exceptions that are not the engine's or the transfer's.
    /// </summary>
    public static Exception? Translate(DockerClient client, Exception exception) => exception switch
    {
        VolumeTransferException { Problem: VolumeTransferProblem.CopyDiffers } transfer => new CliProblemsException(new[] { "volumegen: " + transfer.Message }),
        VolumeTransferException transfer => new CliException(transfer.Message),
        ArgumentException argument => new CliException(argument.Message.Split(" (Parameter")[0]),
        DockerApiException => EngineConnection.Describe(client, exception),
        _ when DockerEndpoint.IsUnreachable(exception) => EngineConnection.Describe(client, exception),
        _ => null,
    };
}
