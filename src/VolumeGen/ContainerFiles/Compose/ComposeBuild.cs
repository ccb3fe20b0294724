using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>A service's <c>build:</c>, short (<c>build: ./app</c>) or long (<c>context:</c>, <c>dockerfile:</c>, …).</summary>
public sealed class ComposeBuild
{
    /// <summary>Creates a build section.</summary>
    public ComposeBuild(string context, string? dockerfile, string? dockerfileInline, string? target, IReadOnlyList<ComposeEnvironmentVariable> arguments, int line)
    {
        Context = context;
        Dockerfile = dockerfile;
        DockerfileInline = dockerfileInline;
        Target = target;
        Arguments = arguments;
        Line = line;
    }

    /// <summary>The build context, relative to the compose file's folder unless absolute (default <c>.</c>).</summary>
    public string Context { get; }

    /// <summary>The Dockerfile, relative to <see cref="Context"/> unless absolute; null means <c>Dockerfile</c> in the context.</summary>
    public string? Dockerfile { get; }

    /// <summary>An inline Dockerfile (<c>dockerfile_inline:</c>), or null.</summary>
    public string? DockerfileInline { get; }

    /// <summary>The stage to build (<c>target:</c>), or null for the last.</summary>
    public string? Target { get; }

    /// <summary>The build arguments (<c>args:</c>).</summary>
    public IReadOnlyList<ComposeEnvironmentVariable> Arguments { get; }

    /// <summary>The 1-based line of <c>build:</c>'s value.</summary>
    public int Line { get; }

    /// <summary>The Dockerfile's path relative to the compose file's folder (context and file joined with <c>/</c>), unless either is absolute.</summary>
    public string DockerfilePath
    {
        get
        {
            string file = Dockerfile ?? "Dockerfile";
            if (file.StartsWith("/", System.StringComparison.Ordinal) || HostPath.IsWindowsDrivePath(file))
            {
                return file;
            }

            return Context.TrimEnd('/', '\\') + "/" + file;
        }
    }
}
