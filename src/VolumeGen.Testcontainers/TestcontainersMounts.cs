using System;
using System.Collections.Generic;
using System.Linq;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using VolumeGen.Docker;

namespace VolumeGen.Testcontainers;

/// <summary>
/// The declared mounts on a Testcontainers builder. They go into the container's create parameters
/// (<c>HostConfig.Mounts</c>, and <c>HostConfig.Binds</c> for SELinux-labelled bind mounts), converted by
/// <see cref="DockerMountConversion"/>: a tmpfs keeps its size and mode (Testcontainers' own <c>WithTmpfsMount</c>
/// has neither), and a named volume the engine creates for the container carries VolumeGen's labels, as
/// <c>volumegen ensure</c> creates it.
/// </summary>
public static class TestcontainersMounts
{
    /// <summary>Adds every mount of <paramref name="mounts"/> (e.g. <c>AppStorage.Mounts</c>) to the container.</summary>
    /// <param name="builder">Any Testcontainers container builder.</param>
    /// <param name="mounts">The declared mounts.</param>
    /// <param name="bindRoot">Root for relative bind sources (<c>./config</c>); default: the current directory.</param>
    /// <exception cref="ArgumentException">The mounts break a declaration rule (an error); the message names each problem.</exception>
    public static TBuilder WithVolumeGenMounts<TBuilder, TContainer, TConfiguration>(
        this IContainerBuilder<TBuilder, TContainer, TConfiguration> builder,
        MountSet mounts,
        string? bindRoot = null)
        where TBuilder : IContainerBuilder<TBuilder, TContainer, TConfiguration>
        where TContainer : IContainer
        where TConfiguration : IContainerConfiguration
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        // Warnings (a sensitive bind source, say) are the declaration's business; errors would fail at container create.
        List<MountProblem> problems = mounts.Validate().Where(static p => p.Severity == MountProblemSeverity.Error).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The mounts cannot be applied to a container:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(static p => "  " + p.Message)),
                nameof(mounts));
        }

        // Converted now, so relative bind sources resolve against the directory current at this call, not at start.
        HostConfig declared = mounts.ToHostConfig(bindRoot);
        return builder.WithCreateParameterModifier(parameters =>
        {
            parameters.HostConfig ??= new HostConfig();
            parameters.HostConfig.Mounts = Concat(parameters.HostConfig.Mounts, declared.Mounts);
            parameters.HostConfig.Binds = Concat(parameters.HostConfig.Binds, declared.Binds);
        });
    }

    // Fresh lists on every create: the modifier may run more than once (reuse), and the declared lists stay untouched.
    private static List<T> Concat<T>(IList<T>? existing, IList<T>? added)
    {
        var result = new List<T>();
        if (existing is not null)
        {
            result.AddRange(existing);
        }

        if (added is not null)
        {
            result.AddRange(added);
        }

        return result;
    }
}
