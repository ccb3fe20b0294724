using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Helpers;
using VolumeGen.SourceGenerators.Model;

namespace VolumeGen.SourceGenerators.Declarations;

/// <summary>
/// Every VG1xxx problem of one storage class, from the model alone: the declaration analyzer reports these (with
/// locations) and the generator records the errors in the manifest, so the build task and the CLI refuse a class
/// with the analyzer's ID and words even when the analyzer was silenced (<c>severity = none</c>) or did not run.
/// </summary>
internal static class DeclarationProblems
{
    /// <summary>
    /// The problems of <paramref name="declaration"/>: shape first, then per mount in declaration order. Relative
    /// bind sources are resolved against <paramref name="projectFolder"/> (when known) for the sensitive-path warning;
    /// no error depends on it, so the manifest's problems are the same with or without it.
    /// </summary>
    public static IReadOnlyList<DeclarationProblem> Find(StorageClassDeclaration declaration, string? projectFolder = null)
    {
        var problems = new List<DeclarationProblem>();
        if (declaration.Mounts.Count == 0)
        {
            return problems;
        }

        AddShape(declaration, problems);

        // Validate the mounts that have values; remember which declared mount each one is.
        var complete = new List<Mount>();
        var origin = new List<int>();
        for (int i = 0; i < declaration.Mounts.Count; i++)
        {
            MountDeclaration mount = declaration.Mounts[i];
            if (mount.ToMount() is Mount value)
            {
                complete.Add(value);
                origin.Add(i);
            }
            else if (!mount.HasCompilerErrors)
            {
                foreach (MountArgument argument in mount.UnusableArguments)
                {
                    string what = argument == MountArgument.Source ? "host path (source)" : "container path (target)";
                    problems.Add(Create(DiagnosticDescriptors.ArgumentHasNoValue, i, argument, what));
                }
            }
        }

        foreach (MountProblem problem in MountValidator.Validate(complete, projectFolder))
        {
            if (DiagnosticDescriptors.ForProblem(problem.Code) is DiagnosticDescriptor descriptor)
            {
                problems.Add(Create(descriptor, origin[problem.MountIndex], ToArgument(problem.Field), problem.Message));
            }
        }

        return problems;
    }

    /// <summary>The errors of <paramref name="declaration"/> as manifest problems (warnings do not stop generation).</summary>
    public static IReadOnlyList<ManifestProblem> Errors(StorageClassDeclaration declaration)
        => Find(declaration).Where(static p => p.IsError).Select(static p => new ManifestProblem(p.Id, p.Message)).ToArray();

    private static void AddShape(StorageClassDeclaration declaration, List<DeclarationProblem> problems)
    {
        string name = declaration.FullName;
        switch (declaration.Shape)
        {
            case StorageClassShape.NotPartial:
                string culprit = "it";
                if (declaration.Type.IsPartial)
                {
                    foreach (TypeHeader header in declaration.ContainingTypes)
                    {
                        if (!header.IsPartial)
                        {
                            culprit = "its containing type '" + header.Name + "'";
                            break;
                        }
                    }
                }

                problems.Add(Create(DiagnosticDescriptors.StorageClassNotPartial, -1, MountArgument.Target, name, culprit));
                break;
            case StorageClassShape.Generic:
                problems.Add(Create(DiagnosticDescriptors.StorageClassShapeNotSupported, -1, MountArgument.Target, name, "it is generic or nested in a generic type"));
                break;
            case StorageClassShape.FileLocal:
                problems.Add(Create(DiagnosticDescriptors.StorageClassShapeNotSupported, -1, MountArgument.Target, name, "it is file-local or nested in a file-local type"));
                break;
            case StorageClassShape.MemberNameTaken:
                problems.Add(Create(DiagnosticDescriptors.GeneratedMemberNameTaken, -1, MountArgument.Target, name, declaration.TakenMemberName ?? declaration.Type.Name));
                break;
        }
    }

    private static DeclarationProblem Create(DiagnosticDescriptor descriptor, int mountIndex, MountArgument argument, params string[] arguments)
    {
        // Diagnostic.GetMessage formats the descriptor's format the same way, so both texts are identical.
        string message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), arguments);
        return new DeclarationProblem(descriptor.Id, descriptor.DefaultSeverity == DiagnosticSeverity.Error, mountIndex, argument, arguments.ToEquatableArray(), message);
    }

    private static MountArgument ToArgument(MountField field) => field switch
    {
        MountField.Source => MountArgument.Source,
        MountField.Name => MountArgument.Name,
        MountField.SizeBytes => MountArgument.SizeBytes,
        MountField.Mode => MountArgument.Mode,
        _ => MountArgument.Target,
    };
}
