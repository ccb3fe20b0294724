using System.CommandLine;
using System.IO;
using System.Linq;

namespace VolumeGen.Cli.Commands;

/// <summary>The <c>--bind-root</c> option: where relative bind sources resolve.</summary>
internal static class BindRootOption
{
    public static Option<string?> Create() => new("--bind-root")
    {
        Description = "Folder that relative bind sources (./config) resolve against; default: the current directory.",
        HelpName = "dir",
    };

    public static string Resolve(ParseResult parse, Option<string?> option)
    {
        string? value = parse.GetValue(option);
        if (string.IsNullOrEmpty(value))
        {
            return Directory.GetCurrentDirectory();
        }

        if (!Directory.Exists(value))
        {
            throw new CliException($"--bind-root '{value}' is not an existing folder; pass the folder your bind sources are relative to.");
        }

        return Path.GetFullPath(value);
    }
}
