using System.Collections.Generic;

namespace VolumeGen.Docker;

/// <summary>What <see cref="VolumeMigration.MigrateVolumeAsync"/> would do (<c>volumegen migrate --dry-run</c>); made without changing anything.</summary>
/// <param name="From">The old volume.</param>
/// <param name="To">The new volume.</param>
/// <param name="Target">The container path recorded on the new volume, when known.</param>
/// <param name="FromExists">False: there is nothing to copy (the migration would be refused).</param>
/// <param name="ToExists">True: the new volume exists; the migration copies only into an empty one, or finds it already holds the copy.</param>
/// <param name="Users">Every container using either volume; a running one makes the migration refuse.</param>
/// <param name="Image">The helper container's image, or null when none was found (<see cref="ImageProblem"/> says why).</param>
/// <param name="ImageProblem">Why no image was found; null when one was.</param>
public sealed record VolumeMigrationPlan(string From, string To, string? Target, bool FromExists, bool ToExists, IReadOnlyList<VolumeUser> Users, string? Image, string? ImageProblem);
