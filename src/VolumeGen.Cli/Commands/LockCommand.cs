using System.Collections.Generic;
using System.CommandLine;
using System.IO;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen lock</c>: compare the declarations with the storage lock, and accept the changes (docs/migrations.md).</summary>
internal static class LockCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        var lockFile = new Option<string?>("--lock-file") { Description = "The storage lock; default: the volumegen.lock.json in the assembly's folder or above it (with --accept and none found: beside the first project file above the assembly).", HelpName = "path" };
        var accept = new Option<bool>("--accept") { Description = "Record the declarations in the lock, accepting every change (as dotnet build -p:VolumeGenAcceptStorageChanges=true)." };
        var command = new Command(
            "lock",
            "Compare the assembly's declarations with the storage lock: print each change that strands data (VG3040-VG3043) with the command that saves it; exit 1 when there is one. --accept records the declarations in the lock.");
        command.Add(input.Assembly);
        command.Add(lockFile);
        command.Add(accept);
        command.SetAction(parse =>
        {
            string assembly = parse.GetValue(input.Assembly)!;
            VolumeManifest manifest = input.ReadValidManifest(parse);
            MountSet mounts = ManifestInput.Select(manifest, null);
            bool accepting = parse.GetValue(accept);
            string? path = LockFileLocator.Find(assembly, parse.GetValue(lockFile), forCreation: accepting);
            TextWriter output = parse.InvocationConfiguration.Output;
            var desired = StorageLock.FromMounts(mounts, manifest.EphemeralPaths);
            if (path is null)
            {
                throw new CliException($"No storage lock ({StorageLock.DefaultFileName}) in the folder of '{assembly}' or above it. Name it with --lock-file (with --accept, to create it).");
            }

            StorageLock? locked = File.Exists(path) ? LockFileLocator.Read(path) : null;
            IReadOnlyList<StorageChange> changes = locked is null ? System.Array.Empty<StorageChange>() : StorageLockComparison.Compare(locked, mounts);
            foreach (StorageChange change in changes)
            {
                output.WriteLine($"{(accepting ? "accepted " : string.Empty)}{change.Id}: {change.Describe()}");
            }

            if (accepting)
            {
                if (locked is not null && locked.Equals(desired))
                {
                    output.WriteLine($"'{path}' is up to date.");
                    return ExitCodes.Ok;
                }

                try
                {
                    File.WriteAllText(path, desired.ToJson());
                }
                catch (System.Exception exception) when (exception is IOException or System.UnauthorizedAccessException)
                {
                    throw new CliException($"Cannot write the storage lock '{path}': {exception.Message}");
                }

                output.WriteLine($"{(locked is null ? "Created" : "Updated")} '{path}'; commit it.");
                return ExitCodes.Ok;
            }

            if (locked is null)
            {
                output.WriteLine($"There is no storage lock '{path}' yet; the next build (or volumegen lock --accept) creates it.");
                return ExitCodes.Problems;
            }

            if (changes.Count > 0)
            {
                output.WriteLine($"{changes.Count} change{(changes.Count == 1 ? string.Empty : "s")} would strand data; when the data is safe, accept with: volumegen lock {ShellQuoting.Quote(assembly)} --accept");
                return ExitCodes.Problems;
            }

            output.WriteLine(locked.Equals(desired)
                ? $"'{path}' is up to date."
                : $"'{path}' records the named volumes; the code adds volumes or mount points, which strand nothing (the next build records them).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
