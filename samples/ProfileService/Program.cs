using ProfileService;
using VolumeGen;

// `dotnet ProfileService.dll --print-run-args` prints what VolumeGen generated from AppStorage and exits:
// the docker run mount arguments (POSIX shell; bind sources resolved against the current folder) and the VOLUME line.
if (args.Contains("--print-run-args"))
{
    Console.WriteLine(AppStorage.CommandLine(ShellDialect.Posix));
    Console.WriteLine(AppStorage.DockerfileVolume);
    return;
}

// ASP.NET Core reads ASPNETCORE_TEMP when it first buffers a large upload: the declared tmpfs in the container.
string uploadBuffer = AppStorage.Resolve(AppStorage.UploadBuffer);
Directory.CreateDirectory(uploadBuffer);
Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", uploadBuffer);

var builder = WebApplication.CreateBuilder(args);

// Each declared path where this process runs: in the container, the path itself; with `dotnet run`, a folder under
// the project (./config for the bind mount, .volumegen/app/data for the volume), or what VolumeGen:Paths:… or
// VolumeGen:HostRoot in configuration or the environment say (Aspire sets them). See docs/interop.md.
Func<string, string?> settings = key => builder.Configuration[key];

// Development config comes from the read-only bind mount (AppStorage.Config); the file is optional.
builder.Configuration.AddJsonFile(Path.Combine(AppStorage.Resolve(AppStorage.Config, settings), "profileservice.json"), optional: true, reloadOnChange: false);

builder.Services.AddSingleton(new ProfileStore(AppStorage.Resolve(AppStorage.Profiles, settings)));
builder.Services.AddSingleton(new PageCache(AppStorage.Resolve(AppStorage.Cache, settings)));

var app = builder.Build();

// In a container, warn when a declared path is not really mounted (data written there would die with the
// container); VOLUMEGEN_STRICT_MOUNTS=1 makes start-up fail instead. Outside a container it does nothing.
MountVerifier.VerifyAtStartup(AppStorage.Mounts, message => app.Logger.LogWarning("{MountProblem}", message));

app.MapGet("/healthz", () => Results.Text("ok"));

app.MapGet("/", () => Results.Content(Pages.Register(), "text/html; charset=utf-8"));

app.MapPost("/register", async (HttpRequest request, ProfileStore store) =>
{
    IFormCollection form = await request.ReadFormAsync();
    string name = form["name"].ToString().Trim();
    string email = form["email"].ToString().Trim();
    if (!ProfileStore.IsValidName(name))
    {
        return Results.Content(Pages.Register($"The name '{name}' must be 1-40 characters of a-z, 0-9 and '-'."), "text/html; charset=utf-8", statusCode: 400);
    }

    if (email.Length is 0 or > 254 || !email.Contains('@'))
    {
        return Results.Content(Pages.Register($"'{email}' is not an e-mail address."), "text/html; charset=utf-8", statusCode: 400);
    }

    if (!store.TryAdd(name, email))
    {
        return Results.Content(Pages.Register($"The name '{name}' is taken; choose another."), "text/html; charset=utf-8", statusCode: 409);
    }

    return Results.Redirect("/u/" + name, permanent: false, preserveMethod: false);
});

app.MapGet("/u/{name}", (string name, ProfileStore store, PageCache cache) =>
{
    Profile? profile = ProfileStore.IsValidName(name) ? store.Find(name) : null;
    if (profile is null)
    {
        return Results.NotFound();
    }

    string html = cache.GetOrAdd(name, () => Pages.Profile(profile, File.Exists(store.AvatarPath(name))));
    return Results.Content(html, "text/html; charset=utf-8");
});

app.MapPost("/u/{name}/avatar", async (string name, HttpRequest request, ProfileStore store, PageCache cache) =>
{
    if (!ProfileStore.IsValidName(name) || store.Find(name) is null)
    {
        return Results.NotFound();
    }

    IFormCollection form = await request.ReadFormAsync();
    IFormFile? file = form.Files["avatar"];
    if (file is null || file.Length == 0 || file.Length > ProfileStore.MaxAvatarBytes)
    {
        return Results.BadRequest($"Send one image up to {ProfileStore.MaxAvatarBytes} bytes in the form field 'avatar'.");
    }

    await using (Stream content = file.OpenReadStream())
    {
        await store.SaveAvatarAsync(name, content);
    }

    cache.Remove(name);
    return Results.Redirect("/u/" + name, permanent: false, preserveMethod: false);
});

app.MapGet("/u/{name}/avatar", (string name, ProfileStore store) =>
    ProfileStore.IsValidName(name) && File.Exists(store.AvatarPath(name))
        ? Results.File(store.AvatarPath(name), "application/octet-stream")
        : Results.NotFound());

app.Run();
