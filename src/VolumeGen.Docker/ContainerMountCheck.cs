using System;
using System.Collections.Generic;
using Mount = VolumeGen.Mount;

namespace VolumeGen.Docker;

/// <summary>One declared mount and what the container really has at its path.</summary>
public sealed class ContainerMountCheck
{
    /// <summary>Creates a check result.</summary>
    public ContainerMountCheck(Mount declared, string actual, IReadOnlyList<ContainerMountFinding> findings, IReadOnlyList<string> details)
    {
        Declared = declared ?? throw new ArgumentNullException(nameof(declared));
        Actual = actual ?? throw new ArgumentNullException(nameof(actual));
        Findings = findings ?? throw new ArgumentNullException(nameof(findings));
        Details = details ?? throw new ArgumentNullException(nameof(details));
    }

    /// <summary>The declared mount.</summary>
    public Mount Declared { get; }

    /// <summary>What is mounted there, in words (e.g. <c>anonymous volume 3f2a…</c>, <c>nothing</c>).</summary>
    public string Actual { get; }

    /// <summary>Every difference found; empty when the container matches the declaration.</summary>
    public IReadOnlyList<ContainerMountFinding> Findings { get; }

    /// <summary>One sentence per finding, naming the path and the fix.</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>True when the container has exactly the declared mount.</summary>
    public bool IsOk => Findings.Count == 0;

    /// <inheritdoc />
    public override string ToString()
        => IsOk ? $"ok       {Declared.Target}: {Actual}" : $"PROBLEM  {Declared.Target}: {string.Join(" ", Details)}";
}
