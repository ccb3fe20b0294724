extern alias runtime;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace VolumeGen.TestSupport;

/// <summary>
/// What test compilations reference: the running .NET's own assemblies (no reference-pack download) plus
/// VolumeGen.dll for the attributes.
/// </summary>
internal static class TestReferences
{
    /// <summary>A reference set with no NuGet package behind it; the assemblies come from <see cref="All"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>The path of the runtime VolumeGen.dll.</summary>
    public static string VolumeGenAssemblyPath { get; } = typeof(runtime::VolumeGen.PersistentVolumeAttribute).Assembly.Location;

    public static ImmutableArray<MetadataReference> All { get; } = Create();

    /// <summary>
    /// The ASP.NET Core shared framework (hosting, configuration, options, Identity, Data Protection) and the real
    /// libraries the test project restores (EF Core SQLite, Identity UI and stores, LiteDB, Serilog): the analyzer must
    /// recognise them exactly as they are published.
    /// </summary>
    public static ImmutableArray<MetadataReference> AspNetCore { get; } = CreateAspNetCore();

    /// <summary>The global usings of a Microsoft.NET.Sdk.Web project with ImplicitUsings enabled (what the SDK generates).</summary>
    public const string WebGlobalUsings = """
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static ImmutableArray<MetadataReference> CreateAspNetCore()
    {
        string sharedFramework = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!;
        string[] packagePrefixes =
        {
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Identity.", "Microsoft.AspNetCore.Diagnostics.EntityFrameworkCore",
            "Microsoft.Data.Sqlite", "Microsoft.Extensions.DependencyModel", "LiteDB", "Serilog",
        };
        IEnumerable<string> packages = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => packagePrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)));
        return Directory.GetFiles(sharedFramework, "*.dll")
            .Where(static path => IsManaged(path))
            .Concat(packages)
            .OrderBy(static path => path, StringComparer.Ordinal)
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> Create()
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(runtimeDirectory, "*.dll")
            .Where(static path => IsManaged(path))
            .OrderBy(static path => path, StringComparer.Ordinal)
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(VolumeGenAssemblyPath))
            .ToImmutableArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
