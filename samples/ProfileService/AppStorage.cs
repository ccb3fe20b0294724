using VolumeGen;

namespace ProfileService;

/// <summary>Every path ProfileService writes or reads from outside the image, declared once.</summary>
[PersistentVolume("/app/data", Name = "profiles")]        // SQLite database and avatars: survives docker rm
[AnonymousVolume("/app/cache")]                            // rendered pages: may be lost, never in the image layer
[BindMount("./config", "/app/config", ReadOnly = true)]    // development: the host's config folder, read-only
// ASP.NET Core buffers large form uploads in /tmp: keep them in memory, capped at 16 MiB. Mode 0777 because the app
// runs as uid 1654 and a tmpfs root belongs to root.
[TmpfsMount("/tmp", SizeBytes = 16 * 1024 * 1024, Mode = 0b111_111_111)]
public static partial class AppStorage
{
}
