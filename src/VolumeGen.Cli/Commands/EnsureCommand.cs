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
