namespace ProfileService;

/// <summary>Rendered profile pages on disk under the anonymous cache volume: losing them costs only a re-render.</summary>
public sealed class PageCache
{
    private readonly string _directory;

    public PageCache(string directory)
    {
        _directory = Path.Combine(directory, "pages");
        Directory.CreateDirectory(_directory);
    }

    public string GetOrAdd(string name, Func<string> render)
    {
        string path = Path.Combine(_directory, name + ".html");
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        string html = render();
        File.WriteAllText(path, html);
        return html;
    }

    public void Remove(string name) => File.Delete(Path.Combine(_directory, name + ".html"));
}
