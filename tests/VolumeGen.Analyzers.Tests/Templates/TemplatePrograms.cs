namespace VolumeGen.Analyzers.Tests.Templates;

/// <summary>
/// The <c>Program.cs</c> of <c>dotnet new mvc --auth Individual -o x</c> and of <c>dotnet new webapp -o x</c> (no
/// authentication; .NET SDK 10.0.401), verbatim. The mvc template's other files the analyzers read are the webapp
/// template's (<see cref="WebAppIdentityTemplate"/>: the same <c>ApplicationDbContext</c>, <c>appsettings.json</c> and
/// Visual Studio Dockerfile). Markup (<c>{|#n:...|}</c>) only marks where diagnostics are expected; the HSTS comment's
/// link lost its scheme (no tracked file names an outside address).
/// </summary>
internal static class TemplatePrograms
{
    public const string MvcIdentityProgram = """
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        using x.Data;

        var builder = WebApplication.CreateBuilder(args);

        // Add services to the container.
        var connectionString = builder.Configuration.GetConnectionString("DefaultConnection") ?? throw new InvalidOperationException("Connection string 'DefaultConnection' not found.");
        builder.Services.AddDbContext<ApplicationDbContext>(options =>
            options.UseSqlite({|#0:connectionString|}));
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();

        builder.Services.{|#1:AddDefaultIdentity<IdentityUser>(options => options.SignIn.RequireConfirmedAccount = true)|}
            .AddEntityFrameworkStores<ApplicationDbContext>();
        builder.Services.AddControllersWithViews();

        var app = builder.Build();

        // Configure the HTTP request pipeline.
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Home/Error");
            // The default HSTS value is 30 days. You may want to change this for production scenarios, see aka.ms/aspnetcore-hsts.
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.UseRouting();

        app.UseAuthorization();

        app.MapStaticAssets();

        app.MapControllerRoute(
            name: "default",
            pattern: "{controller=Home}/{action=Index}/{id?}")
            .WithStaticAssets();

        app.MapRazorPages()
           .WithStaticAssets();

        app.Run();

        """;

    public const string WebAppProgram = """
        var builder = WebApplication.CreateBuilder(args);

        // Add services to the container.
        builder.Services.{|#0:AddRazorPages()|};

        var app = builder.Build();

        // Configure the HTTP request pipeline.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            // The default HSTS value is 30 days. You may want to change this for production scenarios, see aka.ms/aspnetcore-hsts.
            app.UseHsts();
        }

        app.UseHttpsRedirection();

        app.UseRouting();

        app.UseAuthorization();

        app.MapStaticAssets();
        app.MapRazorPages()
           .WithStaticAssets();

        app.Run();

        """;
}
