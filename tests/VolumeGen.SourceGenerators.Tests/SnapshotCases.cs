using System.Collections.Generic;

namespace VolumeGen.SourceGenerators.Tests;

/// <summary>The declaration shapes the snapshot tests cover (each a set of source files).</summary>
internal static class SnapshotCases
{
    public const string BlockNamespace = """
        using VolumeGen;
        namespace Shop.Storage
        {
            [PersistentVolume("/app/data", Name = "profiles")]
            [AnonymousVolume("/app/cache")]
            public static partial class AppStorage { }
        }
        """;

    public const string HostileStrings = "using VolumeGen;\n"
        + "namespace Hostile\n{\n"
        + "    [PersistentVolume(\"/app/it's \\\"quoted\\\" $HOME \\\\ back\", Name = \"q.v_1-2\")]\n"
        + "    [AnonymousVolume(\"/app/line\\u2028sep\\u2029para\")]\n"
        + "    [BindMount(\"./a,b=c\\\"d\", \"/app/comma,=\\\"x\")]\n"
        + "    [TmpfsMount(\"/app/lone\\uD800surrogate\\uDC00 \\uFEFF\\U0001F600 日本\")]\n"
        + "    internal static partial class Escapes { }\n"
        + "}\n";

    public const string NestedInClassAndStruct = """
        using VolumeGen;
        namespace Shop
        {
            public partial class Outer
            {
                internal partial struct Middle
                {
                    [TmpfsMount("/app/tmp", SizeBytes = 1024)]
                    private static partial class Inner { }
                }
            }
        }
        """;

    public const string NullableDisabled = """
        #nullable disable
        using VolumeGen;
        [BindMount("./config", "/app/config", ReadOnly = true)]
        public sealed partial class LegacyStorage
        {
            public string Untyped;
        }
        """;

    public static readonly IReadOnlyDictionary<string, string[]> All = new Dictionary<string, string[]>
    {
        ["AllKindsFileScopedNamespace"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            [PersistentVolume("/app/data", Name = "profiles")]
            [AnonymousVolume("/app/cache")]
            [BindMount("./config", "/app/config", ReadOnly = true)]
            [TmpfsMount("/app/scratch", SizeBytes = 64 * 1024 * 1024, Mode = 0b111_101_101)]
            public static partial class AppStorage { }
            """,
        },
        ["BlockNamespace"] = new[] { BlockNamespace },
        ["GlobalNamespace"] = new[]
        {
            """
            using VolumeGen;
            [PersistentVolume("/var/lib/app")]
            partial class GlobalStorage { }
            """,
        },
        ["DottedNamespace"] = new[]
        {
            """
            using VolumeGen;
            namespace Company.Product.Service.Data;
            [AnonymousVolume("/app/cache")]
            internal static partial class CacheStorage { }
            """,
        },
        ["NestedInClassAndStruct"] = new[] { NestedInClassAndStruct },
        ["NestedInRecordAndInterface"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            public partial record Settings
            {
                public partial interface IHolder
                {
                    [PersistentVolume("/app/settings")]
                    public partial class Storage { }
                }
            }
            """,
        },
        ["InstanceSealedClass"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            [PersistentVolume("/app/uploads", ReadOnly = true, NoCopy = true)]
            public sealed partial class UploadStore
            {
                private readonly string _root = Uploads;
                public string Root => _root;
            }
            """,
        },
        ["RecordStorageClass"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            [TmpfsMount("/app/scratch", Mode = 448)]
            public partial record ScratchStorage(string Owner);
            """,
        },
        ["SeveralClasses"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            [PersistentVolume("/app/orders")] public static partial class Orders { }
            [PersistentVolume("/app/users")] public static partial class Users { }
            """,
            """
            using VolumeGen;
            namespace Billing { [AnonymousVolume("/app/invoices")] internal static partial class Invoices { } }
            """,
        },
        ["PartialAcrossFiles"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            [PersistentVolume("/app/data")]
            public static partial class Split { }
            """,
            """
            using VolumeGen;
            namespace Shop;
            [TmpfsMount("/app/tmp")]
            public static partial class Split { public const string Other = "x"; }
            """,
        },
        ["ConstantExpressionsAndNameof"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            internal static class Paths
            {
                public const string Root = "/srv/app";
                public const long MiB = 1024 * 1024;
            }
            [PersistentVolume(Paths.Root + "/" + nameof(Profiles), Name = nameof(Profiles) + "-v2")]
            [TmpfsMount(Paths.Root + "/tmp", SizeBytes = 16 * Paths.MiB)]
            public static partial class Profiles { }
            """,
        },
        ["NameCollisions"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            [PersistentVolume("/a/data")]
            [PersistentVolume("/b/data")]
            [AnonymousVolume("/c/Data")]
            [PersistentVolume("/d/existing")]
            [AnonymousVolume("/e/collisions")]
            [TmpfsMount("/f/mount-s")]
            public static partial class Collisions
            {
                public static int Existing => 1;
            }
            """,
        },
        ["HostileIdentifiers"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            [PersistentVolume("/app/2024-reports")]
            [PersistentVolume("/app/class")]
            [AnonymousVolume("/app/données")]
            [AnonymousVolume("/app/数据")]
            [TmpfsMount("/app/@@@")]
            [TmpfsMount("/app/my.cache_dir v2")]
            [BindMount("./x", "/app/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
            public static partial class Identifiers { }
            """,
        },
        ["HostileStrings"] = new[] { HostileStrings },
        ["InheritedMemberNames"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            public class StorageBase { public static string Data => "base"; protected int Logs; }
            [PersistentVolume("/app/data")]
            [PersistentVolume("/app/logs")]
            [AnonymousVolume("/app/to-string")]
            [AnonymousVolume("/app/equals")]
            [TmpfsMount("/app/get-hash-code")]
            [TmpfsMount("/app/get-type")]
            public partial class DerivedStorage : StorageBase { }
            """,
        },
        ["DerivedStorageClass"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            [PersistentVolume("/app/base")]
            [PersistentVolume("/app/data")]
            public partial class BaseStorage { }
            [AnonymousVolume("/app/derived")]
            [AnonymousVolume("/srv/data")]
            public sealed partial class DerivedStorage : BaseStorage { }
            """,
        },
        ["KeywordNames"] = new[]
        {
            """
            using VolumeGen;
            namespace @event.@class;
            [PersistentVolume("/app/static", Name = "static")]
            public static partial class @string { }
            """,
        },
        ["BindOptionsAndSelinux"] = new[]
        {
            """
            using VolumeGen;
            namespace Dev;
            [BindMount("./src", "/app/src", SelinuxLabel = SelinuxLabel.Shared)]
            [BindMount("/home/me/config", "/app/config", ReadOnly = true, SelinuxLabel = SelinuxLabel.Private)]
            [BindMount("C:\\data\\uploads", "/app/uploads")]
            public static partial class DevMounts { }
            """,
        },
        ["WarningsStillGenerate"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            [PersistentVolume("/app")]
            [TmpfsMount("/app/tmp")]
            [AnonymousVolume("/app/with:colon")]
            public static partial class Warned { }
            """,
        },
        ["NullableDisabled"] = new[] { NullableDisabled },
        ["EphemeralPathsOnly"] = new[]
        {
            """
            using VolumeGen;
            [assembly: EphemeralPath("/tmp")]
            [assembly: EphemeralPath("/app/tmp/")]
            namespace Shop;
            [EphemeralPath("/app/cache")]
            public class NotAStorageClass { }
            """,
        },
        ["InvalidClassesSkipped"] = new[]
        {
            """
            using VolumeGen;
            namespace Shop;
            [PersistentVolume("relative")] public static partial class Relative { }
            [PersistentVolume("/app/ok")] public static class NotPartial { }
            [PersistentVolume("/app/generic")] public partial class Generic<T> { }
            [PersistentVolume("/app/valid")] public static partial class Valid { }
            """,
        },
    };
}
