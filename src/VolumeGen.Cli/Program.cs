using System;
using System.Threading.Tasks;
using VolumeGen.Cli;

return await VolumeGenCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
