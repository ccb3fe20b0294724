namespace VolumeGen.Build.Outputs;

/// <summary>One output as the plan says it becomes: its path, its whole new content, and what it is in the user's words.</summary>
/// <param name="Path">The file.</param>
/// <param name="Content">Its bytes after the commit (a file whose bytes are already these is left alone).</param>
/// <param name="What">What it is, e.g. <c>the compose override (VolumeGenComposeFile)</c>.</param>
internal sealed record PlannedFile(string Path, byte[] Content, string What);
