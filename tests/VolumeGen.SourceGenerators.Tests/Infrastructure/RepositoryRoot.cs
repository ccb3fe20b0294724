using System;
using System.IO;

namespace VolumeGen.SourceGenerators.Tests.Infrastructure;

/// <summary>The repository checkout the tests run from (the folder holding VolumeGen.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "VolumeGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("VolumeGen.sln not found above " + AppContext.BaseDirectory + "; run the tests from the repository.");
    }
}
