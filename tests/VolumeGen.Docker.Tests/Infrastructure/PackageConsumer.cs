using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// A throw-away project outside the repository that references the packed VolumeGen package by PackageReference,
/// as a user's project does. Empty Directory.Build.* files above it keep any enclosing folder's settings out.
/// </summary>
internal sealed class PackageConsumer
{
    private readonly string _nuGetPackages;

    private PackageConsumer(string folder, string name, string nuGetPackages)
    {
        Folder = folder;
        Name = name;
        _nuGetPackages = nuGetPackages;
    }

    public string Folder { get; }

    public string Name { get; }

    /// <summary>The assembly <see cref="Build"/> writes.</summary>
    public string Assembly => File(Path.Combine("bin", "Debug", "net10.0", Name + ".dll"));

    /// <summary>Creates <paramref name="root"/>/<paramref name="name"/> with a net10.0 console csproj and <paramref name="files"/>.</summary>
    public static PackageConsumer Create(string root, string name, IReadOnlyDictionary<string, string> files)
    {
        System.IO.File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        System.IO.File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        System.IO.File.WriteAllText(Path.Combine(root, "nuget.config"), PackedVolumeGen.NuGetConfig());
        string folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        System.IO.File.WriteAllText(Path.Combine(folder, name + ".csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="VolumeGen" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        foreach (KeyValuePair<string, string> file in files)
        {
            System.IO.File.WriteAllText(Path.Combine(folder, file.Key), file.Value);
        }

        return new PackageConsumer(folder, name, Path.Combine(root, "nuget-packages"));
    }

    public string File(string relative) => Path.Combine(Folder, relative);

    /// <summary>The environment every command of this consumer runs with (the packed feed, the isolated NUGET_PACKAGES).</summary>
    public Dictionary<string, string> Environment => PackedVolumeGen.Environment(_nuGetPackages);

    /// <summary>Runs <c>dotnet build</c> (restoring from the packed feed), which also runs VolumeGen's build task.</summary>
    public ProcessResult Build()
        => DockerEngine.Run("dotnet", new[] { "build", Name + ".csproj" }.Concat(PackedVolumeGen.QuietBuildArguments), Folder, PackedVolumeGen.Environment(_nuGetPackages));

    /// <summary>Runs the built program in its project folder.</summary>
    public ProcessResult Run() => DockerEngine.Run("dotnet", new[] { Assembly }, Folder, PackedVolumeGen.Environment(_nuGetPackages));
}
