using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace VolumeGen.Cli;

/// <summary>The assembly argument and <c>--class</c> option every command shares, and reading the manifest they name.</summary>
internal sealed class ManifestInput
{
    public Argument<string> Assembly { get; } = new("assembly")
    {
        Description = "Path of a built assembly that references VolumeGen (e.g. bin/Release/net8.0/MyApp.dll).",
    };

    public Option<string?> Class { get; } = new("--class")
    {
        Description = "Only this storage class (full or simple name, e.g. AppStorage); default: every class in the assembly.",
        HelpName = "name",
    };

    public void AddTo(Command command)
    {
        command.Add(Assembly);
        command.Add(Class);
    }

    /// <summary>Reads the manifest; a missing file, a non-assembly or an assembly without a manifest is a <see cref="CliException"/>.</summary>
    public VolumeManifest ReadManifest(ParseResult parse)
    {
        string path = parse.GetValue(Assembly) ?? string.Empty;
        AssemblyManifestResult result = AssemblyManifestReader.Read(path);
        if (result.Status != AssemblyManifestStatus.Found)
        {
            throw new CliException(result.Message);
        }

        try
        {
            return VolumeManifest.Parse(result.Json!);
        }
        catch (FormatException exception)
        {
            throw new CliException($"'{path}' carries an unreadable VolumeGen manifest: {exception.Message}");
        }
    }

    /// <summary>
    /// Reads the manifest and validates it before anything is printed: a class the generator recorded as invalid,
    /// or a mount the validator refuses (a crafted manifest: a target with a newline would otherwise print as an
    /// argument of its own), is a <see cref="CliProblemsException"/> — every problem on stderr, exit 1, no output.
    /// </summary>
    public VolumeManifest ReadValidManifest(ParseResult parse)
    {
        VolumeManifest manifest = ReadManifest(parse);
        var problems = new List<string>();
        foreach (ManifestClass invalid in manifest.InvalidClasses)
        {
            foreach (ManifestProblem problem in invalid.Problems)
            {
                problems.Add($"error {problem.Id}: {problem.Message} (storage class '{invalid.Name}')");
            }
        }

        if (problems.Count == 0)
        {
            foreach (MountProblem problem in manifest.AllMounts.Validate())
            {
                if (problem.Severity == MountProblemSeverity.Error)
                {
                    problems.Add("error " + problem);
                }
            }
        }

        if (problems.Count > 0)
        {
            string path = parse.GetValue(Assembly) ?? string.Empty;
            problems.Add($"volumegen: '{path}' declares mounts with errors; nothing was printed. Fix the declarations and rebuild.");
            throw new CliProblemsException(problems);
        }

        return manifest;
    }

    /// <summary>The mounts of the selected class, or of every class, from a validated manifest.</summary>
    public MountSet ReadMounts(ParseResult parse) => Select(ReadValidManifest(parse), parse.GetValue(Class));

    public static MountSet Select(VolumeManifest manifest, string? className)
        => string.IsNullOrEmpty(className) ? manifest.AllMounts : SelectClasses(manifest, className)[0].Mounts;

    /// <summary>The class named <paramref name="className"/> (full or simple name), or every class when null.</summary>
    public static IReadOnlyList<ManifestClass> SelectClasses(VolumeManifest manifest, string? className)
    {
        if (string.IsNullOrEmpty(className))
        {
            return manifest.Classes;
        }

        ManifestClass? match = manifest.Classes.FirstOrDefault(c => c.Name == className)
            ?? manifest.Classes.FirstOrDefault(c => c.Name.EndsWith("." + className, StringComparison.Ordinal));
        if (match is null)
        {
            string known = manifest.Classes.Count == 0 ? "none" : string.Join(", ", manifest.Classes.Select(static c => c.Name));
            throw new CliException($"No storage class '{className}' in the manifest; the assembly declares: {known}.");
        }

        return new[] { match };
    }
}
