using System.CommandLine;
using System.IO;
using System.Linq;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen run-args</c>: the <c>docker run</c> mount arguments.</summary>
internal static class RunArgsCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        var style = new Option<string>("--style")
        {
            Description = "mount: --mount type=…,source=…,target=… (default; fails on a missing bind source); v: -v source:target[:ro] (needed for SELinux z/Z).",
            DefaultValueFactory = _ => "mount",
        };
        style.AcceptOnlyFromAmong("mount", "v");
        var shell = new Option<string>("--shell")
        {
            Description = "posix: one line quoted for sh/bash/zsh (default); powershell: one line quoted for PowerShell; none: one argument per line, unquoted.",
            DefaultValueFactory = _ => "posix",
        };
        shell.AcceptOnlyFromAmong("posix", "powershell", "none");
        var bindRoot = BindRootOption.Create();

        var command = new Command("run-args", "Print the docker run arguments that create the declared mounts.");
        input.AddTo(command);
        command.Add(style);
        command.Add(shell);
        command.Add(bindRoot);
        command.SetAction(parse =>
        {
            MountSet mounts = input.ReadMounts(parse);
            MountStyle mountStyle = parse.GetValue(style) == "v" ? MountStyle.Volume : MountStyle.Mount;
            string[] arguments = mounts.ToRunArguments(mountStyle, BindRootOption.Resolve(parse, bindRoot));
            TextWriter output = parse.InvocationConfiguration.Output;
            switch (parse.GetValue(shell))
            {
                case "none":
                    // One argument per line: a line break inside one would print a second argument. The manifest
                    // was validated, so only a --bind-root with a line break can get here; refuse it.
                    if (arguments.FirstOrDefault(static a => a.IndexOfAny(new[] { '\n', '\r' }) >= 0) is string broken)
                    {
                        throw new CliException($"The argument '{broken.Replace("\n", "\\n").Replace("\r", "\\r")}' holds a line break, which --shell none cannot print as one line; use --shell posix.");
                    }

                    foreach (string argument in arguments)
                    {
                        output.WriteLine(argument);
                    }

                    break;
                case "powershell":
                    output.WriteLine(ShellQuoting.Join(arguments, ShellDialect.PowerShell));
                    break;
                default:
                    output.WriteLine(ShellQuoting.Join(arguments, ShellDialect.Posix));
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
