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
    public void Visual_Studio_multi_project_Dockerfile_copies_every_project_file()
    {
        DockerfileProjects projects = DockerfileProjects.Of(Dockerfile.Parse(VisualStudio));

        Assert.Equal(new[] { "Web/Web.csproj", "Application/Application.csproj", "Infrastructure/Infrastructure.csproj" }, projects.ProjectFiles);
        Assert.Equal("Infrastructure/Infrastructure.csproj", projects.CopiedProjectFile("infrastructure"));
        Assert.Null(projects.CopiedProjectFile("Infra"));
    }

    [Fact]
    public void The_app_folder_of_a_shipped_library_is_where_the_Dockerfile_copies_the_apps_project_file_from()
    {
        ContainerFileCandidate root = ContainerFileCandidate.Create("/repo/Dockerfile", VisualStudio)!;
        var library = new ContainerProject("/repo/Infrastructure", new[] { "Infrastructure" });

        DockerfileMatch shipping = Assert.Single(ContainerFileSelection.Select(new[] { root }, library).ShippedIn);

        Assert.Equal("Web", shipping.App);
        Assert.Equal("/repo/Web", DockerfileProjects.AppFolder(shipping, library));
        // Visual Studio's own layout: the Dockerfile in the app's folder, the solution (two levels up) as the build context.
        string inAppFolder = VisualStudio.Replace("\"Web/", "\"src/Web/").Replace("\"Infrastructure/", "\"src/Infrastructure/");
        var nested = new ContainerProject("/repo/src/Infrastructure", new[] { "Infrastructure" });
        DockerfileMatch nestedShipping = Assert.Single(ContainerFileSelection.Select(new[] { ContainerFileCandidate.Create("/repo/src/Web/Dockerfile", inAppFolder)! }, nested).ShippedIn);
        Assert.Equal("/repo/src/Web", DockerfileProjects.AppFolder(nestedShipping, nested));
        // A project folder elsewhere than the copied path says: no app folder VolumeGen could trust.
        Assert.Null(DockerfileProjects.AppFolder(shipping, new ContainerProject("/elsewhere/Lib", new[] { "Infrastructure" })));
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
    public void Leading_dot_and_slash_are_folded_and_globs_variables_other_stages_and_the_generated_block_name_no_project_file()
    {
        const string text = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            COPY ./src/Shop.Api/Shop.Api.csproj src/Shop.Api/
            COPY /src/Shop.Data/Shop.Data.csproj src/Shop.Data/
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

        Assert.Equal(new[] { "src/Shop.Api/Shop.Api.csproj", "src/Shop.Data/Shop.Data.csproj" }, DockerfileProjects.Of(Dockerfile.Parse(text)).ProjectFiles);
    }
}
