using VolumeGen.ContainerFiles;

namespace VolumeGen.Tests.ContainerFiles;

/// <summary>Which projects a Dockerfile copies and which app its image runs: how a class library finds the app it is built into.</summary>
public class DockerfileProjectsTests
{
    // Visual Studio's multi-project Dockerfile (tests/Common/VisualStudioContainerFiles.cs writes the same shape).
    private const string VisualStudio = """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
        USER $APP_UID
        WORKDIR /app

        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        ARG BUILD_CONFIGURATION=Release
        WORKDIR /src
        COPY ["Web/Web.csproj", "Web/"]
        COPY ["Application/Application.csproj", "Application/"]
        COPY ["Infrastructure/Infrastructure.csproj", "Infrastructure/"]
        RUN dotnet restore "./Web/Web.csproj"
        COPY . .
        WORKDIR "/src/Web"
        RUN dotnet build "./Web.csproj" -c $BUILD_CONFIGURATION -o /app/build

        FROM build AS publish
        RUN dotnet publish "./Web.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

        FROM base AS final
        WORKDIR /app
        COPY --from=publish /app/publish .
        ENTRYPOINT ["dotnet", "Web.dll"]
        """;

    [Fact]
    public void Visual_Studio_multi_project_Dockerfile_copies_every_project_and_runs_the_web_app()
    {
        DockerfileProjects projects = DockerfileProjects.Of(Dockerfile.Parse(VisualStudio));

        Assert.Equal(new[] { "Web/Web.csproj", "Application/Application.csproj", "Infrastructure/Infrastructure.csproj" }, projects.ProjectFiles);
        Assert.Equal(new[] { "Web" }, projects.AppNames);
        Assert.True(projects.Runs("web"));
        Assert.False(projects.Runs("Infrastructure"));
        Assert.Equal("Web/Web.csproj", projects.AppProjectFile);
        Assert.Equal("Infrastructure/Infrastructure.csproj", projects.CopiedProjectFile("Infrastructure"));
        Assert.Null(projects.CopiedProjectFile("Infra"));
    }

    [Fact]
    public void The_build_context_is_the_project_file_path_without_the_copied_path()
    {
        Assert.Equal("/repo", DockerfileProjects.BuildContext("Infrastructure/Infrastructure.csproj", "/repo/Infrastructure/Infrastructure.csproj"));
        Assert.Equal("C:/src/shop", DockerfileProjects.BuildContext("src/Data/Data.csproj", @"C:\src\shop\src\Data\Data.csproj"));
        Assert.Null(DockerfileProjects.BuildContext("Infrastructure/Infrastructure.csproj", "/repo/src/Other/Infrastructure.csproj"));
        Assert.Null(DockerfileProjects.BuildContext("MyInfrastructure/Infrastructure.csproj", "/repo/Infrastructure/Infrastructure.csproj"));
        Assert.Equal("/repo/Web", DockerfileProjects.ProjectFolder("/repo", "Web/Web.csproj"));
        Assert.Equal("/repo", DockerfileProjects.ProjectFolder("/repo", "Web.csproj"));
    }

    [Fact]
    public void Without_an_entrypoint_dll_the_published_project_is_the_app()
    {
        const string text = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY ./src/Shop.Api/Shop.Api.csproj src/Shop.Api/
            COPY /src/Shop.Data/Shop.Data.csproj src/Shop.Data/
            RUN dotnet restore src/Shop.Api/Shop.Api.csproj
            COPY . .
            RUN dotnet publish 'src/Shop.Api/Shop.Api.csproj' -o /out && echo done
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            COPY --from=build /out /srv
            ENTRYPOINT ["/srv/Shop.Api"]
            """;

        DockerfileProjects projects = DockerfileProjects.Of(Dockerfile.Parse(text));

        Assert.Equal(new[] { "src/Shop.Api/Shop.Api.csproj", "src/Shop.Data/Shop.Data.csproj" }, projects.ProjectFiles);
        Assert.Equal(new[] { "Shop.Api" }, projects.AppNames);
        Assert.Equal("src/Shop.Api/Shop.Api.csproj", projects.AppProjectFile);
    }

    [Fact]
    public void Globs_unknown_variables_other_stages_files_and_the_generated_block_name_no_project()
    {
        const string text = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            COPY src/*/*.csproj ./
            COPY $PROJECT/$PROJECT.csproj ./
            COPY --from=other /x/Other.csproj ./
            COPY . .
            # >>> VolumeGen: Web (generated from AppStorage; edits inside this block are overwritten)
            COPY Gen/Gen.csproj ./
            # <<< VolumeGen
            FROM mcr.microsoft.com/dotnet/aspnet:10.0
            CMD dotnet App.dll
            """;

        DockerfileProjects projects = DockerfileProjects.Of(Dockerfile.Parse(text));

        Assert.Empty(projects.ProjectFiles);
        Assert.Equal(new[] { "App" }, projects.AppNames);
        Assert.Null(projects.AppProjectFile);
    }

    [Fact]
    public void The_app_is_read_from_the_target_stage()
    {
        const string text = "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS api\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\nFROM mcr.microsoft.com/dotnet/aspnet:10.0 AS worker\nENTRYPOINT [\"dotnet\", \"Worker.dll\"]\n";

        Assert.Equal(new[] { "Worker" }, DockerfileProjects.Of(Dockerfile.Parse(text)).AppNames);
        Assert.Equal(new[] { "Api" }, DockerfileProjects.Of(Dockerfile.Parse(text), "api").AppNames);
    }
}
