using VolumeGen;

namespace ProfileService;

/// <summary>Every path ProfileService writes or reads from outside the image, declared once.</summary>
[PersistentVolume("/app/data", Name = "profiles")]        // SQLite database and avatars: survives docker rm
[AnonymousVolume("/app/cache")]                            // rendered pages: may be lost, never in the image layer
[BindMount("./config", "/app/config", ReadOnly = true)]    // development: the host's config folder, read-only
// Form uploads over 64 KiB are buffered on disk (ASPNETCORE_TEMP, see Program.cs): in memory here, capped at 16 MiB.
// No Mode: Docker's default (1777) lets a non-root app write, and compose before 2.14 has no tmpfs mode.
[TmpfsMount("/app/upload-buffer", SizeBytes = 16 * 1024 * 1024)]
public static partial class AppStorage
{
}
