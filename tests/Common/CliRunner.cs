using System.IO;
using System.Threading.Tasks;
using VolumeGen.Cli;

namespace VolumeGen.TestSupport;

/// <summary>Runs the volumegen command tree in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await VolumeGenCli.RunAsync(args, output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
