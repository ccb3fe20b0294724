namespace VolumeGen.ContainerFiles;

/// <summary>How a Dockerfile relates to the project, strongest first (<see cref="DockerfileMatch"/> says why).</summary>
public enum DockerfileRelation
{
    /// <summary>The Dockerfile has nothing to do with the project.</summary>
    None,

    /// <summary><c>VolumeGenDockerfile</c> names it: nothing else is considered.</summary>
    Named,

    /// <summary><c>VolumeGenContainerFiles</c> lists it.</summary>
    Listed,

    /// <summary>It sits in the project folder (Visual Studio's layout, <c>docker init</c> in the project folder).</summary>
    InProjectFolder,

    /// <summary>A compose service builds it with the project folder as the build context.</summary>
    BuiltByCompose,

    /// <summary>Its <c>ENTRYPOINT</c> or <c>CMD</c> runs the project's assembly (<c>Shop.dll</c>, or the app host <c>./Shop</c>).</summary>
    RunsProject,

    /// <summary>A <c>RUN dotnet publish</c> (or <c>build</c>) builds the project's <c>.csproj</c>.</summary>
    PublishesProject,

    /// <summary>It copies the project (its <c>.csproj</c>, its assembly or its folder) and builds no other app.</summary>
    CopiesProject,

    /// <summary>
    /// It copies the project into the image of another app (its <c>ENTRYPOINT</c> runs, or its <c>dotnet publish</c>
    /// builds, another project): the project is a library that image ships. The build never writes this Dockerfile's
    /// block for the project; the app's build does.
    /// </summary>
    ShipsProject,
}
