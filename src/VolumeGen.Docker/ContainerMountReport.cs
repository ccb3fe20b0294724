using System;
using System.Collections.Generic;
using System.Linq;

namespace VolumeGen.Docker;

/// <summary>Every declared mount of one container, checked.</summary>
public sealed class ContainerMountReport
{
    /// <summary>Creates a report.</summary>
    public ContainerMountReport(string container, IReadOnlyList<ContainerMountCheck> checks)
    {
        Container = container ?? throw new ArgumentNullException(nameof(container));
        Checks = checks ?? throw new ArgumentNullException(nameof(checks));
    }

    /// <summary>The container's name (or id) as the engine reports it.</summary>
    public string Container { get; }

    /// <summary>One entry per declared mount, in declaration order.</summary>
    public IReadOnlyList<ContainerMountCheck> Checks { get; }

    /// <summary>The checks that found problems.</summary>
    public IEnumerable<ContainerMountCheck> Problems => Checks.Where(static c => !c.IsOk);

    /// <summary>True when every declared mount is there as declared.</summary>
    public bool IsOk => Checks.All(static c => c.IsOk);
}
