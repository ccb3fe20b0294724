using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Docker.DotNet;
using VolumeGen.Docker;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen restore</c>: the volumes of a backup folder back into the engine's volumes.</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("backup") { Description = "The folder 'volumegen backup' wrote (it holds volumegen-backup.json)." };
        var volumes = new Option<string[]>("--volume") { Description = "Restore only this volume of the backup (repeatable).", HelpName = "name" };
        var force = new Option<bool>("--force") { Description = "Restore into a volume that already holds data: the files the backup has are replaced, other files stay; refused, changing nothing, where a folder would replace a file or a file a folder." };
        var image = HelperImageOption.Create();
        var host = EngineConnection.CreateHostOption();
        var command = new Command(
            "restore",
            "Restore a backup: check every archive against the manifest (size, sha256), create missing volumes, write the files with owners and modes, and compare the volume with the backup. A volume that holds data is refused unless --force; one a running container uses is refused.");
        command.Add(folder);
        command.Add(volumes);
        command.Add(force);
        command.Add(image);
        command.Add(host);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string path = parse.GetValue(folder)!;
            if (!Directory.Exists(path))
            {
                throw new CliException($"The backup folder '{path}' does not exist; name the folder 'volumegen backup --output' wrote.");
            }

            string[] selected = parse.GetValue(volumes) ?? Array.Empty<string>();
            using DockerClient client = await EngineConnection.ConnectAsync(parse, host, cancellationToken).ConfigureAwait(false);
            TextWriter error = parse.InvocationConfiguration.Error;
            var options = new VolumeTransferOptions { HelperImage = parse.GetValue(image), Progress = new ProgressPrinter(error), Notice = line => error.WriteLine("volumegen: " + line) };
            IReadOnlyList<VolumeRestoreResult> results;
            try
            {
                results = await client.RestoreAsync(path, selected, parse.GetValue(force), options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new CliInterruptedException("interrupted; the helper containers were removed. A volume being restored may hold part of the backup: run the same restore again with --force (it replaces only what the backup has), or remove that volume (docker volume rm <volume>) and restore again.");
            }
            catch (Exception exception) when (TransferErrors.Translate(client, exception) is { } translated)
            {
                throw translated;
            }

            TextWriter output = parse.InvocationConfiguration.Output;
            foreach (VolumeRestoreResult result in results)
            {
                string how = result.Created ? "into the new volume"
                    : result.Overwrote ? $"over the existing data (--force): replaced {result.Replaced:N0} path{(result.Replaced == 1 ? string.Empty : "s")} the backup also has, kept {result.Kept:N0} path{(result.Kept == 1 ? string.Empty : "s")} the backup does not have"
                    : "into the empty volume";
                output.WriteLine($"restored  {result.Volume}: {result.Content.Summary} {how}; verified against the backup (sha256 {result.Content.Sha256}).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
