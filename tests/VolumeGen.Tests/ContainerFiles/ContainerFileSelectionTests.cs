using System.Collections.Generic;
using System.Linq;
using VolumeGen.ContainerFiles;
using Xunit;

namespace VolumeGen.Tests.ContainerFiles;

/// <summary>
/// Which container files are the project's (<see cref="ContainerFileSelection"/>): the rule the analyzers, the build
/// task and the code fix share. Repositories as they are laid out: the root Dockerfile of <c>docker init</c>, Visual
/// Studio's multi-project layout, a <c>docker-compose/</c> folder, a library copied into another app's image.
/// </summary>
public sealed class ContainerFileSelectionTests
{
    private const string ShopRoot = """
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        WORKDIR /src
        COPY ["src/Shop/Shop.csproj", "src/Shop/"]
        RUN dotnet restore "src/Shop/Shop.csproj"
        COPY . .
        RUN dotnet publish "src/Shop/Shop.csproj" -o /out
        FROM mcr.microsoft.com/dotnet/aspnet:10.0
        WORKDIR /app
        COPY --from=build /out .
        ENTRYPOINT ["dotnet", "Shop.dll"]
        """;

    // Visual Studio's multi-project Dockerfile for Web: it copies the libraries' project files too.
    private const string VisualStudioWeb = """
        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
        USER $APP_UID
        WORKDIR /app
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        WORKDIR /src
        COPY ["src/Web/Web.csproj", "src/Web/"]
        COPY ["src/Application/Application.csproj", "src/Application/"]
        COPY ["src/Infrastructure/Infrastructure.csproj", "src/Infrastructure/"]
        RUN dotnet restore "./src/Web/Web.csproj"
        COPY . .
        WORKDIR "/src/src/Web"
        RUN dotnet build "./Web.csproj" -c Release -o /app/build
        FROM build AS publish
        RUN dotnet publish "./Web.csproj" -c Release -o /app/publish
        FROM base AS final
        WORKDIR /app
        COPY --from=publish /app/publish .
        ENTRYPOINT ["dotnet", "Web.dll"]
        """;

    private static ContainerFileCandidate File(string path, string text) => ContainerFileCandidate.Create(path, text)!;

    private static ContainerProject Project(string folder, string name, string? named = null, IEnumerable<string>? listed = null, string? repository = null)
        => new(folder, new[] { name, name }, named, listed, repository);

    [Fact]
    public void A_root_Dockerfile_that_runs_the_project_is_kept_without_a_report()
    {
        ContainerFileCandidate root = File("/repo/Dockerfile", ShopRoot);

        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { root }, Project("/repo/src/Shop", "Shop"));

        Assert.Same(root, selection.Dockerfile!.File);
        Assert.Same(selection.Dockerfile, selection.KeptDockerfile);
        Assert.Equal(DockerfileRelation.RunsProject, selection.Dockerfile.Relation);
        Assert.Equal("its ENTRYPOINT runs Shop.dll", selection.Dockerfile.Reason);
        Assert.Equal(10, selection.Dockerfile.Line);
        Assert.Null(selection.Report);
    }

    [Theory]
    [InlineData("FROM x\nCOPY out/ .\nENTRYPOINT [\"./Shop\"]\n", DockerfileRelation.RunsProject, "its ENTRYPOINT runs Shop")]
    [InlineData("FROM x\nRUN dotnet publish src/Shop/Shop.csproj -o /out\n", DockerfileRelation.PublishesProject, "it publishes Shop.csproj")]
    [InlineData("FROM x\nCOPY [\"src/Shop/Shop.csproj\", \"src/Shop/\"]\n", DockerfileRelation.CopiesProject, "it copies Shop.csproj")]
    [InlineData("FROM x\nCOPY ./src/Shop/ /app/\n", DockerfileRelation.CopiesProject, "it copies the project folder './src/Shop/'")]
    [InlineData("FROM x\nRUN <<EOF\ndotnet publish src/Shop/Shop.csproj\nEOF\n", DockerfileRelation.PublishesProject, "it publishes Shop.csproj")]
    public void What_a_Dockerfiles_lines_say_about_the_project(string text, DockerfileRelation relation, string reason)
    {
        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { File("/repo/Dockerfile", text) }, Project("/repo/src/Shop", "Shop"));

        Assert.Equal(relation, selection.Dockerfile!.Relation);
        Assert.Equal(reason, selection.Dockerfile.Reason);
        Assert.True(selection.Dockerfile.BuildsProject);
    }

    [Theory]
    [InlineData("FROM x\nENTRYPOINT [\"dotnet\", \"MyShop.dll\"]\nCOPY src/MyShop/MyShop.csproj .\n")] // whole names only
    [InlineData("FROM x\nCOPY src/ ./src/\n")] // every project, not this one
    [InlineData("FROM x\nCOPY . .\nRUN dotnet publish -o /out\n")]
    [InlineData("FROM x\nCOPY --from=build /src/Shop/Shop.csproj .\n")] // from a stage, not the build context
    [InlineData("FROM x\n# >>> VolumeGen: Shop\nVOLUME [\"/app/data\"]\n# <<< VolumeGen\n")] // the generated block is not evidence
    public void Lines_that_do_not_name_the_project_relate_to_nothing(string text)
    {
        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { File("/repo/Dockerfile", text) }, Project("/repo/src/Shop", "Shop"));

        Assert.Null(selection.Dockerfile);
        Assert.Empty(selection.Dockerfiles);
        Assert.StartsWith("None of the Dockerfiles found builds Shop ('../../Dockerfile': no COPY, ADD, RUN, ENTRYPOINT or CMD names Shop.csproj or Shop.dll or copies the project folder)", selection.Report);
        Assert.Equal("/repo/Dockerfile", selection.ReportFile);
    }

    [Fact]
    public void A_project_folder_copied_from_a_build_context_below_the_Dockerfiles_folder_is_not_the_project()
    {
        // The context of a Dockerfile is its folder or a folder above it: "COPY Shop/" from /repo/docker means /repo/docker/Shop
        // or /repo/Shop, never /repo/src/Shop.
        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { File("/repo/docker/Dockerfile", "FROM x\nCOPY Shop/ .\n") }, Project("/repo/src/Shop", "Shop"));

        Assert.Null(selection.Dockerfile);
    }

    [Fact]
    public void Several_Dockerfiles_in_the_project_folder_are_a_choice_VG2008_reports_the_plain_Dockerfile_wins()
    {
        var files = new[] { "Dockerfile.test", "Dockerfile.dev", "Dockerfile", "Dockerfile.prod" }.Select(n => File("/repo/src/Shop/" + n, "FROM x\n")).ToArray();

        ContainerFileSelection selection = ContainerFileSelection.Select(files, Project("/repo/src/Shop", "Shop"));

        Assert.Equal("/repo/src/Shop/Dockerfile", selection.Dockerfile!.File.Path);
        Assert.Equal(
            "The analyzers read 'Dockerfile' (in the project folder) as the Dockerfile of Shop; also found 'Dockerfile.dev' (in the project folder), 'Dockerfile.prod' (in the project folder), 'Dockerfile.test' (in the project folder); set VolumeGenDockerfile to choose another",
            selection.Report);
        Assert.Equal("/repo/src/Shop/Dockerfile", selection.ReportFile);
    }

    [Fact]
    public void The_named_Dockerfile_decides_and_nothing_is_reported()
    {
        ContainerFileCandidate root = File("/repo/Dockerfile", ShopRoot);
        ContainerFileCandidate own = File("/repo/src/Shop/Dockerfile", "FROM x\n");

        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { own, root }, Project("/repo/src/Shop", "Shop", named: "../../Dockerfile"));

        Assert.Same(root, selection.Dockerfile!.File);
        Assert.Equal(DockerfileRelation.Named, selection.Dockerfile.Relation);
        Assert.Same(selection.Dockerfile, selection.KeptDockerfile);
        Assert.Null(selection.Report);
        Assert.Single(selection.Dockerfiles);
    }

    [Fact]
    public void Visual_Studios_layout_the_app_keeps_its_own_Dockerfile_and_the_libraries_are_shipped_in_it()
    {
        ContainerFileCandidate web = File("/repo/src/Web/Dockerfile", VisualStudioWeb);

        ContainerFileSelection app = ContainerFileSelection.Select(new[] { web }, Project("/repo/src/Web", "Web"));
        ContainerFileSelection library = ContainerFileSelection.Select(new[] { web }, Project("/repo/src/Infrastructure", "Infrastructure"));

        Assert.Equal(DockerfileRelation.InProjectFolder, app.KeptDockerfile!.Relation);
        Assert.Null(app.Report);

        // The library runs in Web's image (its facts are that image's), but never writes Web's block.
        Assert.Same(web, library.Dockerfile!.File);
        Assert.Equal(DockerfileRelation.ShipsProject, library.Dockerfile.Relation);
        Assert.Equal("Web", library.Dockerfile.App);
        Assert.Equal(8, library.Dockerfile.Line);
        Assert.Null(library.KeptDockerfile);
        Assert.Single(library.ShippedIn);
        Assert.Equal(
            "No Dockerfile found builds Infrastructure; the analyzers read '../Web/Dockerfile', the image of Web that Infrastructure is copied into (its ENTRYPOINT runs Web.dll and copies Infrastructure.csproj); set VolumeGenDockerfile if another Dockerfile builds Infrastructure",
            library.Report);
    }

    [Fact]
    public void A_library_in_two_images_is_judged_in_the_nearest_and_the_report_names_both()
    {
        ContainerFileCandidate web = File("/repo/src/Web/Dockerfile", VisualStudioWeb);
        ContainerFileCandidate worker = File("/repo/Dockerfile.worker", "FROM x\nCOPY [\"src/Infrastructure/Infrastructure.csproj\", \"x/\"]\nRUN dotnet publish src/Worker/Worker.csproj -o /out\n");

        ContainerFileSelection library = ContainerFileSelection.Select(new[] { worker, web }, Project("/repo/src/Infrastructure", "Infrastructure"));

        Assert.Same(web, library.Dockerfile!.File);
        Assert.Equal(new[] { "Web", "Worker" }, library.ShippedIn.Select(static m => m.App));
        Assert.Contains("; also copied into '../../Dockerfile.worker' (it publishes Worker.csproj and copies Infrastructure.csproj)", library.Report);
    }

    [Fact]
    public void The_project_folder_wins_over_a_root_Dockerfile_and_VG2008_names_both()
    {
        ContainerFileCandidate root = File("/repo/Dockerfile", ShopRoot);
        ContainerFileCandidate own = File("/repo/src/Shop/Dockerfile", "FROM x\n");

        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { root, own }, Project("/repo/src/Shop", "Shop"));

        Assert.Same(own, selection.Dockerfile!.File);
        Assert.Equal("The analyzers read 'Dockerfile' (in the project folder) as the Dockerfile of Shop; also found '../../Dockerfile' (its ENTRYPOINT runs Shop.dll); set VolumeGenDockerfile to choose another", selection.Report);
    }

    [Fact]
    public void A_compose_file_in_another_folder_counts_through_the_services_whose_build_leads_to_the_project()
    {
        ContainerFileCandidate own = File("/repo/src/Shop/Dockerfile", "FROM x\n");
        ContainerFileCandidate compose = File("/repo/docker-compose/docker-compose.yml", """
            services:
              shop:
                build:
                  context: ../src/Shop
                volumes:
                  - ./recordings:/app/recordings
              via-dockerfile:
                build:
                  context: ..
                  dockerfile: src/Shop/Dockerfile
              other:
                build: ../src/Other
              db:
                image: postgres
            """);

        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { own, compose }, Project("/repo/src/Shop", "Shop"));

        ComposeMatch match = Assert.Single(selection.Compose);
        Assert.False(match.Whole);
        Assert.Equal(new[] { "shop", "via-dockerfile" }, match.Services.Select(static s => s.Name));
        Assert.Equal("the service 'shop' builds the project folder", match.Reason);
    }

    [Fact]
    public void Remotelys_layout_four_Dockerfiles_and_a_compose_file_whose_override_builds_the_project()
    {
        // immense/Remotely (0f023d2d): Server/ holds four Dockerfile*; docker-compose/docker-compose.yml runs the published
        // image and bind-mounts /app/AppData; docker-compose.override.yml (merged by compose) builds Server/Dockerfile.
        var dockerfiles = new[] { "Dockerfile", "Dockerfile.old", "Dockerfile.pipelines", "Dockerfile.rootless" }
            .Select(n => File("/repo/Server/" + n, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY Server/bin/publish /app\nWORKDIR /app\nENTRYPOINT [\"dotnet\", \"Remotely_Server.dll\"]\n")).ToArray();
        ContainerFileCandidate compose = File("/repo/docker-compose/docker-compose.yml",
            "services:\n  remotely:\n    image: immybot/remotely:latest\n    volumes:\n      - /var/www/remotely:/app/AppData\n  other:\n    image: nginx\n");
        ContainerFileCandidate composeOverride = File("/repo/docker-compose/docker-compose.override.yml",
            "services:\n  remotely:\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Development\n    build:\n      context: ../\n      dockerfile: Server/Dockerfile\n");

        ContainerFileSelection selection = ContainerFileSelection.Select(dockerfiles.Append(compose).Append(composeOverride), new ContainerProject("/repo/Server", new[] { "Server", "Remotely_Server" }));

        Assert.Equal("/repo/Server/Dockerfile", selection.KeptDockerfile!.File.Path);
        Assert.StartsWith("The analyzers read 'Dockerfile' (in the project folder) as the Dockerfile of Server; also found 'Dockerfile.old' (in the project folder), ", selection.Report);
        Assert.Equal(new[] { compose, composeOverride }, selection.Compose.Select(static m => m.File));
        Assert.All(selection.Compose, static m => Assert.Equal("remotely", Assert.Single(m.Services).Name));
        Assert.Equal("the service 'remotely' of '../docker-compose/docker-compose.override.yml' builds 'Dockerfile'", selection.Compose[0].Reason);
    }

    [Fact]
    public void Only_the_default_override_merges_with_its_base_file()
    {
        ContainerFileCandidate own = File("/repo/src/Shop/Dockerfile", "FROM x\n");
        ContainerFileCandidate prod = File("/repo/deploy/compose.prod.yaml", "services:\n  shop:\n    image: shop\n    volumes:\n      - data:/app/data\n");
        ContainerFileCandidate overrides = File("/repo/deploy/compose.override.yaml", "services:\n  shop:\n    build: ../src/Shop\n");

        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { own, prod, overrides }, Project("/repo/src/Shop", "Shop"));

        Assert.Equal(new[] { overrides }, selection.Compose.Select(static m => m.File)); // compose.prod.yaml merges only with -f
    }

    [Fact]
    public void A_compose_service_building_a_Dockerfile_elsewhere_from_the_project_folder_makes_it_the_projects()
    {
        ContainerFileCandidate dockerfile = File("/repo/ops/web.Dockerfile", "FROM x\nWORKDIR /srv\n");
        ContainerFileCandidate compose = File("/repo/compose.yaml", "services:\n  web:\n    build:\n      context: src/Shop\n      dockerfile: ../../ops/web.Dockerfile\n");

        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { dockerfile, compose }, Project("/repo/src/Shop", "Shop"));

        Assert.Same(dockerfile, selection.KeptDockerfile!.File);
        Assert.Equal(DockerfileRelation.BuiltByCompose, selection.Dockerfile!.Relation);
        Assert.Equal("the compose service 'web' of '../../compose.yaml' builds it from the project folder", selection.Dockerfile.Reason);
    }

    [Fact]
    public void An_image_only_compose_service_runs_the_project_when_it_runs_the_image_SDK_publishing_makes()
    {
        ContainerFileCandidate compose = File("/repo/deploy/compose.yaml", "services:\n  shop:\n    image: registry.example/acme/shop:1.4\n    volumes:\n      - data:/app/data\n  db:\n    image: postgres:16\n");

        ContainerFileSelection without = ContainerFileSelection.Select(new[] { compose }, Project("/repo/src/Shop", "Shop"));
        ContainerFileSelection with = ContainerFileSelection.Select(new[] { compose }, Project("/repo/src/Shop", "Shop", repository: "acme/shop"));

        Assert.Empty(without.Compose);
        Assert.Equal("shop", Assert.Single(Assert.Single(with.Compose).Services).Name);
        Assert.Equal("the service 'shop' runs the image acme/shop (ContainerRepository)", with.Compose[0].Reason);
    }

    [Fact]
    public void A_compose_file_in_the_project_folder_or_listed_counts_whole()
    {
        ContainerFileCandidate own = File("/repo/src/Shop/compose.yaml", "services:\n  web:\n    image: nginx\n  db:\n    image: postgres\n");
        ContainerFileCandidate listed = File("/repo/ops/docker-compose.yml", "services:\n  app:\n    build: ./app\n  cache:\n    image: redis\n");

        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { own, listed }, Project("/repo/src/Shop", "Shop", listed: new[] { "../../ops/docker-compose.yml" }));

        Assert.Equal(2, selection.Compose.Count);
        Assert.All(selection.Compose, static m => Assert.True(m.Whole));
        Assert.Equal(new[] { "web", "db" }, selection.Compose[0].Services.Select(static s => s.Name));
        Assert.Equal(new[] { "app" }, selection.Compose[1].Services.Select(static s => s.Name));
        Assert.Equal("listed in VolumeGenContainerFiles", selection.Compose[1].Reason);
    }

    [Fact]
    public void Windows_paths_compare_by_the_one_drive_rule()
    {
        ContainerFileCandidate root = File(@"C:\repo\Dockerfile", ShopRoot);
        ContainerFileCandidate compose = File(@"C:\repo\compose.yaml", "services:\n  shop:\n    build: src/Shop\n");

        ContainerFileSelection selection = ContainerFileSelection.Select(new[] { root, compose }, Project(@"C:\repo\src\Shop", "Shop", listed: new[] { @"C:\repo\ops\x.yaml" }));

        Assert.Same(root, selection.Dockerfile!.File);
        Assert.Equal("shop", Assert.Single(Assert.Single(selection.Compose).Services).Name);
        Assert.Equal("../../Dockerfile", new ContainerProject(@"C:\repo\src\Shop", new[] { "Shop" }).Display(@"C:\repo\Dockerfile"));
    }

    [Fact]
    public void Without_a_project_folder_every_file_is_the_projects_own_and_nothing_is_reported()
    {
        var files = new[] { File("/a/Dockerfile.dev", "FROM x\n"), File("/b/Dockerfile", "FROM y\n") };

        ContainerFileSelection selection = ContainerFileSelection.Select(files, new ContainerProject(null, new[] { "Shop" }));

        Assert.Equal("/b/Dockerfile", selection.Dockerfile!.File.Path);
        Assert.Null(selection.Report);
    }
}
