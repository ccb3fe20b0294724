using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Docker.DotNet;
using VolumeGen.Docker;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen backup</c>: every declared named volume (or <c>--volume</c>) to a tar archive each plus a manifest.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        input.Assembly.Arity = ArgumentArity.ZeroOrOne;
        input.Assembly.Description = "The built assembly (e.g. bin/Release/net10.0/MyApp.dll): back up every named volume it declares. Not needed with --volume.";
        var volumes = new Option<string[]>("--volume") { Description = "Back up this volume (repeatable) instead of every declared one.", HelpName = "name", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--output", "-o") { Description = "The backup folder to create (it must not hold a backup); default: volumegen-backup-<UTC time> in the current folder.", HelpName = "dir" };
        var image = HelperImageOption.Create();
        var host = EngineConnection.CreateHostOption();
        var command = new Command(
            "backup",
            "Back up named volumes: one tar archive per volume (<volume>.tar: files, folders, links, owners and modes) and volumegen-backup.json (volume, target, time, sizes, sha256). A volume a running container uses is refused: stop the app first.");
        input.AddTo(command);
        command.Add(volumes);
        command.Add(output);
        command.Add(image);
        command.Add(host);
        command.SetAction(async (parse, cancellationToken) =>
        {
            TextWriter stdout = parse.InvocationConfiguration.Output;
            string[] names = parse.GetValue(volumes) ?? Array.Empty<string>();
            string? assembly = parse.GetValue(input.Assembly);
            var targets = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!string.IsNullOrEmpty(assembly))
            {
                foreach (Mount mount in input.ReadMounts(parse).NamedVolumes.Where(m => !targets.ContainsKey(m.Source!)))
                {
                    targets[mount.Source!] = mount.Target;
                }
            }

            if (names.Length == 0)
            {
                if (string.IsNullOrEmpty(assembly))
                {
                    throw new CliException("Name what to back up: the built assembly (every named volume it declares) or --volume <name>.");
                }

                names = targets.Keys.ToArray();
                if (names.Length == 0)
                {
                    stdout.WriteLine($"'{assembly}' declares no named volume; nothing to back up.");
                    return ExitCodes.Ok;
                }
            }

            foreach (string name in names.Where(static n => !MountValidator.IsValidVolumeName(n)))
            {
                throw new CliException($"--volume '{name}' is not a volume name (Docker requires ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$).");
            }

            string folder = parse.GetValue(output) is { Length: > 0 } chosen
                ? chosen
                : "volumegen-backup-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliException($"Cannot create the backup folder '{folder}': {exception.Message}");
            }

            using DockerClient client = await EngineConnection.ConnectAsync(parse, host, cancellationToken).ConfigureAwait(false);
            TextWriter error = parse.InvocationConfiguration.Error;
            var options = new VolumeTransferOptions { HelperImage = parse.GetValue(image), Progress = new ProgressPrinter(error), Notice = line => error.WriteLine("volumegen: " + line) };
            VolumeBackupManifest manifest;
            try
            {
                manifest = await client.BackupAsync(names, folder, targets, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new CliInterruptedException($"interrupted; the helper container and the unfinished backup's files in '{folder}' were removed, and the volumes are untouched.");
            }
            catch (Exception exception) when (TransferErrors.Translate(client, exception) is { } translated)
            {
                throw translated;
            }

            foreach (BackedUpVolume volume in manifest.Volumes)
            {
                stdout.WriteLine($"backed up  {volume.Volume}{(volume.Target.Length == 0 ? string.Empty : $"  ({volume.Target})")}: {volume.Files:N0} files, {volume.Bytes:N0} bytes -> {Path.Combine(folder, volume.Archive)} ({volume.ArchiveBytes:N0} bytes, sha256 {volume.ArchiveSha256})");
            }

            stdout.WriteLine($"Backup complete: {Path.Combine(folder, VolumeBackupManifest.FileName)}. Restore with: volumegen restore {ShellQuoting.Quote(folder)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
