using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using VolumeGen.Docker;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen migrate</c>: copy a renamed named volume's data into the volume of its new name (docs/migrations.md).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        input.Assembly.Arity = ArgumentArity.ZeroOrOne;
        input.Assembly.Description = "The built assembly (e.g. bin/Release/net10.0/MyApp.dll): its declarations and its storage lock name the renames to migrate. Not needed with --from and --to.";
        var from = new Option<string?>("--from") { Description = "The old volume name (with --to): migrate this one rename instead of the lock's.", HelpName = "volume" };
        var to = new Option<string?>("--to") { Description = "The new volume name (with --from).", HelpName = "volume" };
        var lockFile = new Option<string?>("--lock-file") { Description = "The storage lock; default: the volumegen.lock.json beside the nearest project file above the assembly.", HelpName = "path" };
        var project = ProjectOption.Create();
        var image = HelperImageOption.Create();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (volumes, containers using them, helper image) and change nothing." };
        var host = EngineConnection.CreateHostOption();
        var command = new Command(
            "migrate",
            "Copy the data of a renamed named volume into the new volume: create it (labelled as ensure does), copy every file with owners and modes, compare file count, bytes and checksums, and leave the old volume untouched. Idempotent. The renames come from the storage lock (VG3040) or --from/--to.");
        input.AddTo(command);
        command.Add(from);
        command.Add(to);
        command.Add(lockFile);
        command.Add(project);
        command.Add(image);
        command.Add(dryRun);
        command.Add(host);
        command.SetAction(async (parse, cancellationToken) =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            IReadOnlyList<(string From, string To, string? Target)> renames = Renames(parse, input, from, to, lockFile, project, output, out string? assembly);
            if (renames.Count == 0)
            {
                return ExitCodes.Ok;
            }

            using DockerClient client = await EngineConnection.ConnectAsync(parse, host, cancellationToken).ConfigureAwait(false);
            var options = new VolumeTransferOptions { HelperImage = parse.GetValue(image), Progress = new ProgressPrinter(error), Notice = line => error.WriteLine("volumegen: " + line) };
            (string From, string To)? copying = null;
            try
            {
                if (parse.GetValue(dryRun))
                {
                    foreach ((string old, string renamed, string? target) in renames)
                    {
                        VolumeMigrationPlan plan = await client.PlanMigrationAsync(old, renamed, target, options, cancellationToken).ConfigureAwait(false);
                        Print(plan, output);
                    }

                    output.WriteLine("Dry run: nothing was changed.");
                    return ExitCodes.Ok;
                }

                foreach ((string old, string renamed, string? target) in renames)
                {
                    output.WriteLine($"migrate  {old} -> {renamed}{(target is null ? string.Empty : $"  ({target})")}");
                    copying = (old, renamed);
                    VolumeMigrationResult result = await client.MigrateVolumeAsync(old, renamed, target, options, cancellationToken).ConfigureAwait(false);
                    output.WriteLine(result.Outcome == VolumeMigrationOutcome.AlreadyCopied
                        ? $"already migrated: '{renamed}' holds exactly the data of '{old}' ({result.Content.Summary}); nothing to do."
                        : $"copied   {result.Content.Summary} into {(result.CreatedVolume ? "the new volume" : "the empty volume")} '{renamed}'; verified: both hold the same files, bytes, owners and modes (sha256 {result.Content.Sha256}). '{old}' is untouched.");
                }
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested && copying is { } stopped)
            {
                throw new CliInterruptedException(await InterruptedAsync(client, stopped.From, stopped.To).ConfigureAwait(false));
            }
            catch (Exception exception) when (TransferErrors.Translate(client, exception) is { } translated)
            {
                throw translated;
            }

            if (assembly is not null && parse.GetValue(from) is null)
            {
                output.WriteLine($"Start the new version on the new volume{(renames.Count == 1 ? string.Empty : "s")}, then accept the rename so the lock records it: dotnet build -p:VolumeGenAcceptStorageChanges=true (or volumegen lock {ShellQuoting.Quote(assembly)} --accept). Remove the old volume only when you no longer need it.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<(string From, string To, string? Target)> Renames(
        ParseResult parse, ManifestInput input, Option<string?> from, Option<string?> to, Option<string?> lockFile, Option<string?> project, TextWriter output, out string? assembly)
    {
        string? old = parse.GetValue(from);
        string? renamed = parse.GetValue(to);
        assembly = parse.GetValue(input.Assembly);
        if (old is not null || renamed is not null)
        {
            if (old is null || renamed is null)
            {
                throw new CliException("--from and --to go together: volumegen migrate --from <old volume> --to <new volume>.");
            }

            foreach (string name in new[] { old, renamed })
            {
                if (!MountValidator.IsValidVolumeName(name))
                {
                    throw new CliException($"'{name}' is not a volume name (Docker requires ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$).");
                }
            }

            if (old == renamed)
            {
                throw new CliException($"--from and --to both name '{old}'; there is nothing to migrate.");
            }

            string? target = null;
            if (assembly is not null)
            {
                target = input.ReadMounts(parse).NamedVolumes.FirstOrDefault(m => m.Source == renamed)?.Target;
            }

            return new[] { (old, renamed, target) };
        }

        if (string.IsNullOrEmpty(assembly))
        {
            throw new CliException("Name the rename to migrate (--from <old volume> --to <new volume>), or the built assembly whose storage lock records it (volumegen migrate bin/Release/net10.0/App.dll).");
        }

        MountSet mounts = ManifestInput.Select(input.ReadValidManifest(parse), null);
        (string path, string owner) = LockFileLocator.Find(assembly, parse.GetValue(lockFile), parse.GetValue(project));
        if (!File.Exists(path))
        {
            throw new CliException($"No storage lock ({StorageLock.DefaultFileName}) at '{path}', so there is no recorded rename to migrate. Name it with --lock-file, or name the volumes with --from and --to.");
        }

        StorageLock? locked = LockFileLocator.Read(path, owner, mounts).Locked;
        if (locked is null)
        {
            output.WriteLine($"Nothing to migrate: '{path}' records no named volume of the project '{owner}'.");
            return Array.Empty<(string, string, string?)>();
        }

        IReadOnlyList<StorageChange> changes = StorageLockComparison.Compare(locked, mounts);
        foreach (StorageChange change in changes.Where(static c => c.Kind != StorageChangeKind.Renamed))
        {
            output.WriteLine($"not a rename, nothing to copy: {change.Id}: {change.Describe()}");
        }

        var renames = changes.Where(static c => c.Kind == StorageChangeKind.Renamed)
            .Select(static c => (c.Locked.Name, c.NewName!, (string?)c.Locked.Target)).ToArray();
        if (renames.Length == 0)
        {
            output.WriteLine($"Nothing to migrate: '{path}' records no renamed named volume of the project '{owner}'.");
        }

        return renames;
    }

    /// <summary>What an interrupted copy left (the helpers are removed by then; the old volume is only ever read) and what to do.</summary>
    private static async Task<string> InterruptedAsync(DockerClient client, string from, string to)
    {
        bool created;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            created = (await client.Volumes.InspectAsync(to, timeout.Token).ConfigureAwait(false)).Labels?.TryGetValue(VolumeLabels.MigratedFrom, out string? origin) == true && origin == from;
        }
        catch (Exception exception) when (exception is DockerApiException || DockerEndpoint.IsUnreachable(exception))
        {
            created = false;
        }

        return $"interrupted while copying '{from}' into '{to}'; the helper containers were removed and '{from}' is untouched. "
            + (created
                ? $"'{to}' may hold a partial copy: run the same migrate again; it leaves a complete copy as it is and names the command that removes a partial one."
                : "Run the same migrate again; it says what to do if it finds a partial copy.");
    }

    private static void Print(VolumeMigrationPlan plan, TextWriter output)
    {
        output.WriteLine($"migrate  {plan.From} -> {plan.To}{(plan.Target is null ? string.Empty : $"  ({plan.Target})")}");
        output.WriteLine(plan.FromExists
            ? $"  {plan.From}: exists; it is mounted read-only and left untouched"
            : $"  {plan.From}: does not exist on this engine: nothing to copy, migrate would refuse");
        output.WriteLine(plan.ToExists
            ? $"  {plan.To}: exists; migrate copies only into an empty volume, finds it already holds the copy (nothing to do), or refuses"
            : $"  {plan.To}: would be created, labelled {VolumeLabels.Managed}=true{(plan.Target is null ? string.Empty : $", {VolumeLabels.Target}={plan.Target}")}, {VolumeLabels.MigratedFrom}={plan.From}");
        foreach (VolumeUser user in plan.Users)
        {
            output.WriteLine($"  used by {user.Name} ({user.State}, {user.Image}){(user.IsActive ? ": running, so migrate would refuse; stop it first" : string.Empty)}");
        }

        output.WriteLine(plan.Image is null
            ? $"  helper image: none found: {plan.ImageProblem}"
            : $"  helper image: {plan.Image} (a container is created from it, never started)");
        output.WriteLine("  then: copy every file, folder and link with owners and modes, and compare file count, bytes and sha256 of both volumes");
    }
}
