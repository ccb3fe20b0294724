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
        Validate(app, static value => OutputNames.KubernetesNameProblem(value, "--app"));
        Validate(storage, static value => OutputNames.QuantityProblem(value, "--storage"));
        Validate(storageClass, static value => OutputNames.StorageClassProblem(value, "--storage-class"));

        var command = new Command("k8s", "Print Kubernetes YAML: a PersistentVolumeClaim per named volume and a kustomize-ready Deployment patch with volumes and volumeMounts.");
        input.AddTo(command);
        command.Add(app);
        command.Add(storage);
        command.Add(storageClass);
        command.Add(accessMode);
        command.Add(hostPath);
        command.Add(bindRoot);
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
