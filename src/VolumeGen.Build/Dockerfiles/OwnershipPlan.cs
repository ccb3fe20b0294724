namespace VolumeGen.Build.Dockerfiles;

/// <summary>
/// What the Dockerfile block does so the container user can write the volume folders (<see cref="OwnershipPlanner"/>).
/// </summary>
/// <param name="Form">No step, <c>RUN mkdir + chown</c>, or <c>COPY --chown</c> of an empty folder.</param>
/// <param name="Owner">The user (and group) the folders are given to, as the Dockerfile writes it.</param>
/// <param name="UserAtBlock">For the run form: the non-root USER in effect at the block, switched back to after <c>USER root</c>; else null.</param>
/// <param name="Problem">Why the folders cannot be given to the user as asked (a VG3030 warning at <paramref name="ProblemLine"/>), or null.</param>
/// <param name="ProblemLine">The 1-based Dockerfile line the problem is reported at.</param>
internal sealed record OwnershipPlan(DockerfileOwnership Form, string Owner, string? UserAtBlock, string? Problem, int ProblemLine);
