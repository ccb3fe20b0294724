namespace VolumeGen.Build.Dockerfiles;

/// <summary>What <c>VolumeGenDockerfileOwnership</c> asks of the block's ownership step (docs/build.md, the values it accepts).</summary>
public enum OwnershipSetting
{
    /// <summary>Empty or <c>auto</c>: follow the image (<see cref="OwnershipPlanner"/>).</summary>
    Auto = 0,

    /// <summary><c>none</c> (or <c>false</c>): no ownership step, whatever the user.</summary>
    None = 1,

    /// <summary><c>run</c> (or <c>true</c>): the <c>RUN mkdir + chown</c> step.</summary>
    Run = 2,

    /// <summary><c>copy</c>: the <c>COPY --chown</c> step.</summary>
    Copy = 3,
}
