namespace VolumeGen.Tests;

public class ContainerPathTests
{
    [Theory]
    [InlineData("/app/data", "/app/data")]
    [InlineData("/app//data/./", "/app/data")]
    [InlineData("/app/data/", "/app/data")]
    [InlineData("//", "/")]
    [InlineData("/", "/")]
    [InlineData("", "")]
    [InlineData("./", ".")]
    [InlineData("rel/./x/", "rel/x")]
    [InlineData("/a/../b", "/a/../b")]
    [InlineData("C:\\x\\", "C:\\x\\")]
    public void Normalize(string path, string expected) => Assert.Equal(expected, ContainerPath.Normalize(path));

    [Theory]
    [InlineData("/app", "data", "/app/data")]
    [InlineData("/app", "./data/", "/app/data")]
    [InlineData("/app", "../etc", "/etc")]
    [InlineData("/", "../../x", "/x")]
    [InlineData("/app", "/abs/./p", "/abs/p")]
    [InlineData("/app/", "a/../b", "/app/b")]
    [InlineData("/app", "..", "/")]
    [InlineData("/app", "", "/app")]
    public void Resolve(string workingDirectory, string path, string expected) => Assert.Equal(expected, ContainerPath.Resolve(workingDirectory, path));

    [Theory]
    [InlineData("/app", "data", "/app/data")]
    [InlineData("/app/", "data", "/app/data")]
    [InlineData("/app", "/etc", "/etc")]
    [InlineData("", "data", "data")]
    [InlineData("/app", "", "/app")]
    public void Combine(string left, string right, string expected) => Assert.Equal(expected, ContainerPath.Combine(left, right));

    [Theory]
    [InlineData("/app/data", "/app", true)]
    [InlineData("/app", "/app", true)]
    [InlineData("/app/data/x", "/app/data", true)]
    [InlineData("/app/database", "/app/data", false)]
    [InlineData("/app", "/app/data", false)]
    [InlineData("/x", "/", true)]
    [InlineData("rel", "/", false)]
    public void IsUnder(string path, string folder, bool expected) => Assert.Equal(expected, ContainerPath.IsUnder(path, folder));

    [Theory]
    [InlineData("/app/data", true)]
    [InlineData("app", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("C:/x", false)]
    public void IsAbsolute(string? path, bool expected) => Assert.Equal(expected, ContainerPath.IsAbsolute(path));

    [Theory]
    [InlineData("/app/data", "app-data")]
    [InlineData("/var/lib/my app", "var-lib-my-app")]
    [InlineData("/a", "volume-a")]
    [InlineData("/_x_", "volume-x")]
    [InlineData("/", "volume-")]
    [InlineData("/données", "donn-es")]
    public void DefaultVolumeName(string target, string expected)
    {
        Assert.Equal(expected, ContainerPath.DefaultVolumeName(target));
        Assert.True(MountValidator.IsValidVolumeName(expected));
    }

    [Fact]
    public void Segments_skip_empty_parts() => Assert.Equal(new[] { "app", "data" }, ContainerPath.Segments("//app///data/"));

    [Theory]
    [InlineData("/app/data", "/app", "data")]
    [InlineData("/app/data/", "/app", "data")]
    [InlineData("/app", "/", "app")]
    [InlineData("/", "/", "")]
    [InlineData("data", "/", "data")]
    [InlineData("a/b", "a", "b")]
    public void Parent_and_last_segment(string path, string parent, string last)
    {
        Assert.Equal(parent, ContainerPath.Parent(path));
        Assert.Equal(last, ContainerPath.LastSegment(path));
    }
}
