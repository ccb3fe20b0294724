using System.CommandLine;
using System.IO;

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
            Description = "The pod's securityContext.fsGroup: the container user's group id (1654 for the .NET images' app user), so a non-root user can write its claims.",
            HelpName = "gid",
        };
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

        var command = new Command("k8s", "Print Kubernetes YAML: a PersistentVolumeClaim per named volume and a kustomize-ready Deployment (or StatefulSet) patch with volumes, volumeMounts and the pod's fsGroup.");
        input.AddTo(command);
        command.Add(app);
        command.Add(storage);
        command.Add(storageClass);
        command.Add(accessMode);
        command.Add(hostPath);
        command.Add(bindRoot);
        command.Add(fsGroup);
        command.Add(workload);
        command.Add(configMaps);
        command.SetAction(parse =>
        {
            MountSet mounts = input.ReadMounts(parse);
            string name = parse.GetValue(app) is { Length: > 0 } given
                ? given
                : KubernetesManifests.Dns1123Label(Path.GetFileNameWithoutExtension(parse.GetValue(input.Assembly) ?? string.Empty));
            var options = new KubernetesOptions
            {
                StorageRequest = parse.GetValue(storage) ?? "1Gi",
                StorageClassName = parse.GetValue(storageClass),
                AccessMode = parse.GetValue(accessMode) ?? "ReadWriteOnce",
                IncludeHostPath = parse.GetValue(hostPath),
                BindRoot = BindRootOption.Resolve(parse, bindRoot),
                FsGroup = parse.GetValue(fsGroup),
                Workload = parse.GetValue(workload) == "StatefulSet" ? KubernetesWorkload.StatefulSet : KubernetesWorkload.Deployment,
                ConfigMapsForReadOnlyBinds = parse.GetValue(configMaps),
            };
            parse.InvocationConfiguration.Output.Write(KubernetesManifests.Format(mounts, name, options));
            return ExitCodes.Ok;
        });
        return command;
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
