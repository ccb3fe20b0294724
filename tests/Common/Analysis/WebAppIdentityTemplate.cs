namespace VolumeGen.TestSupport;

/// <summary>
/// The files of <c>dotnet new webapp --auth Individual -o x</c> (.NET SDK 10.0.401) that the analyzers read, verbatim,
/// and the Dockerfile Visual Studio writes for it (multi-stage; the final stage is <c>FROM base AS final</c>, which runs
/// as <c>USER $APP_UID</c> in <c>WORKDIR /app</c>). Markup (<c>{|#n:...|}</c>) only marks where diagnostics are expected.
/// </summary>
internal static class WebAppIdentityTemplate
{
    public const string Program = """
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
        builder.Services.AddRazorPages();

        var app = builder.Build();

        // Configure the HTTP request pipeline.
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
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

    public const string ApplicationDbContext = """
        using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore;

        namespace x.Data;

        public class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : IdentityDbContext(options)
        {
        }

        """;

    public const string AppSettings = """
        {
          "ConnectionStrings": {
            "DefaultConnection": {|#2:"DataSource=app.db;Cache=Shared"|}
          },
          "Logging": {
            "LogLevel": {
              "Default": "Information",
              "Microsoft.AspNetCore": "Warning"
            }
          },
          "AllowedHosts": "*"
        }

        """;

    public const string AppSettingsDevelopment = """
        {
          "DetailedErrors": true,
          "Logging": {
            "LogLevel": {
              "Default": "Information",
              "Microsoft.AspNetCore": "Warning"
            }
          }
        }

        """;

    public const string VisualStudioDockerfile = """
        # See aka.ms/customizecontainer to learn how to customize your debug container and how Visual Studio uses this Dockerfile to build your images for faster debugging.

        # This stage is used when running from VS in fast mode (Default for Debug configuration)
        FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
        USER $APP_UID
        WORKDIR /app
        EXPOSE 8080
        EXPOSE 8081


        # This stage is used to build the service project
        FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
        ARG BUILD_CONFIGURATION=Release
        WORKDIR /src
        COPY ["x.csproj", "."]
        RUN dotnet restore "./x.csproj"
        COPY . .
        WORKDIR "/src/."
        RUN dotnet build "./x.csproj" -c $BUILD_CONFIGURATION -o /app/build

        # This stage is used to publish the service project to be copied to the final stage
        FROM build AS publish
        ARG BUILD_CONFIGURATION=Release
        RUN dotnet publish "./x.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

        # This stage is used in production or when running from VS in regular mode (Default when not using the Debug configuration)
        FROM base AS final
        WORKDIR /app
        COPY --from=publish /app/publish .
        ENTRYPOINT ["dotnet", "x.dll"]

        """;
}
