using System.CommandLine;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen dockerfile</c>: the <c>VOLUME</c> instruction.</summary>
internal static class DockerfileCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        var escape = new Option<char>("--escape")
        {
            Description = "The Dockerfile's escape character: \\ (default) or ` (after '# escape=`').",
            DefaultValueFactory = _ => '\\',
        };
        escape.Validators.Add(result =>
        {
            char value = result.GetValueOrDefault<char>();
            if (value is not ('\\' or '`'))
            {
                result.AddError($"--escape '{value}' is not a Dockerfile escape character; use \\ or `.");
            }
        });
        var command = new Command("dockerfile", "Print the Dockerfile VOLUME instruction (JSON form, escaped for Docker's word processor) for the declared named and anonymous volumes.");
        input.AddTo(command);
        command.Add(escape);
        command.SetAction(parse =>
        {
            MountSet mounts = input.ReadMounts(parse);
            string volume = mounts.ToDockerfileVolume(parse.GetValue(escape));
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
