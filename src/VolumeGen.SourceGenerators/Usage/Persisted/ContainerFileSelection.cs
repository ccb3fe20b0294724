using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using VolumeGen.ContainerFiles;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// Which of the Dockerfiles among the AdditionalFiles builds this project, and which compose files (and services) run
/// it. A Dockerfile fits when it is named by <c>VolumeGenDockerfile</c> (then nothing else is considered) or listed in
/// <c>VolumeGenContainerFiles</c>, sits in the project folder, or names the project: a <c>COPY</c>, <c>ADD</c>,
/// <c>RUN</c>, <c>ENTRYPOINT</c> or <c>CMD</c> holding <c>&lt;project&gt;.csproj</c> or <c>&lt;assembly&gt;.dll</c>. A
/// compose file in the project folder or listed counts whole; one elsewhere counts only through the services whose
/// <c>build:</c> leads to the project (its Dockerfile, or a context that is the project folder). When several
/// Dockerfiles fit, or none does, <see cref="Report"/> says which was used (VG2008) instead of guessing silently.
/// </summary>
internal sealed class ContainerFileSelection
{
    public const string DockerfilePathProperty = "build_property.VolumeGenDockerfilePath";
    public const string ContainerFilesProperty = "build_property.VolumeGenContainerFiles";
    public const string ProjectNameProperty = "build_property.MSBuildProjectName";
    public const string ProjectDirectoryProperty = "build_property.MSBuildProjectDirectory";
    public const string ProjectDirProperty = "build_property.ProjectDir";

    private ContainerFileSelection(AdditionalText? dockerfile, string? report, string? reportFile)
    {
        Dockerfile = dockerfile;
        Report = report;
        ReportFile = reportFile;
    }

    /// <summary>The Dockerfile whose final stage is the container's image, or null.</summary>
    public AdditionalText? Dockerfile { get; }

    /// <summary>What VG2008 says (several Dockerfiles fit, or none), or null when the choice is obvious.</summary>
    public string? Report { get; }

    /// <summary>The AdditionalFile VG2008 is reported on.</summary>
    public string? ReportFile { get; }

    /// <summary>The facts the selection needs from the build (compiler-visible properties) and the compilation.</summary>
    internal sealed class Project
    {
        public Project(AnalyzerConfigOptions global, string? assemblyName)
        {
            Directory = (Get(global, ProjectDirectoryProperty) ?? Get(global, ProjectDirProperty)) is string folder ? Normalize(folder) : null;
            ExplicitDockerfile = Get(global, DockerfilePathProperty) is string path ? Normalize(path) : null;
            var names = new List<string>();
            foreach (string? name in new[] { Get(global, ProjectNameProperty), assemblyName })
            {
                if (!string.IsNullOrWhiteSpace(name) && !names.Contains(name!))
                {
                    names.Add(name!);
                }
            }

            Names = names;
            var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string item in (Get(global, ContainerFilesProperty) ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string trimmed = item.Trim();
                if (trimmed.Length > 0)
                {
                    listed.Add(Normalize(IsRooted(trimmed) || Directory is null ? trimmed : Directory + "/" + trimmed));
                }
            }

            Listed = listed;
        }

        /// <summary>The project folder, normalised, or null when the build does not say.</summary>
        public string? Directory { get; }

        public string? ExplicitDockerfile { get; }

        /// <summary>The project's and the assembly's names.</summary>
        public IReadOnlyList<string> Names { get; }

        public ISet<string> Listed { get; }

        public string ProjectName => Names.Count > 0 ? Names[0] : "this project";

        public bool IsOwn(string path) => Directory is null || string.Equals(Folder(path), Directory, StringComparison.OrdinalIgnoreCase);

        /// <summary>A path for messages: relative to the project folder when below or beside it.</summary>
        public string Display(string path)
        {
            string normalized = Normalize(path);
            if (Directory is null)
            {
                return Path.GetFileName(path);
            }

            string prefix = string.Empty;
            for (string? folder = Directory; folder is not null; folder = Folder(folder), prefix += "../")
            {
                if (normalized.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase))
                {
                    return prefix + normalized.Substring(folder.Length + 1);
                }

                if (folder == "/" || folder.Length == 0)
                {
                    break;
                }
            }

            return normalized;
        }
    }

    /// <summary>Chooses among <paramref name="dockerfiles"/> (parsed) for <paramref name="project"/>.</summary>
    public static ContainerFileSelection Choose(IReadOnlyList<(AdditionalText File, Dockerfile Model)> dockerfiles, Project project)
    {
        foreach ((AdditionalText file, Dockerfile _) in dockerfiles)
        {
            if (IsNamed(file, project))
            {
                return Named(file);
            }
        }

        var fitting = new List<(AdditionalText File, string Why)>();
        foreach ((AdditionalText file, Dockerfile model) in dockerfiles)
        {
            string? why = project.Listed.Contains(Normalize(file.Path)) ? "listed in VolumeGenContainerFiles"
                : project.IsOwn(file.Path) ? "in the project folder"
                : NamedToken(model, project) is string token ? "names " + token
                : null;
            if (why is not null)
            {
                fitting.Add((file, why));
            }
        }

        if (fitting.Count == 0)
        {
            if (dockerfiles.Count == 0)
            {
                return new ContainerFileSelection(null, null, null);
            }

            var found = new StringBuilder();
            foreach ((AdditionalText file, Dockerfile _) in dockerfiles)
            {
                found.Append(found.Length == 0 ? "'" : ", '").Append(project.Display(file.Path)).Append('\'');
            }

            string report = "None of the Dockerfiles found builds " + project.ProjectName + " (" + found + ": no COPY, ADD, RUN, ENTRYPOINT or CMD names "
                + Tokens(project) + "); the analyzers assume the working directory /app and the SDK containers' user 'app'; set VolumeGenDockerfile if one of them is this project's";
            return new ContainerFileSelection(null, report, dockerfiles[0].File.Path);
        }

        int best = 0;
        for (int i = 1; i < fitting.Count; i++)
        {
            if (IsBetter(fitting[i].File, fitting[best].File, project))
            {
                best = i;
            }
        }

        AdditionalText chosen = fitting[best].File;
        if (fitting.Count == 1 || project.Directory is null)
        {
            // Without the project folder (a plain analyzer reference) every file counts as the project's: the old
            // choice (the file named Dockerfile, then ordinal) is kept, and there is nothing useful to report.
            return new ContainerFileSelection(chosen, null, null);
        }

        var others = new StringBuilder();
        for (int i = 0; i < fitting.Count; i++)
        {
            if (i != best)
            {
                others.Append(others.Length == 0 ? "'" : ", '").Append(project.Display(fitting[i].File.Path)).Append("' (").Append(fitting[i].Why).Append(')');
            }
        }

        string several = "The analyzers read '" + project.Display(chosen.Path) + "' (" + fitting[best].Why + ") as the Dockerfile of " + project.ProjectName
            + "; also found " + others + "; set VolumeGenDockerfile to choose another";
        return new ContainerFileSelection(chosen, several, chosen.Path);
    }

    /// <summary>True when <paramref name="file"/> is the Dockerfile VolumeGenDockerfile names: then nothing else is considered.</summary>
    public static bool IsNamed(AdditionalText file, Project project)
        => project.ExplicitDockerfile is string named && string.Equals(Normalize(file.Path), named, StringComparison.OrdinalIgnoreCase);

    /// <summary>The choice of the named Dockerfile, about which VG2008 has nothing to say.</summary>
    public static ContainerFileSelection Named(AdditionalText file) => new(file, null, null);

    /// <summary>True when a compose file counts whole: in the project folder or listed in VolumeGenContainerFiles.</summary>
    public static bool CountsWhole(string composePath, Project project)
        => project.IsOwn(composePath) || project.Listed.Contains(Normalize(composePath));

    /// <summary>True when <paramref name="service"/> of the compose file at <paramref name="composePath"/> builds this project.</summary>
    public static bool BuildsProject(ComposeService service, string composePath, AdditionalText? dockerfile, Project project)
    {
        if (service.Build is not ComposeBuild build || project.Directory is null)
        {
            return false;
        }

        string composeFolder = Folder(Normalize(composePath)) ?? "/";
        string context = Resolve(composeFolder, build.Context);
        string dockerfilePath = Resolve(composeFolder, build.DockerfilePath);
        return string.Equals(context, project.Directory, StringComparison.OrdinalIgnoreCase)
            || (dockerfile is not null && string.Equals(dockerfilePath, Normalize(dockerfile.Path), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The token by which <paramref name="model"/> names the project (<c>Shop.csproj</c>, <c>Shop.dll</c>), or null.</summary>
    private static string? NamedToken(Dockerfile model, Project project)
    {
        foreach (DockerfileInstruction instruction in model.Instructions)
        {
            if (instruction.Keyword is not ("COPY" or "ADD" or "RUN" or "ENTRYPOINT" or "CMD"))
            {
                continue;
            }

            foreach (string name in project.Names)
            {
                foreach (string token in new[] { name + ".csproj", name + ".dll" })
                {
                    if (ContainsWord(instruction.Text, token))
                    {
                        return token;
                    }
                }
            }
        }

        return null;
    }

    /// <summary><paramref name="token"/> in <paramref name="text"/>, not as the tail of a longer name (<c>Shop.dll</c> is not in <c>MyShop.dll</c>).</summary>
    private static bool ContainsWord(string text, string token)
    {
        for (int at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            bool startsWord = at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '.' or '_' or '-');
            int end = at + token.Length;
            bool endsWord = end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '_');
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }

    private static string Tokens(Project project)
    {
        var text = new StringBuilder();
        foreach (string name in project.Names)
        {
            text.Append(text.Length == 0 ? string.Empty : " or ").Append(name).Append(".csproj or ").Append(name).Append(".dll");
        }

        return text.Length == 0 ? "the project" : text.ToString();
    }

    /// <summary>Nearer wins: the project folder, then fewer folders away; then the file named exactly Dockerfile; then ordinal.</summary>
    private static bool IsBetter(AdditionalText candidate, AdditionalText current, Project project)
    {
        int byOwn = (project.IsOwn(current.Path) ? 0 : 1) - (project.IsOwn(candidate.Path) ? 0 : 1);
        if (byOwn != 0)
        {
            return byOwn > 0;
        }

        int byDistance = Distance(current.Path, project) - Distance(candidate.Path, project);
        if (byDistance != 0)
        {
            return byDistance > 0;
        }

        int byName = Rank(current.Path) - Rank(candidate.Path);
        return byName != 0 ? byName > 0 : string.CompareOrdinal(candidate.Path, current.Path) < 0;
    }

    private static int Distance(string path, Project project)
    {
        string display = project.Display(path);
        int distance = 0;
        foreach (char c in display)
        {
            distance += c == '/' ? 1 : 0;
        }

        return distance;
    }

    private static int Rank(string path) => string.Equals(Path.GetFileName(path), "Dockerfile", StringComparison.OrdinalIgnoreCase) ? 0 : 1;

    private static string? Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A file path in one form: <c>/</c> separators, <c>.</c> and <c>..</c> folded (a drive letter is kept as the first segment).</summary>
    internal static string Normalize(string path)
    {
        string slashes = path.Replace('\\', '/');
        return ContainerPath.Resolve("/", slashes.StartsWith("/", StringComparison.Ordinal) ? slashes : "/" + slashes);
    }

    private static string? Folder(string? path)
    {
        if (path is null)
        {
            return null;
        }

        string normalized = Normalize(path);
        int slash = normalized.LastIndexOf('/');
        return slash <= 0 ? (normalized.Length > 1 ? "/" : null) : normalized.Substring(0, slash);
    }

    private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':');

    private static string Resolve(string folder, string path) => Normalize(IsRooted(path) ? path : folder + "/" + path);
}
