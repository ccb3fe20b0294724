using VolumeGen;

namespace ProfileService;

/// <summary>Every path ProfileService writes or reads from outside the image, declared once.</summary>
[PersistentVolume("/app/data", Name = "profiles")]        // SQLite database and avatars: survives docker rm
[AnonymousVolume("/app/cache")]                            // rendered pages: may be lost, never in the image layer
[BindMount("./config", "/app/config", ReadOnly = true)]    // development: the host's config folder, read-only
public static partial class AppStorage
{
}
