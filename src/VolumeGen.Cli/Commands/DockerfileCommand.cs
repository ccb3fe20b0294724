using System.CommandLine;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen dockerfile</c>: the <c>VOLUME</c> instruction.</summary>
internal static class DockerfileCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        // A string, not a char: System.CommandLine's char conversion throws inside validation (exit 134).
        var escape = new Option<string>("--escape")
        {
            Description = "The Dockerfile's escape character: \\ (default) or ` (after '# escape=`').",
            DefaultValueFactory = _ => "\\",
            HelpName = "\\|`",
        };
        escape.AcceptOnlyFromAmong("\\", "`");
        var command = new Command("dockerfile", "Print the Dockerfile VOLUME instruction (JSON form, escaped for Docker's word processor) for the declared named and anonymous volumes.");
        input.AddTo(command);
        command.Add(escape);
        command.SetAction(parse =>
        {
            MountSet mounts = input.ReadMounts(parse);
            string volume = mounts.ToDockerfileVolume(parse.GetValue(escape) == "`" ? '`' : '\\');
            if (volume.Length == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("volumegen: no named or anonymous volumes are declared; a Dockerfile needs no VOLUME.");
                return ExitCodes.Ok;
            }

            parse.InvocationConfiguration.Output.WriteLine(volume.TrimEnd('\n'));
            return ExitCodes.Ok;
        });
        return command;
    }
}
