using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Cli.Commands;

/// <summary><c>volumegen k8s</c>: PersistentVolumeClaims and a Deployment patch.</summary>
internal static class KubernetesCommand
{
    public static Command Create()
    {
        var input = new ManifestInput();
        var app = new Option<string?>("--app")
        {
            Description = "Name of the Deployment and its container; default: the assembly's name as a DNS label.",
            HelpName = "name",
        };
        var storage = new Option<string>("--storage")
        {
            Description = "Storage each PersistentVolumeClaim requests (Kubernetes quantity).",
            DefaultValueFactory = _ => "1Gi",
        };
        var storageClass = new Option<string?>("--storage-class") { Description = "Storage class of each claim; default: the cluster's.", HelpName = "name" };
        var accessMode = new Option<string>("--access-mode")
        {
            Description = "Access mode of each claim.",
            DefaultValueFactory = _ => "ReadWriteOnce",
        };
        accessMode.AcceptOnlyFromAmong("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");
        var hostPath = new Option<bool>("--include-host-path") { Description = "Emit bind mounts as hostPath volumes (ties the pod to one node; off by default)." };
        var bindRoot = BindRootOption.Create();
        var fsGroup = new Option<long?>("--fs-group")
        {
            Description = "The pod's securityContext.fsGroup: the container user's group id (1654 for the .NET images' app user), so a non-root user can write its claims; default: the group of the Dockerfile's USER, as the build task finds it.",
            HelpName = "gid",
        };
        var dockerfile = new Option<string?>("--dockerfile")
        {
            Description = "The Dockerfile the image is built from, for the user the pod runs as (its fsGroup); default: the Dockerfile beside the nearest project file above the assembly (the build task's default).",
            HelpName = "path",
        };
        var target = new Option<string?>("--target")
        {
            Description = "The Dockerfile stage the image is built from (as docker build --target); default: the last stage.",
            HelpName = "stage",
        };
        var output = OutputFileOption.Create("deploy/volumes.yaml");
        var workload = new Option<string>("--workload")
        {
            Description = "Deployment (strategy Recreate with ReadWriteOnce claims) or StatefulSet (volumeClaimTemplates).",
            DefaultValueFactory = _ => "Deployment",
        };
        workload.AcceptOnlyFromAmong("Deployment", "StatefulSet");
        var configMaps = new Option<bool>("--config-maps") { Description = "Emit read-only bind mounts as configMap volumes named <app>-<volume>." };
        fsGroup.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() is long value && OutputNames.FsGroupProblem(value, "--fs-group") is string problem)
            {
                result.AddError(problem);
            }
        });
        Validate(app, static value => OutputNames.KubernetesNameProblem(value, "--app"));
        Validate(storage, static value => OutputNames.QuantityProblem(value, "--storage"));
        Validate(storageClass, static value => OutputNames.StorageClassProblem(value, "--storage-class"));

        var command = new Command("k8s", "Print (or --output) Kubernetes YAML: a PersistentVolumeClaim per named volume and a kustomize-ready Deployment (or StatefulSet) patch with volumes, volumeMounts and the pod's fsGroup (from --fs-group, else the Dockerfile's USER).");
        input.AddTo(command);
        command.Add(app);
        command.Add(storage);
        command.Add(storageClass);
        command.Add(accessMode);
        command.Add(hostPath);
        command.Add(bindRoot);
        command.Add(fsGroup);
        command.Add(dockerfile);
        command.Add(target);
        command.Add(workload);
        command.Add(configMaps);
        command.Add(output);
        command.SetAction(parse =>
        {
            MountSet mounts = input.ReadMounts(parse);
            string assembly = parse.GetValue(input.Assembly) ?? string.Empty;
            string name = parse.GetValue(app) is { Length: > 0 } given
                ? given
                : KubernetesManifests.Dns1123Label(Path.GetFileNameWithoutExtension(assembly));
            long? group = parse.GetValue(fsGroup) ?? ImageFsGroup(assembly, parse.GetValue(dockerfile), parse.GetValue(target), mounts, parse.InvocationConfiguration.Error);
            var options = new KubernetesOptions
            {
                StorageRequest = parse.GetValue(storage) ?? "1Gi",
                StorageClassName = parse.GetValue(storageClass),
                AccessMode = parse.GetValue(accessMode) ?? "ReadWriteOnce",
                IncludeHostPath = parse.GetValue(hostPath),
                BindRoot = BindRootOption.Resolve(parse, bindRoot),
                FsGroup = group,
                Workload = parse.GetValue(workload) == "StatefulSet" ? KubernetesWorkload.StatefulSet : KubernetesWorkload.Deployment,
                ConfigMapsForReadOnlyBinds = parse.GetValue(configMaps),
            };
            OutputFileOption.Emit(parse, output, KubernetesManifests.Format(mounts, name, options));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The fsGroup of the user the image runs as (<see cref="ContainerUser"/>, the build task's rule): from
    /// <paramref name="dockerfile"/>, else the Dockerfile beside the project. When it cannot be told and the pod has
    /// claims to write, a note on <paramref name="error"/> says so and how to pass it.
    /// </summary>
    private static long? ImageFsGroup(string assembly, string? dockerfile, string? target, MountSet mounts, TextWriter error)
    {
        bool claims = mounts.NamedVolumes.Any();
        string? path = dockerfile;
        if (string.IsNullOrWhiteSpace(path))
        {
            string? project = ProjectFiles.FolderAtOrAbove(Path.GetDirectoryName(Path.GetFullPath(assembly)) ?? ".");
            path = project is null ? null : Path.Combine(project, "Dockerfile");
            if (path is null || !File.Exists(path))
            {
                if (claims)
                {
                    error.WriteLine($"volumegen: no Dockerfile {(path is null ? "beside a project file above '" + assembly + "'" : "at '" + path + "'")}, so VolumeGen does not know the user the image runs as, and the pod gets no securityContext.fsGroup. A non-root image (USER $APP_UID, a chiseled image, SDK container publishing) cannot write its claims without one: pass --fs-group 1654 (the .NET images' app user) or the user's group id, or the Dockerfile with --dockerfile.");
                }

                return null;
            }
        }

        string text;
        try
        {
            text = File.ReadAllText(path!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"Cannot read the Dockerfile '{path}': {exception.Message}");
        }

        Dockerfile model = Dockerfile.Parse(text);
        DockerfileStage? stage = model.FinalStage(target);
        if (!string.IsNullOrWhiteSpace(target) && stage is null)
        {
            throw new CliException($"--target '{target}': '{path}' has no stage of that name.");
        }

        ContainerUser? user = ContainerUser.Of(stage);
        if (user is not null && user.FsGroupUnknown && claims)
        {
            error.WriteLine($"volumegen: the image runs as '{user.Text}' (the USER of '{path}'), whose numeric id VolumeGen cannot tell, so the pod gets no securityContext.fsGroup and may not be able to write its claims. Pass --fs-group with the user's group id.");
        }

        return user?.FsGroup;
    }

    // The same rules, and words, as the build task's VolumeGenKubernetes* properties.
    private static void Validate(Option option, System.Func<string, string?> problemOf)
        => option.Validators.Add(result =>
        {
            string? value = result.Tokens.Count > 0 ? result.Tokens[result.Tokens.Count - 1].Value : null;
            if (value is not null && problemOf(value) is string problem)
            {
                result.AddError(problem);
            }
        });
}
