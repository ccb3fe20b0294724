namespace VolumeGen.Docker;

/// <summary>A volume a <see cref="HelperContainer"/> mounts at <c>/volumegen/&lt;Folder&gt;</c>.</summary>
internal sealed record HelperMount(string Volume, string Folder, bool ReadOnly);
