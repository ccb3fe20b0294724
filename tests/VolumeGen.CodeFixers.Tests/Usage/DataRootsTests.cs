using VolumeGen.CodeFixers.Usage;
using Xunit;

namespace VolumeGen.CodeFixers.Tests.Usage;

/// <summary>One volume per data root: nested folders and folders inside declared volumes drop out.</summary>
public sealed class DataRootsTests
{
    [Fact]
    public void Nested_and_declared_folders_collapse_to_their_roots()
    {
        string[] folders = { "/app/data/uploads/2024", "/app/data", "/srv/exports", "/app/data/keys", "/var/cache/app/x", "/app/data" };

        Assert.Equal(new[] { "/app/data", "/srv/exports" }, DataRoots.Collapse(folders, new[] { "/var/cache/app" }));
    }

    [Fact]
    public void A_sibling_whose_name_starts_like_a_root_is_its_own_root()
        => Assert.Equal(new[] { "/app/data", "/app/data2" }, DataRoots.Collapse(new[] { "/app/data", "/app/data2" }, System.Array.Empty<string>()));
}
