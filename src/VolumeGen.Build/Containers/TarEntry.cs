namespace VolumeGen.Build.Containers;

/// <summary>One member of a tar archive: its name, its 512-byte header as read (so it is written back unchanged) and its content.</summary>
internal sealed record TarEntry(string Name, byte[] Header, byte[] Content);
