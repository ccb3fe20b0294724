using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// What a Dockerfile's own lines say about the project: whether its <c>ENTRYPOINT</c>/<c>CMD</c> runs the project's
/// assembly, a <c>RUN dotnet publish</c> builds its <c>.csproj</c>, or a <c>COPY</c>/<c>ADD</c>/<c>RUN</c> copies it (its
/// <c>.csproj</c>, its <c>.dll</c>, or its folder: a source that, against the Dockerfile's folder or a folder above it
/// as the build context, is the project folder) — and whether the image runs another app instead. Names are whole
/// words: <c>Shop.dll</c> is not in <c>MyShop.dll</c>.
/// </summary>
internal static class DockerfileEvidence
{
    private static readonly char[] Separators = { ' ', '\t', '\r', '\n', '"', '\'', '[', ']', ',', '=', ';', '(', ')', '`' };

    /// <summary>The relation <paramref name="file"/>'s lines give it to <paramref name="project"/>, or null when they name it nowhere.</summary>
    public static DockerfileMatch? Relate(ContainerFileCandidate file, ContainerProject project)
    {
        if (file.Dockerfile is not Dockerfile model || project.Names.Count == 0)
        {
            return null;
        }

        (string Reason, int Line)? runs = null, publishes = null, copies = null;
        string? otherApp = null, otherAppKeyword = null, otherPublished = null;
        foreach (DockerfileInstruction instruction in model.Instructions)
        {
            if (instruction.IsInGeneratedBlock)
            {
                continue;
            }

            switch (instruction.Keyword)
            {
                case "ENTRYPOINT":
                case "CMD":
                    foreach (string token in Tokens(instruction))
                    {
                        if (Stem(token, ".dll") is string assembly)
                        {
                            if (IsProject(assembly, project))
                            {
                                runs ??= ("its " + instruction.Keyword + " runs " + assembly + ".dll", instruction.Line);
                            }
                            else if (otherApp is null)
                            {
                                otherApp = assembly;
                                otherAppKeyword = instruction.Keyword;
                            }
                        }
                    }

                    if (AppHost(instruction) is string host && IsProject(host, project))
                    {
                        runs ??= ("its " + instruction.Keyword + " runs " + host, instruction.Line);
                    }

                    break;

                case "RUN":
                    bool builds = Builds(instruction);
                    foreach (string token in Tokens(instruction))
                    {
                        if (Stem(token, ".csproj") is string csproj)
                        {
                            if (!IsProject(csproj, project))
                            {
                                otherPublished ??= builds ? csproj : null;
                            }
                            else if (builds)
                            {
                                publishes ??= ("it publishes " + csproj + ".csproj", instruction.Line);
                            }
                            else
                            {
                                copies ??= ("it names " + csproj + ".csproj", instruction.Line);
                            }
                        }
                        else if (Stem(token, ".dll") is string dll && IsProject(dll, project))
                        {
                            copies ??= ("it names " + dll + ".dll", instruction.Line);
                        }
                    }

                    break;

                case "COPY":
                case "ADD":
                    if (instruction.GetFlag("from") is not null)
                    {
                        break; // from another stage or image, not from the build context
                    }

                    foreach (string token in Tokens(instruction))
                    {
                        string? named = Stem(token, ".csproj") is string csproj && IsProject(csproj, project) ? csproj + ".csproj"
                            : Stem(token, ".dll") is string dll && IsProject(dll, project) ? dll + ".dll"
                            : null;
                        if (named is not null)
                        {
                            copies ??= ("it copies " + named, instruction.Line);
                        }
                    }

                    break;
            }
        }

        if (copies is null && CopiedProjectFolder(model, file, project) is (string, int) folder)
        {
            copies = folder;
        }

        if (runs is (string runsReason, int runsLine))
        {
            return new DockerfileMatch(file, DockerfileRelation.RunsProject, runsReason, runsLine);
        }

        if (otherApp is not null)
        {
            // The image runs another app: copying or publishing this project makes it a library of that app.
            (string Reason, int Line)? evidence = publishes ?? copies;
            return evidence is (string reason, int line)
                ? new DockerfileMatch(file, DockerfileRelation.ShipsProject, "its " + otherAppKeyword + " runs " + otherApp + ".dll and " + reason.Substring(3), line, otherApp)
                : null;
        }

        if (publishes is (string publishReason, int publishLine))
        {
            return new DockerfileMatch(file, DockerfileRelation.PublishesProject, publishReason, publishLine);
        }

        if (copies is (string copyReason, int copyLine))
        {
            return otherPublished is not null
                ? new DockerfileMatch(file, DockerfileRelation.ShipsProject, "it publishes " + otherPublished + ".csproj and " + copyReason.Substring(3), copyLine, otherPublished)
                : new DockerfileMatch(file, DockerfileRelation.CopiesProject, copyReason, copyLine);
        }

        return null;
    }

    /// <summary>The words of an instruction (and its here-documents) split at quotes, brackets, commas and <c>=</c>.</summary>
    private static IEnumerable<string> Tokens(DockerfileInstruction instruction)
    {
        foreach (string token in instruction.Text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return token;
        }

        foreach (DockerfileHeredoc heredoc in instruction.Heredocs)
        {
            foreach (string token in heredoc.Content.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return token;
            }
        }
    }

    /// <summary>The file name of <paramref name="token"/> without <paramref name="extension"/> when it ends with it, else null.</summary>
    private static string? Stem(string token, string extension)
    {
        string name = RepositoryPath.FileName(token);
        return name.Length > extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - extension.Length) : null;
    }

    private static bool IsProject(string name, ContainerProject project)
    {
        foreach (string candidate in project.Names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The program an exec-form <c>ENTRYPOINT</c>/<c>CMD</c> starts (<c>./Shop</c> is <c>Shop</c>), unless it is <c>dotnet</c>.</summary>
    private static string? AppHost(DockerfileInstruction instruction)
    {
        string? first = instruction.IsJsonForm ? (instruction.Words.Count > 0 ? instruction.Words[0] : null)
            : instruction.Arguments.Split(Separators, StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words ? words[0] : null;
        string? name = first is null ? null : RepositoryPath.FileName(first);
        return string.IsNullOrEmpty(name) || string.Equals(name, "dotnet", StringComparison.Ordinal) ? null : name;
    }

    /// <summary>True for a <c>RUN</c> (here-documents included) that builds a project: <c>dotnet publish</c> or <c>dotnet build</c>.</summary>
    private static bool Builds(DockerfileInstruction instruction)
    {
        var words = new List<string>(Tokens(instruction));
        for (int i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == "dotnet" && words[i + 1] is "publish" or "build")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>COPY</c>/<c>ADD</c> from the build context whose source is the project folder, for a build context at or above the Dockerfile's folder.</summary>
    private static (string Reason, int Line)? CopiedProjectFolder(Dockerfile model, ContainerFileCandidate file, ContainerProject project)
    {
        if (project.Directory is not string projectFolder || RepositoryPath.Folder(file.NormalizedPath) is not string dockerfileFolder)
        {
            return null;
        }

        foreach ((DockerfileCopy copy, DockerfileValue source) in model.ContextSources())
        {
            string text = source.Text.Replace('\\', '/').Trim();
            if (!source.IsKnown || text.Length == 0 || text.IndexOfAny(new[] { '*', '?', '[', '$' }) >= 0 || text.IndexOf("://", StringComparison.Ordinal) >= 0
                || RepositoryPath.IsRooted(text) || text.StartsWith("..", StringComparison.Ordinal) || text.StartsWith("<<", StringComparison.Ordinal))
            {
                continue;
            }

            string relative = ContainerPath.Resolve("/", text); // "/src/Shop" for "./src/Shop/"
            if (relative == "/" || !projectFolder.EndsWith(relative, RepositoryPath.Comparison))
            {
                continue;
            }

            string context = projectFolder.Substring(0, projectFolder.Length - relative.Length);
            context = context.Length == 0 ? "/" : context;
            if (RepositoryPath.IsAtOrBelow(dockerfileFolder, context))
            {
                return ("it copies the project folder '" + text + "'", copy.Line);
            }
        }

        return null;
    }
}
