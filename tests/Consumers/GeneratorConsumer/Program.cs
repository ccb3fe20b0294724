using System;
using System.Reflection;

namespace GeneratorConsumer
{
    /// <summary>Prints what the generated members hold, one fact per line, for the build test to check.</summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main()
        {
            Console.WriteLine("Profiles=" + AppStorage.Profiles);
            Console.WriteLine("Cache=" + AppStorage.Cache);
            Console.WriteLine("Config=" + AppStorage.Config);
            Console.WriteLine("Scratch=" + AppStorage.Scratch);
            Console.WriteLine("Uploads=" + Outer.UploadStore.Uploads);
            Console.WriteLine("Count=" + AppStorage.Mounts.Count);
            Console.WriteLine("Args=" + string.Join(" ", AppStorage.RunArguments(bindRoot: "/host")));
            Console.WriteLine("VolumeArgs=" + string.Join(" ", AppStorage.RunArguments(VolumeGen.MountStyle.Volume, "/host")));
            Console.WriteLine("Line=" + AppStorage.CommandLine(VolumeGen.ShellDialect.Posix, VolumeGen.MountStyle.Mount, "/host"));
            Console.WriteLine("Dockerfile=" + AppStorage.DockerfileVolume);
            foreach (AssemblyMetadataAttribute metadata in typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            {
                if (metadata.Key == "VolumeGen.Manifest")
                {
                    Console.WriteLine("Manifest=" + metadata.Value);
                }
            }

            return 0;
        }
    }
}
