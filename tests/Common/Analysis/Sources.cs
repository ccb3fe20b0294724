namespace VolumeGen.TestSupport;

/// <summary>Source snippets the tests build on.</summary>
internal static class Sources
{
    public const string Usings = "using System;\nusing System.IO;\nusing System.IO.Compression;\nusing System.Threading.Tasks;\nusing Microsoft.Extensions.DependencyInjection;\nusing VolumeGen;\n";

    /// <summary>The storage class every method test shares: one mount of each kind.</summary>
    public const string StorageAttributes =
        "[PersistentVolume(\"/app/data\", Name = \"profiles\")]\n" +
        "[AnonymousVolume(\"/app/cache\")]\n" +
        "[BindMount(\"./config\", \"/app/config\", ReadOnly = true)]\n" +
        "[BindMount(\"./logs\", \"/app/logs\")]\n" +
        "[TmpfsMount(\"/app/scratch\")]\n";

    /// <summary>
    /// Packages the analyzer recognises by name (Microsoft.Data.Sqlite, hosting, Data Protection), stubbed so
    /// no package is needed; the analyzer matches them by metadata name exactly as it matches the real ones.
    /// </summary>
    public const string Stubs = """
        namespace Microsoft.Data.Sqlite
        {
            public sealed class SqliteConnection : System.IDisposable
            {
                public SqliteConnection() { }
                public SqliteConnection(string connectionString) { }
                public void Dispose() { }
                public string ConnectionString { get; set; } = "";
            }

            public sealed class SqliteConnectionStringBuilder
            {
                public SqliteConnectionStringBuilder() { }
                public SqliteConnectionStringBuilder(string connectionString) { }
                public string DataSource { get; set; } = "";
            }
        }

        namespace Microsoft.Extensions.Hosting
        {
            public interface IHostEnvironment
            {
                string ContentRootPath { get; set; }
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }

            public static class DataProtectionServiceCollectionExtensions
            {
                public static Microsoft.AspNetCore.DataProtection.IDataProtectionBuilder AddDataProtection(this IServiceCollection services) => null!;
            }
        }

        namespace Microsoft.AspNetCore.DataProtection
        {
            public interface IDataProtectionBuilder { }

            public static class DataProtectionBuilderExtensions
            {
                public static IDataProtectionBuilder PersistKeysToFileSystem(this IDataProtectionBuilder builder, System.IO.DirectoryInfo directory) => builder;
                public static IDataProtectionBuilder SetApplicationName(this IDataProtectionBuilder builder, string name) => builder;
            }
        }
        """;

    /// <summary>A program whose storage class declares the shared mounts with attributes, and a method holding <paramref name="body"/>.</summary>
    public static string WithAttributes(string body, string members = "")
        => Usings + StorageAttributes + "public static partial class AppStorage { }\n\n" + Method(body, members);

    /// <summary>A program whose storage class carries no attribute: the mounts come only from a manifest attribute, as the generator writes it.</summary>
    public static string WithManifest(string body, string manifestJson, string members = "")
        => Usings + "[assembly: System.Reflection.AssemblyMetadata(\"VolumeGen.Manifest\", " + Literal(manifestJson) + ")]\n"
            + "public static partial class AppStorage { }\n\n" + Method(body, members);

    /// <summary>A program with no VolumeGen declaration at all.</summary>
    public static string Plain(string body, string members = "")
        => Usings + "\n" + Method(body, members);

    public static string Method(string body, string members = "")
        => "class C\n{\n" + members + "\n    async Task M(string unknown, Microsoft.Extensions.Hosting.IHostEnvironment env, Microsoft.Extensions.DependencyInjection.IServiceCollection services)\n    {\n        await Task.Yield();\n        " + body + "\n    }\n}\n";

    /// <summary>A C# string literal of <paramref name="text"/>.</summary>
    public static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
