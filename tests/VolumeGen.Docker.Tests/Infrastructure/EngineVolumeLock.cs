using System;
using System.IO;
using System.Threading;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// A lock across test processes (the test projects of one <c>dotnet test VolumeGen.sln</c> run in parallel): the
/// ProfileService tests compare the engine's whole volume list before and after a container, so the test projects
/// that start containers with volumes on the same engine hold this lock while they do. Linked by every such project.
/// </summary>
public static class EngineVolumeLock
{
    /// <summary>Waits (up to 30 minutes) until no other test process holds the lock for this engine; dispose to release.</summary>
    public static IDisposable Acquire()
    {
        string engine = DockerEndpoint.Resolve().ToString();
        string path = Path.Combine(Path.GetTempPath(), "volumegen-engine-" + StableHash(engine) + ".lock");
        DateTime giveUp = DateTime.UtcNow.AddMinutes(30);
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock between .NET processes (flock on Unix).
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < giveUp)
            {
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        }
    }

    private static string StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
