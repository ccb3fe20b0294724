using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// Which of the container files found builds and runs the project, and why: the one rule the analyzers (over their
/// AdditionalFiles), the build task (over the files its search found, to keep that Dockerfile's block) and the code fix
/// (to add the markers to that file) follow. docs/container-files.md, "Which container files are the project's".
/// <list type="bullet">
/// <item>A Dockerfile <c>VolumeGenDockerfile</c> names is the image; nothing else is considered.</item>
/// <item>Else the Dockerfiles that build the project (<see cref="DockerfileMatch.BuildsProject"/>: listed, in the project
/// folder, built by a compose service from the project folder, or whose lines run, publish or copy the project) compete:
/// the project folder first, then the fewest folders away, then the file named exactly <c>Dockerfile</c>, then ordinal.</item>
/// <item>Without one, a Dockerfile that copies the project into another app's image (<see cref="DockerfileRelation.ShipsProject"/>)
/// is the image the project runs in — the nearest, when several do — but the project's build never writes its block.</item>
/// <item>Compose files in the project folder or listed count whole (their services with <c>build:</c>, or all when none has
/// one); others through the services whose build context is the project folder, that build the chosen Dockerfile, or
/// that run the image SDK container publishing makes (<c>ContainerRepository</c>).</item>
/// </list>
/// <see cref="Report"/> says which Dockerfile was used whenever the choice is not obvious (VG2008): several build the
/// project, only other apps' images ship it, or Dockerfiles were found and none relates to the project.
/// </summary>
public sealed class ContainerFileSelection
{
    private ContainerFileSelection(DockerfileMatch? dockerfile, IReadOnlyList<DockerfileMatch> dockerfiles, IReadOnlyList<ComposeMatch> compose, string? report, string? reportFile)
    {
        Dockerfile = dockerfile;
        Dockerfiles = dockerfiles;
        Compose = compose;
        Report = report;
        ReportFile = reportFile;
    }

    /// <summary>The Dockerfile whose final stage is the container's image, or null when none relates to the project.</summary>
    public DockerfileMatch? Dockerfile { get; }

    /// <summary>The Dockerfile whose VolumeGen block the project's build keeps: <see cref="Dockerfile"/> when it builds the project, else null.</summary>
    public DockerfileMatch? KeptDockerfile => Dockerfile is { BuildsProject: true } ? Dockerfile : null;

    /// <summary>Every Dockerfile that relates to the project: those that build it, best first, then those that ship it.</summary>
    public IReadOnlyList<DockerfileMatch> Dockerfiles { get; }

    /// <summary>The compose files (and services) that run the project.</summary>
    public IReadOnlyList<ComposeMatch> Compose { get; }

    /// <summary>What VG2008 says about the choice, or null when it is obvious (named, or exactly one builds the project).</summary>
    public string? Report { get; }

    /// <summary>The Dockerfile <see cref="Report"/> is about (its path as given), or null.</summary>
    public string? ReportFile { get; }

    /// <summary>The images that copy the project into another app (<see cref="DockerfileRelation.ShipsProject"/>).</summary>
    public IEnumerable<DockerfileMatch> ShippedIn
    {
        get
        {
            foreach (DockerfileMatch match in Dockerfiles)
            {
                if (match.Relation == DockerfileRelation.ShipsProject)
                {
                    yield return match;
                }
            }
        }
    }

    /// <summary>True when <paramref name="file"/> is one of the Dockerfiles or compose files that relate to the project.</summary>
    public bool IsRelated(ContainerFileCandidate file)
    {
        foreach (DockerfileMatch match in Dockerfiles)
        {
            if (ReferenceEquals(match.File, file))
            {
                return true;
            }
        }

        foreach (ComposeMatch match in Compose)
        {
            if (ReferenceEquals(match.File, file))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Chooses among <paramref name="files"/> (Dockerfiles and compose files) for <paramref name="project"/>.</summary>
    public static ContainerFileSelection Select(IEnumerable<ContainerFileCandidate> files, ContainerProject project)
    {
        var dockerfiles = new List<ContainerFileCandidate>();
        var composeFiles = new List<ContainerFileCandidate>();
        foreach (ContainerFileCandidate file in files)
        {
            (file.Kind == ContainerFileKind.Dockerfile ? dockerfiles : composeFiles).Add(file);
        }

        foreach (ContainerFileCandidate file in dockerfiles)
        {
            if (project.IsNamed(file.Path))
            {
                var named = new DockerfileMatch(file, DockerfileRelation.Named, "named by VolumeGenDockerfile");
                return new ContainerFileSelection(named, new[] { named }, ComposeMatches(composeFiles, named, project), null, null);
            }
        }

        Dictionary<string, string> builtByCompose = DockerfilesBuiltFromProjectFolder(composeFiles, project);
        var building = new List<DockerfileMatch>();
        var shipping = new List<DockerfileMatch>();
        foreach (ContainerFileCandidate file in dockerfiles)
        {
            DockerfileMatch? match = project.IsListed(file.Path) ? new DockerfileMatch(file, DockerfileRelation.Listed, "listed in VolumeGenContainerFiles")
                : project.IsInProjectFolder(file.Path) ? new DockerfileMatch(file, DockerfileRelation.InProjectFolder, "in the project folder")
                : builtByCompose.TryGetValue(file.NormalizedPath, out string? service) ? new DockerfileMatch(file, DockerfileRelation.BuiltByCompose, service)
                : DockerfileEvidence.Relate(file, project);
            if (match is not null)
            {
                (match.BuildsProject ? building : shipping).Add(match);
            }
        }

        Comparison<DockerfileMatch> rank = (a, b) => Compare(a.File, b.File, project);
        building.Sort(rank);
        shipping.Sort(rank);
        var related = new List<DockerfileMatch>(building);
        related.AddRange(shipping);
        DockerfileMatch? chosen = related.Count > 0 ? related[0] : null;
        IReadOnlyList<ComposeMatch> compose = ComposeMatches(composeFiles, chosen, project);

        if (project.Directory is null || (building.Count == 1) || (building.Count == 0 && shipping.Count == 0 && dockerfiles.Count == 0))
        {
            // Obvious: one builds the project, or there is nothing to choose from. (Without the project folder every file
            // counts as the project's own: the old choice, the file named Dockerfile then ordinal, with nothing useful to say.)
            return new ContainerFileSelection(chosen, related, compose, null, null);
        }

        string report;
        if (building.Count > 1)
        {
            report = "The analyzers read '" + project.Display(chosen!.File.Path) + "' (" + chosen.Reason + ") as the Dockerfile of " + project.DisplayName
                + "; also found " + List(building, 1, project) + "; set VolumeGenDockerfile to choose another";
        }
        else if (chosen is not null)
        {
            report = "No Dockerfile found builds " + project.DisplayName + "; the analyzers read '" + project.Display(chosen.File.Path) + "', the image of " + chosen.App
                + " that " + project.DisplayName + " is copied into (" + chosen.Reason + ")"
                + (shipping.Count > 1 ? "; also copied into " + List(shipping, 1, project) : string.Empty)
                + "; set VolumeGenDockerfile if another Dockerfile builds " + project.DisplayName;
        }
        else
        {
            var found = new StringBuilder();
            foreach (ContainerFileCandidate file in dockerfiles)
            {
                found.Append(found.Length == 0 ? "'" : ", '").Append(project.Display(file.Path)).Append('\'');
            }

            report = "None of the Dockerfiles found builds " + project.DisplayName + " (" + found + ": no COPY, ADD, RUN, ENTRYPOINT or CMD names "
                + Tokens(project) + " or copies the project folder); the analyzers assume the working directory /app and the SDK containers' user 'app'; set VolumeGenDockerfile if one of them is this project's";
            return new ContainerFileSelection(null, related, compose, report, dockerfiles[0].Path);
        }

        return new ContainerFileSelection(chosen, related, compose, report, chosen!.File.Path);
    }

    /// <summary>The services that run the project in a compose file that counts whole: the ones with <c>build:</c> when any has it, else all.</summary>
    public static IReadOnlyList<ComposeService> ProjectServices(ComposeFile file)
    {
        bool anyBuild = false;
        foreach (ComposeService service in file.Services)
        {
            anyBuild |= service.Build is not null;
        }

        var services = new List<ComposeService>();
        foreach (ComposeService service in file.Services)
        {
            if (!anyBuild || service.Build is not null)
            {
                services.Add(service);
            }
        }

        return services;
    }

    /// <summary>The Dockerfiles (comparable paths) compose services build with the project folder as the context, and which service.</summary>
    private static Dictionary<string, string> DockerfilesBuiltFromProjectFolder(List<ContainerFileCandidate> composeFiles, ContainerProject project)
    {
        var built = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (project.Directory is null)
        {
            return built;
        }

        foreach (ContainerFileCandidate file in composeFiles)
        {
            string folder = RepositoryPath.Folder(file.NormalizedPath) ?? "/";
            foreach (ComposeService service in file.Compose!.Services)
            {
                if (service.Build is ComposeBuild build && build.DockerfileInline is null
                    && string.Equals(RepositoryPath.Resolve(folder, build.Context), project.Directory, RepositoryPath.Comparison))
                {
                    string dockerfile = RepositoryPath.Resolve(folder, build.DockerfilePath);
                    if (!built.ContainsKey(dockerfile))
                    {
                        built.Add(dockerfile, "the compose service '" + service.Name + "' of '" + project.Display(file.Path) + "' builds it from the project folder");
                    }
                }
            }
        }

        return built;
    }

    private static IReadOnlyList<ComposeMatch> ComposeMatches(List<ContainerFileCandidate> composeFiles, DockerfileMatch? dockerfile, ContainerProject project)
    {
        // Compose merges a file with its override (compose.yaml + compose.override.yaml, in one folder) into one service
        // per name: a service counts when it, or its namesake in the other file, leads to the project.
        var leading = new Dictionary<string, string>(StringComparer.Ordinal); // merge group + service name -> why
        foreach (ContainerFileCandidate file in composeFiles)
        {
            string folder = RepositoryPath.Folder(file.NormalizedPath) ?? "/";
            foreach (ComposeService service in file.Compose!.Services)
            {
                if (BuildsProject(service, folder, dockerfile, project) is string why)
                {
                    string key = MergeGroup(file) + "\n" + service.Name;
                    if (!leading.ContainsKey(key))
                    {
                        leading.Add(key, "the service '" + service.Name + "' " + (ContainerFileNames.IsComposeOverride(RepositoryPath.FileName(file.Path)) ? "of '" + project.Display(file.Path) + "' " : string.Empty) + why);
                    }
                }
            }
        }

        var matches = new List<ComposeMatch>();
        foreach (ContainerFileCandidate file in composeFiles)
        {
            ComposeFile compose = file.Compose!;
            if (project.IsListed(file.Path) || project.IsInProjectFolder(file.Path))
            {
                matches.Add(new ComposeMatch(file, ProjectServices(compose), project.IsListed(file.Path) ? "listed in VolumeGenContainerFiles" : "in the project folder", whole: true));
                continue;
            }

            var services = new List<ComposeService>();
            string? reason = null;
            foreach (ComposeService service in compose.Services)
            {
                if (leading.TryGetValue(MergeGroup(file) + "\n" + service.Name, out string? why))
                {
                    services.Add(service);
                    reason ??= why;
                }
            }

            if (services.Count > 0)
            {
                matches.Add(new ComposeMatch(file, services, reason!, whole: false));
            }
        }

        return matches;
    }

    /// <summary>The files compose merges: one folder, one name once <c>.override</c> and the extension are taken off.</summary>
    private static string MergeGroup(ContainerFileCandidate file)
    {
        string name = RepositoryPath.FileName(file.NormalizedPath);
        int extension = name.LastIndexOf('.');
        string stem = extension > 0 ? name.Substring(0, extension) : name;
        const string Override = ".override";
        stem = stem.EndsWith(Override, StringComparison.OrdinalIgnoreCase) ? stem.Substring(0, stem.Length - Override.Length) : stem;
        return (RepositoryPath.Folder(file.NormalizedPath) ?? "/") + "/" + stem.ToLowerInvariant();
    }

    /// <summary>Why <paramref name="service"/> (of a compose file in <paramref name="folder"/>) runs the project, or null when it does not.</summary>
    private static string? BuildsProject(ComposeService service, string folder, DockerfileMatch? dockerfile, ContainerProject project)
    {
        if (project.Directory is null)
        {
            return null;
        }

        if (service.Build is ComposeBuild build)
        {
            if (string.Equals(RepositoryPath.Resolve(folder, build.Context), project.Directory, RepositoryPath.Comparison))
            {
                return "builds the project folder";
            }

            if (dockerfile is not null && build.DockerfileInline is null
                && string.Equals(RepositoryPath.Resolve(folder, build.DockerfilePath), dockerfile.File.NormalizedPath, RepositoryPath.Comparison))
            {
                return "builds '" + project.Display(dockerfile.File.Path) + "'";
            }

            return null;
        }

        return project.ContainerRepository is string repository && service.Image is string image && IsRepository(image, repository)
            ? "runs the image " + repository + " (ContainerRepository)"
            : null;
    }

    /// <summary>True when <paramref name="image"/> (<c>registry/org/shop:1.2</c>) is <paramref name="repository"/> (<c>org/shop</c>, <c>shop</c>), any tag or digest.</summary>
    private static bool IsRepository(string image, string repository)
    {
        string name = image.Trim();
        int digest = name.IndexOf('@');
        name = digest >= 0 ? name.Substring(0, digest) : name;
        int tag = name.LastIndexOf(':');
        name = tag > name.LastIndexOf('/') ? name.Substring(0, tag) : name;
        return string.Equals(name, repository, StringComparison.OrdinalIgnoreCase) || name.EndsWith("/" + repository, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The project folder first, then fewer folders away, then the file named exactly Dockerfile, then ordinal.</summary>
    private static int Compare(ContainerFileCandidate a, ContainerFileCandidate b, ContainerProject project)
    {
        int byOwn = (project.IsInProjectFolder(a.Path) ? 0 : 1) - (project.IsInProjectFolder(b.Path) ? 0 : 1);
        if (byOwn != 0)
        {
            return byOwn;
        }

        int byDistance = RepositoryPath.Distance(a.Path, project.Directory) - RepositoryPath.Distance(b.Path, project.Directory);
        if (byDistance != 0)
        {
            return byDistance;
        }

        int byName = Rank(a) - Rank(b);
        return byName != 0 ? byName : string.CompareOrdinal(a.Path, b.Path);
    }

    private static int Rank(ContainerFileCandidate file) => string.Equals(RepositoryPath.FileName(file.Path), "Dockerfile", StringComparison.OrdinalIgnoreCase) ? 0 : 1;

    private static string List(List<DockerfileMatch> matches, int skip, ContainerProject project)
    {
        var text = new StringBuilder();
        for (int i = skip; i < matches.Count; i++)
        {
            text.Append(text.Length == 0 ? "'" : ", '").Append(project.Display(matches[i].File.Path)).Append("' (").Append(matches[i].Reason).Append(')');
        }

        return text.ToString();
    }

    private static string Tokens(ContainerProject project)
    {
        var text = new StringBuilder();
        foreach (string name in project.Names)
        {
            text.Append(text.Length == 0 ? string.Empty : " or ").Append(name).Append(".csproj or ").Append(name).Append(".dll");
        }

        return text.Length == 0 ? "the project" : text.ToString();
    }
}
