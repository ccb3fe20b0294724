using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Aspire.Hosting.ApplicationModel;
using VolumeGen;

// Aspire's convention: integration extensions live in Aspire.Hosting, so they show up next to WithVolume.
namespace Aspire.Hosting;

/// <summary>
/// The mounts a VolumeGen storage class declares (<c>AppStorage.Mounts</c>), on Aspire resources. See docs/interop.md.
/// </summary>
public static class VolumeGenResourceBuilderExtensions
{
    /// <summary>The folder under the AppHost folder that holds project resources' declared paths in run mode.</summary>
    public const string DefaultHostFolderName = ".volumegen";

    /// <summary>
    /// Adds the declared mounts to a container or Dockerfile resource: named and anonymous volumes with
    /// <c>WithVolume</c>, bind mounts with <c>WithBindMount</c> (so the manifest publisher writes both), tmpfs mounts
    /// and SELinux-labelled bind mounts as container runtime arguments (<c>--mount type=tmpfs,…</c>, <c>-v …:z</c>),
    /// which Aspire's mount model cannot express.
    /// </summary>
    /// <param name="builder">A container resource (<c>AddContainer</c>, <c>AddDockerfile</c>).</param>
    /// <param name="mounts">The declared mounts.</param>
    /// <param name="bindRoot">Root for relative bind sources; default: the AppHost folder (Aspire's own rule for <c>WithBindMount</c>).</param>
    /// <exception cref="ArgumentException">The mounts break a declaration rule (an error); the message names each problem.</exception>
    public static IResourceBuilder<T> WithVolumeGenMounts<T>(this IResourceBuilder<T> builder, MountSet mounts, string? bindRoot = null)
        where T : ContainerResource
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        Validate(mounts);
        string root = bindRoot is null ? builder.ApplicationBuilder.AppHostDirectory : Path.GetFullPath(bindRoot, builder.ApplicationBuilder.AppHostDirectory);
        var runtimeArguments = new List<string>();
        foreach (Mount mount in mounts)
        {
            switch (mount.Kind)
            {
                case MountKind.NamedVolume:
                    // Aspire has no 'nocopy' volume option; the volume is mounted without it (docs/interop.md).
                    builder.WithVolume(mount.Source, mount.Target, mount.ReadOnly);
                    break;
                case MountKind.AnonymousVolume:
                    builder.WithVolume(mount.Target);
                    break;
                case MountKind.Bind when mount.SelinuxLabel == SelinuxLabel.None:
                    builder.WithBindMount(RunArguments.ResolveBindSource(mount.Source ?? string.Empty, root), mount.Target, mount.ReadOnly);
                    break;
                case MountKind.Bind:
                    runtimeArguments.AddRange(RunArguments.Format(new[] { mount }, MountStyle.Volume, root));
                    break;
                default:
                    runtimeArguments.AddRange(RunArguments.Format(new[] { mount }, MountStyle.Mount, root));
                    break;
            }
        }

        return runtimeArguments.Count == 0 ? builder : builder.WithContainerRuntimeArgs(runtimeArguments.ToArray());
    }

    /// <summary>
    /// For a project resource in run mode (the app runs on the host, not in a container): passes each declared path's
    /// host folder as configuration (<c>VolumeGen__Paths__app__data</c>, which <c>AppStorage.Resolve</c> reads) and
    /// creates the folder, so the app writes to folders the AppHost manages instead of the container paths. Named and
    /// anonymous volumes and tmpfs mounts get <c>{hostRoot}/{resource}/{container path}</c>; bind mounts their own
    /// source. Publish mode adds nothing: there the project becomes a container that has the container paths.
    /// </summary>
    /// <param name="builder">A project resource (<c>AddProject</c>).</param>
    /// <param name="mounts">The project's declared mounts.</param>
    /// <param name="hostRoot">Root of the managed folders; default: <c>.volumegen</c> in the AppHost folder.</param>
    /// <param name="bindRoot">Root for relative bind sources; default: the project's folder (where the declaration's <c>./config</c> is).</param>
    /// <exception cref="ArgumentException">The mounts break a declaration rule (an error); the message names each problem.</exception>
    public static IResourceBuilder<ProjectResource> WithVolumeGenMounts(this IResourceBuilder<ProjectResource> builder, MountSet mounts, string? hostRoot = null, string? bindRoot = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        Validate(mounts);
        string appHost = builder.ApplicationBuilder.AppHostDirectory;
        string root = Path.GetFullPath(hostRoot ?? DefaultHostFolderName, appHost);
        string projectFolder = Path.GetDirectoryName(builder.Resource.GetProjectMetadata().ProjectPath) ?? appHost;
        string sources = bindRoot is null ? projectFolder : Path.GetFullPath(bindRoot, appHost);
        string resourceName = builder.Resource.Name;
        return builder.WithEnvironment(context =>
        {
            if (!context.ExecutionContext.IsRunMode)
            {
                return;
            }

            foreach (Mount mount in mounts)
            {
                string folder = mount.Kind == MountKind.Bind
                    ? Path.GetFullPath(RunArguments.ResolveBindSource(mount.Source ?? string.Empty, sources))
                    : Path.Combine(root, resourceName, mount.Target.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
                if (mount.Kind != MountKind.Bind)
                {
                    // Created by the AppHost's user, who also runs the project: no permission surprise on first write.
                    Directory.CreateDirectory(folder);
                }

                context.EnvironmentVariables[HostFolders.EnvironmentVariable(HostFolders.PathKey(mount.Target))] = folder;
            }
        });
    }

    private static void Validate(MountSet mounts)
    {
        if (mounts is null)
        {
            throw new ArgumentNullException(nameof(mounts));
        }

        List<MountProblem> problems = mounts.Validate().Where(static p => p.Severity == MountProblemSeverity.Error).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The mounts cannot be applied to an Aspire resource:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(static p => "  " + p.Message)),
                nameof(mounts));
        }
    }
}
