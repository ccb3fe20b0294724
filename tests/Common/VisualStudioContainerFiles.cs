namespace VolumeGen.TestSupport;

/// <summary>
/// The files Visual Studio's container tools add for a .NET 10 project: the multi-stage Dockerfile in the project
/// folder (built with the solution folder as context) and the .dockerignore in the solution folder, as written
/// today (non-root <c>USER $APP_UID</c>, <c>WORKDIR /app</c>, ports 8080/8081).
/// </summary>
public static class VisualStudioContainerFiles
{
    /// <summary>
    /// The Dockerfile for <paramref name="project"/>; for a project that references others (<paramref name="references"/>,
    /// each a project folder of the solution holding <c>&lt;name&gt;.csproj</c>) Visual Studio copies each referenced
    /// project file too, after the project's own, before <c>dotnet restore</c>.
    /// </summary>
    public static string Dockerfile(string project, params string[] references) => $$"""
        # See aka.ms/customizecontainer to learn how to customize your debug container and how Visual Studio uses this Dockerfile to build your images for faster debugging.

        # This stage is used when running from VS in fast mode (Default for Debug configuration)
        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
        USER $APP_UID
        WORKDIR /app
        EXPOSE 8080
        EXPOSE 8081


        # This stage is used to build the service project
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        ARG BUILD_CONFIGURATION=Release
        WORKDIR /src
        COPY ["{{project}}/{{project}}.csproj", "{{project}}/"]
        {{ReferenceCopies(references)}}RUN dotnet restore "./{{project}}/{{project}}.csproj"
        COPY . .
        WORKDIR "/src/{{project}}"
        RUN dotnet build "./{{project}}.csproj" -c $BUILD_CONFIGURATION -o /app/build

        # This stage is used to publish the service project to be copied to the final stage
        FROM build AS publish
        ARG BUILD_CONFIGURATION=Release
        RUN dotnet publish "./{{project}}.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

        # This stage is used in production or when running from VS in regular mode (Default when not using the Debug configuration)
        FROM base AS final
        WORKDIR /app
        COPY --from=publish /app/publish .
        ENTRYPOINT ["dotnet", "{{project}}.dll"]

        """;

    private static string ReferenceCopies(string[] references)
        => string.Concat(System.Linq.Enumerable.Select(references, static r => $"COPY [\"{r}/{r}.csproj\", \"{r}/\"]\n"));

    public const string DockerIgnore = """
        **/.classpath
        **/.dockerignore
        **/.env
        **/.git
        **/.gitignore
        **/.project
        **/.settings
        **/.toolstarget
        **/.vs
        **/.vscode
        **/*.*proj.user
        **/*.dbmdl
        **/*.jfm
        **/azds.yaml
        **/bin
        **/charts
        **/docker-compose*
        **/Dockerfile*
        **/node_modules
        **/npm-debug.log
        **/obj
        **/secrets.dev.yaml
        **/values.dev.yaml
        LICENSE
        README.md
        !**/.gitignore
        !.git/HEAD
        !.git/config
        !.git/packages-config
        !.git/refs/heads/**

        """;
}
