namespace VolumeGen.Docker;

/// <summary>The labels VolumeGen puts on the named volumes it creates, so they can be found (and told apart) later.</summary>
public static class VolumeLabels
{
    /// <summary><c>dev.volumegen.managed=true</c>: created by VolumeGen.</summary>
    public const string Managed = "dev.volumegen.managed";

    /// <summary><c>dev.volumegen.target</c>: the container path the volume was declared for.</summary>
    public const string Target = "dev.volumegen.target";

    /// <summary><c>dev.volumegen.migrated-from</c>: on a volume <c>volumegen migrate</c> created, the volume it copied.</summary>
    public const string MigratedFrom = "dev.volumegen.migrated-from";

    /// <summary><c>dev.volumegen.helper=true</c>: a never-started container VolumeGen creates to read or write volumes through the engine's archive endpoints.</summary>
    public const string Helper = "dev.volumegen.helper";

    /// <summary>
    /// <c>dev.volumegen.helper-process=&lt;machine&gt;/&lt;pid&gt;/&lt;start time&gt;</c>: on a helper, the process that created it, so a
    /// later run can tell a helper a crashed (killed) run left from one a running process still uses.
    /// </summary>
    public const string HelperProcess = "dev.volumegen.helper-process";
}
