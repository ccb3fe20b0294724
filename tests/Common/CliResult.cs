using System.IO;
using System.Threading.Tasks;
using VolumeGen.Cli;

namespace VolumeGen.TestSupport;

internal sealed record CliResult(int ExitCode, string Output, string Error);
