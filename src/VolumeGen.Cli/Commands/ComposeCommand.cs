using System.CommandLine;
using System.IO;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen compose</c>: the compose override file.</summary>
internal static class ComposeCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        var service = new Option<string?>("--service")
        {
            Description = "The compose service the mounts belong to; default: the assembly's name in lower case, other characters '-'.",
            HelpName = "name",
        };
        service.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && OutputNames.ComposeServiceProblem(value, "--service") is string problem)
            {
                result.AddError(problem);
            }
        });
        var output = OutputFileOption.Create("compose.volumegen.yaml");
        var command = new Command("compose", "Print (or --output) a compose override (compose.volumegen.yaml) with the service's volumes and the top-level named volumes: docker compose -f compose.yaml -f compose.volumegen.yaml up.");
        input.AddTo(command);
        command.Add(service);
        command.Add(output);
        command.SetAction(parse =>
        {
            MountSet mounts = input.ReadMounts(parse);
            string name = parse.GetValue(service) is { Length: > 0 } given
                ? given
                : OutputNames.ComposeService(Path.GetFileNameWithoutExtension(parse.GetValue(input.Assembly) ?? string.Empty));
            OutputFileOption.Emit(parse, output, ComposeOverride.Format(mounts, name));
            return ExitCodes.Ok;
        });
        return command;
    }
}
