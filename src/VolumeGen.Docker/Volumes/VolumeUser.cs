namespace VolumeGen.Docker;

/// <summary>A container that mounts a volume.</summary>
/// <param name="Id">Container id.</param>
/// <param name="Name">Container name, without the leading <c>/</c>.</param>
/// <param name="Image">The image it was created from, as given (e.g. <c>profileservice:1.2</c>).</param>
/// <param name="ImageId">The image's id.</param>
/// <param name="State">The engine's state word: <c>running</c>, <c>paused</c>, <c>restarting</c>, <c>exited</c>, <c>created</c>, …</param>
public sealed record VolumeUser(string Id, string Name, string Image, string ImageId, string State)
{
    /// <summary>True when the container's processes may be writing to the volume right now.</summary>
    public bool IsActive => State is "running" or "paused" or "restarting";
}
