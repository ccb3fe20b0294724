using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using VolumeGen.Artifacts;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen lock</c>: compare the declarations with the storage lock, and accept the changes (docs/migrations.md).</summary>
internal static class LockCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        var lockFile = new Option<string?>("--lock-file") { Description = "The storage lock; default: the volumegen.lock.json beside the nearest project file above the assembly (where the build keeps it; --accept creates it there).", HelpName = "path" };
        var project = ProjectOption.Create();
        var accept = new Option<bool>("--accept") { Description = "Record the declarations in the lock, accepting every change (as dotnet build -p:VolumeGenAcceptStorageChanges=true); only this project's entries change." };
        var command = new Command(
            "lock",
            "Compare the assembly's declarations with its project's entries of the storage lock: print each change that strands data (VG3040-VG3043) with the command that saves it; exit 1 when there is one. --accept records the declarations in the lock.");
        command.Add(input.Assembly);
        command.Add(lockFile);
        command.Add(project);
        command.Add(accept);
        command.SetAction(parse =>
        {
            string assembly = parse.GetValue(input.Assembly)!;
            VolumeManifest manifest = input.ReadValidManifest(parse);
            MountSet mounts = ManifestInput.Select(manifest, null);
            bool accepting = parse.GetValue(accept);
            bool named = !string.IsNullOrWhiteSpace(parse.GetValue(lockFile));
            (string path, string owner) = LockFileLocator.Find(assembly, parse.GetValue(lockFile), parse.GetValue(project));
            TextWriter output = parse.InvocationConfiguration.Output;
            if (!File.Exists(path) && !accepting && !named)
            {
                throw new CliException($"No storage lock ({StorageLock.DefaultFileName}) beside the project of '{assembly}': '{path}' does not exist. The next build creates it (or volumegen lock --accept); name another with --lock-file.");
            }

            StorageLockFile file = LockFileLocator.Read(path, owner, mounts);
            StorageLock? locked = file.Locked;
            IReadOnlyList<StorageChange> changes = locked is null ? Array.Empty<StorageChange>() : StorageLockComparison.Compare(locked, mounts);
            foreach (StorageChange change in changes)
            {
                output.WriteLine($"{(accepting ? "accepted " : string.Empty)}{change.Id}: {change.Describe()}");
            }

            if (accepting)
            {
                StorageLock accepted = file.Accept(mounts, manifest.EphemeralPaths);
                if (!file.NeedsWrite(accepted))
                {
                    output.WriteLine($"'{path}' is up to date.");
                    return ExitCodes.Ok;
                }

                try
                {
                    // The build's own write: all or nothing (a full disk leaves the old lock), and a read-only lock is refused, even for root.
                    ArtifactFile.WriteIfChanged(path, file.Encode(accepted));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    throw new CliException($"Cannot write the storage lock '{path}': {exception.Message} The lock is unchanged.");
                }

                output.WriteLine($"{(file.Exists ? "Updated" : "Created")} '{path}' ({owner}); commit it.");
                return ExitCodes.Ok;
            }

            if (locked is null)
            {
                output.WriteLine(file.Exists
                    ? $"'{path}' records no named volume of the project '{owner}' yet; the next build (or volumegen lock --accept) records them."
                    : $"There is no storage lock '{path}' yet; the next build (or volumegen lock --accept) creates it.");
                return ExitCodes.Problems;
            }

            if (changes.Count > 0)
            {
                string again = $"volumegen lock {ShellQuoting.Quote(assembly)}{(named ? " --lock-file " + ShellQuoting.Quote(path) : string.Empty)}{(parse.GetValue(project) is { Length: > 0 } given ? " --project " + ShellQuoting.Quote(given) : string.Empty)} --accept";
                output.WriteLine($"{changes.Count} change{(changes.Count == 1 ? string.Empty : "s")} would strand data; when the data is safe, accept with: {again}");
                return ExitCodes.Problems;
            }

            output.WriteLine(file.IsCurrent(StorageLock.FromDeclarations(mounts, manifest.EphemeralPaths, owner))
                ? $"'{path}' is up to date."
                : $"'{path}' records the named volumes; the code adds volumes or mount points, or declares other mounts or ephemeral paths (which the class libraries built into the image read), which strand nothing (the next build records them).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
