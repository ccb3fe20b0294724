using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// The .NET projects a Dockerfile builds into its image: the project files it copies from the build context (Visual
/// Studio's multi-project Dockerfile copies the app's and every referenced project's for <c>dotnet restore</c>) and the
/// app the image runs — the final stage's <c>ENTRYPOINT</c>/<c>CMD</c> <c>&lt;App&gt;.dll</c>, else
/// <c>dotnet publish &lt;App&gt;.csproj</c>. A copied project the image does not run is a class library built into the
/// app. What is not written out (globs, unknown variables, <c>COPY . .</c>) names no project.
/// </summary>
public sealed class DockerfileProjects
{
    private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj" };

    private DockerfileProjects(IReadOnlyList<string> projectFiles, IReadOnlyList<string> appNames)
    {
        ProjectFiles = projectFiles;
        AppNames = appNames;
    }

    /// <summary>The project files copied from the build context, relative to it, <c>/</c>-separated (<c>Web/Web.csproj</c>).</summary>
    public IReadOnlyList<string> ProjectFiles { get; }

    /// <summary>The names of the app the image runs (<c>Web</c> for <c>ENTRYPOINT ["dotnet", "Web.dll"]</c>); empty when it cannot be told.</summary>
    public IReadOnlyList<string> AppNames { get; }

    /// <summary>The copied project file of the app the image runs, or null when the app is unknown or its project file is not copied by name.</summary>
    public string? AppProjectFile
    {
        get
        {
            foreach (string name in AppNames)
            {
                if (CopiedProjectFile(name) is string file)
                {
                    return file;
                }
            }

            return null;
        }
    }

    /// <summary>Reads the projects of <paramref name="dockerfile"/>; <paramref name="target"/> is the stage the image is built from (default the last).</summary>
    public static DockerfileProjects Of(Dockerfile dockerfile, string? target = null)
    {
        var files = new List<string>();
        var apps = new List<string>();
        foreach (DockerfileStage stage in dockerfile.Stages)
        {
            foreach (DockerfileCopy copy in stage.Copies)
            {
                if (copy.From is not null || copy.Instruction.IsInGeneratedBlock)
                {
                    continue;
                }

                foreach (DockerfileValue source in copy.Sources)
                {
                    if (source.IsKnown && IsProjectFile(source.Text) && source.Text.IndexOfAny(new[] { '*', '?', '[' }) < 0 && ContextRelative(source.Text) is string relative)
                    {
                        AddOnce(files, relative);
                    }
                }
            }
        }

        DockerfileStage? image = dockerfile.FinalStage(target) ?? dockerfile.FinalStage();
        foreach (DockerfileInstruction? run in new[] { image?.Entrypoint, image?.Command })
        {
            if (run is not null)
            {
                foreach (string word in Words(run))
                {
                    if (word.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && FileStem(word) is string app)
                    {
                        AddOnce(apps, app);
                    }
                }
            }
        }

        if (apps.Count == 0)
        {
            foreach (DockerfileStage stage in dockerfile.Stages)
            {
                foreach (DockerfileRun run in stage.Runs)
                {
                    AddPublishedProjects(apps, run.Command);
                }
            }
        }

        return new DockerfileProjects(files, apps);
    }

    /// <summary>True when the image runs the project named <paramref name="name"/> (project or assembly name, any case).</summary>
    public bool Runs(string name)
    {
        foreach (string app in AppNames)
        {
            if (string.Equals(app, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The copied project file named <c>&lt;<paramref name="projectName"/>&gt;.csproj</c> (or .fsproj, .vbproj), or null.</summary>
    public string? CopiedProjectFile(string projectName)
    {
        foreach (string file in ProjectFiles)
        {
            if (string.Equals(FileStem(file), projectName, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>
    /// The build context folder, given where the project file <paramref name="copiedProjectFile"/> (a <see cref="ProjectFiles"/>
    /// entry) really is: <paramref name="projectFilePath"/> without the copied relative path (<c>/repo/Web/Web.csproj</c> and
    /// <c>Web/Web.csproj</c> give <c>/repo</c>). Null when the path does not end with it. Paths in <c>/</c> form.
    /// </summary>
    public static string? BuildContext(string copiedProjectFile, string projectFilePath)
    {
        string path = projectFilePath.Replace('\\', '/');
        string suffix = "/" + copiedProjectFile;
        return path.Length > suffix.Length && path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? path.Substring(0, path.Length - suffix.Length) : null;
    }

    /// <summary>The folder of a copied project file inside the build context <paramref name="context"/> (<c>/repo</c> and <c>Web/Web.csproj</c> give <c>/repo/Web</c>).</summary>
    public static string ProjectFolder(string context, string copiedProjectFile)
    {
        int slash = copiedProjectFile.LastIndexOf('/');
        return slash < 0 ? context : context + "/" + copiedProjectFile.Substring(0, slash);
    }

    private static bool IsProjectFile(string path)
    {
        foreach (string extension in ProjectExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>./src/Web/Web.csproj</c>, <c>/src/Web/Web.csproj</c> → <c>src/Web/Web.csproj</c> (a source is always inside the context).</summary>
    private static string? ContextRelative(string source)
    {
        string resolved = ContainerPath.Resolve("/", "/" + source.Replace('\\', '/'));
        return resolved.Length > 1 ? resolved.Substring(1) : null;
    }

    /// <summary>The last segment without its extension: <c>/app/Web.dll</c> → <c>Web</c>, <c>src/Web/Web.csproj</c> → <c>Web</c>.</summary>
    private static string? FileStem(string path)
    {
        string trimmed = path.Trim().Trim('"', '\'').Replace('\\', '/');
        string name = trimmed.Substring(trimmed.LastIndexOf('/') + 1);
        int dot = name.LastIndexOf('.');
        string stem = dot > 0 ? name.Substring(0, dot) : string.Empty;
        return stem.Length > 0 && stem.IndexOf('$') < 0 ? stem : null;
    }

    /// <summary>The exec form's strings, or the shell form's whitespace-separated words.</summary>
    private static IEnumerable<string> Words(DockerfileInstruction instruction)
        => instruction.IsJsonForm ? instruction.Words : instruction.Arguments.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The project files <c>dotnet publish</c> names in a shell command (<c>dotnet publish "./Web.csproj" -c Release</c>).</summary>
    private static void AddPublishedProjects(List<string> apps, string command)
    {
        string[] words = command.Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] != "dotnet" || words[i + 1] != "publish")
            {
                continue;
            }

            for (int j = i + 2; j < words.Length && words[j] is not ("&&" or "||" or ";" or "|"); j++)
            {
                string word = words[j].Trim('"', '\'');
                if (IsProjectFile(word) && FileStem(word) is string app)
                {
                    AddOnce(apps, app);
                }
            }
        }
    }

    private static void AddOnce(List<string> list, string value)
    {
        foreach (string existing in list)
        {
            if (string.Equals(existing, value, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        list.Add(value);
    }
}
