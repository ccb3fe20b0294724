using VolumeGen;

[assembly: EphemeralPath("/app/tmp")]

namespace GeneratorConsumer
{
    /// <summary>Where the consumer keeps its data.</summary>
    [PersistentVolume("/app/data", Name = "profiles")]
    [AnonymousVolume("/app/cache")]
    [BindMount("./config", "/app/config", ReadOnly = true)]
    [TmpfsMount("/app/scratch", SizeBytes = 64 * 1024 * 1024, Mode = 0b111_101_101)]
    public static partial class AppStorage
    {
    }

    /// <summary>A container type.</summary>
    public partial class Outer
    {
        /// <summary>Nested, instance storage class.</summary>
        [PersistentVolume("/srv/uploads")]
        internal sealed partial class UploadStore
        {
        }
    }
}
