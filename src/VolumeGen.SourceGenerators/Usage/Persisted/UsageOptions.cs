using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The options the usage analyzers read from .editorconfig / .globalconfig and the compiler-visible MSBuild
/// properties. Read once per (compilation, options set); value-equal so knowledge built from equal options is shared.
/// </summary>
internal sealed class UsageOptions : IEquatable<UsageOptions>
{
    public const string WorkingDirectoryKey = "volumegen.working_directory";
    public const string PersistedPathsKey = "volumegen.persisted_paths";
    public const string EphemeralPathsKey = "volumegen.ephemeral_paths";
    public const string AdditionalSinksKey = "volumegen.additional_sinks";
    public const string HomeDirectoryKey = "volumegen.home_directory";
    public const string DataRootKey = "volumegen.data_root";
    public const string EnableSdkContainerSupportProperty = "build_property.EnableSdkContainerSupport";
    public const string ContainerRepositoryProperty = "build_property.ContainerRepository";
    public const string ContainerWorkingDirectoryProperty = "build_property.ContainerWorkingDirectory";
    public const string ContainerUserProperty = "build_property.ContainerUser";
    public const string ContainerBaseImageProperty = "build_property.ContainerBaseImage";
    public const string ContainerFamilyProperty = "build_property.ContainerFamily";
    public const string DockerfileTargetProperty = "build_property.VolumeGenDockerfileTarget";

    /// <summary>The default of volumegen.ephemeral_paths.</summary>
    public const string DefaultEphemeralPaths = "/tmp";

    private UsageOptions(string? workingDirectory, string? containerWorkingDirectory, string? persistedPaths, string? ephemeralPaths, string? additionalSinks, string? homeDirectory, string? containerUser, string? containerBaseImage, string? containerFamily, string? dockerfileTarget, string? dataRoot, bool sdkContainer)
    {
        ContainerBaseImage = containerBaseImage;
        ContainerFamily = containerFamily;
        DataRoot = dataRoot;
        SdkContainer = sdkContainer;
        WorkingDirectory = workingDirectory;
        ContainerWorkingDirectory = containerWorkingDirectory;
        PersistedPaths = persistedPaths;
        EphemeralPaths = ephemeralPaths;
        AdditionalSinks = additionalSinks;
        HomeDirectory = homeDirectory;
        ContainerUser = containerUser;
        DockerfileTarget = dockerfileTarget;
    }

    public string? WorkingDirectory { get; }

    public string? ContainerWorkingDirectory { get; }

    public string? PersistedPaths { get; }

    public string? EphemeralPaths { get; }

    public string? AdditionalSinks { get; }

    public string? HomeDirectory { get; }

    public string? ContainerUser { get; }

    /// <summary>The SDK's <c>ContainerBaseImage</c> as the project sets it (the image facts without a Dockerfile).</summary>
    public string? ContainerBaseImage { get; }

    /// <summary>The SDK's <c>ContainerFamily</c>, e.g. <c>noble-chiseled</c>.</summary>
    public string? ContainerFamily { get; }

    /// <summary>volumegen.data_root: the one folder suggestions group writes under the working directory into.</summary>
    public string? DataRoot { get; }

    /// <summary>True when the project publishes a container with the .NET SDK (<c>EnableSdkContainerSupport</c>, <c>ContainerRepository</c>).</summary>
    public bool SdkContainer { get; }

    /// <summary>The Dockerfile stage the image is built from (VolumeGenDockerfileTarget); null for the last stage.</summary>
    public string? DockerfileTarget { get; }

    /// <summary>Reads the options of one syntax tree; tree options win over global ones.</summary>
    public static UsageOptions Read(AnalyzerConfigOptions tree, AnalyzerConfigOptions global)
        => new(
            Get(tree, global, WorkingDirectoryKey),
            Get(tree, global, ContainerWorkingDirectoryProperty),
            Get(tree, global, PersistedPathsKey),
            Get(tree, global, EphemeralPathsKey),
            Get(tree, global, AdditionalSinksKey),
            Get(tree, global, HomeDirectoryKey),
            Get(tree, global, ContainerUserProperty),
            Get(tree, global, ContainerBaseImageProperty),
            Get(tree, global, ContainerFamilyProperty),
            Get(tree, global, DockerfileTargetProperty),
            Get(tree, global, DataRootKey),
            string.Equals(Get(tree, global, EnableSdkContainerSupportProperty), "true", StringComparison.OrdinalIgnoreCase)
                || Get(tree, global, ContainerRepositoryProperty) is not null);

    /// <summary>Splits a list option (commas, semicolons or whitespace).</summary>
    public static IReadOnlyList<string> SplitList(string? value)
    {
        var items = new List<string>();
        if (value is null)
        {
            return items;
        }

        foreach (string item in value.Split(new[] { ',', ';', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            items.Add(item.Trim());
        }

        return items;
    }

    private static string? Get(AnalyzerConfigOptions tree, AnalyzerConfigOptions global, string key)
    {
        if ((tree.TryGetValue(key, out string? value) || global.TryGetValue(key, out value)) && value is not null)
        {
            string trimmed = value.Trim();
            return trimmed.Length == 0 ? null : trimmed;
        }

        return null;
    }

    public bool Equals(UsageOptions? other)
        => other is not null
        && WorkingDirectory == other.WorkingDirectory
        && ContainerWorkingDirectory == other.ContainerWorkingDirectory
        && PersistedPaths == other.PersistedPaths
        && EphemeralPaths == other.EphemeralPaths
        && AdditionalSinks == other.AdditionalSinks
        && HomeDirectory == other.HomeDirectory
        && ContainerUser == other.ContainerUser
        && ContainerBaseImage == other.ContainerBaseImage
        && ContainerFamily == other.ContainerFamily
        && DockerfileTarget == other.DockerfileTarget
        && DataRoot == other.DataRoot
        && SdkContainer == other.SdkContainer;

    public override bool Equals(object? obj) => Equals(obj as UsageOptions);

    private static int Hash(string? value) => value is null ? 0 : StringComparer.Ordinal.GetHashCode(value);

    public override int GetHashCode()
    {
        unchecked
        {
            // No array of the values: this runs for every judged write (the knowledge is looked up by options).
            int hash = 17;
            hash = (hash * 31) + Hash(WorkingDirectory);
            hash = (hash * 31) + Hash(ContainerWorkingDirectory);
            hash = (hash * 31) + Hash(PersistedPaths);
            hash = (hash * 31) + Hash(EphemeralPaths);
            hash = (hash * 31) + Hash(AdditionalSinks);
            hash = (hash * 31) + Hash(HomeDirectory);
            hash = (hash * 31) + Hash(ContainerUser);
            hash = (hash * 31) + Hash(ContainerBaseImage);
            hash = (hash * 31) + Hash(ContainerFamily);
            hash = (hash * 31) + Hash(DockerfileTarget);
            hash = (hash * 31) + Hash(DataRoot);
            return (hash * 31) + (SdkContainer ? 1 : 0);
        }
    }
}
