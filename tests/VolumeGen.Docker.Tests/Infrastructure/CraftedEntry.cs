using System.Formats.Tar;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>One entry of a <see cref="CraftedArchive"/>: the tar name as written, and the path below the volume's root (null when the name is not below it).</summary>
internal sealed record CraftedEntry(string Name, TarEntryType Type, int Mode, int Uid, int Gid, byte[]? Data, string? LinkName, string? Relative);
