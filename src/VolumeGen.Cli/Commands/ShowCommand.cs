using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen show</c>: the declared mounts, class by class, and any validation problems.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        var command = new Command("show", "List the storage classes and mounts the assembly declares, and any warnings; declarations with errors are listed on stderr instead (exit 1).");
        input.AddTo(command);
        command.SetAction(parse =>
        {
            VolumeManifest manifest = input.ReadValidManifest(parse);
            string? className = parse.GetValue(input.Class);
            TextWriter output = parse.InvocationConfiguration.Output;
            var classes = ManifestInput.SelectClasses(manifest, className);
            foreach (ManifestClass storage in classes)
            {
                output.WriteLine(storage.Name);
                foreach (Mount mount in storage.Mounts)
                {
                    output.WriteLine("  " + Describe(mount));
                }
            }

            if (manifest.EphemeralPaths.Count > 0 && string.IsNullOrEmpty(className))
            {
                output.WriteLine("Ephemeral paths (data there is meant to be lost):");
                foreach (string path in manifest.EphemeralPaths)
                {
                    output.WriteLine("  " + path);
                }
            }

            var problems = classes.SelectMany(static c => c.Mounts.Validate()).ToList();
            foreach (MountProblem problem in problems)
            {
                parse.InvocationConfiguration.Error.WriteLine($"{(problem.Severity == MountProblemSeverity.Error ? "error" : "warning")} {problem}");
            }

            return MountValidator.HasErrors(problems) ? ExitCodes.Problems : ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(Mount mount)
    {
        string kind = mount.Kind switch
        {
            MountKind.NamedVolume => "volume",
            MountKind.AnonymousVolume => "anonymous",
            MountKind.Bind => "bind",
            _ => "tmpfs",
        };
        string line = kind.PadRight(10) + mount.Target;
        switch (mount.Kind)
        {
            case MountKind.NamedVolume:
                line += "  name=" + mount.Source;
                break;
            case MountKind.Bind:
                line += "  source=" + mount.Source;
                break;
        }

        if (mount.ReadOnly)
        {
            line += "  read-only";
        }

        if (mount.NoCopy)
        {
            line += "  nocopy";
        }

        if (SelinuxLabels.ToOption(mount.SelinuxLabel) is string selinux)
        {
            line += "  selinux=" + selinux;
        }

        if (mount.TmpfsSizeBytes is long size)
        {
            line += "  size=" + size.ToString(CultureInfo.InvariantCulture);
        }

        if (mount.TmpfsMode is int mode)
        {
            line += "  mode=" + OctalMode.Format(mode);
        }

        return line;
    }
}
