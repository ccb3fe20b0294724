namespace VolumeGen.Build.Containers;

/// <summary>
/// One member of a tar archive: its name, its 512-byte header as read (so it is written back unchanged), its content,
/// and the raw extended headers (pax <c>x</c>, GNU long name <c>L</c>) that precede it and belong to it.
/// </summary>
internal sealed record TarEntry(string Name, byte[] Header, byte[] Content, byte[]? Extensions = null);
