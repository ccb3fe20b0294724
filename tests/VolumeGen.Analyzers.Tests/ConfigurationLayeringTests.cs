using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Usage.Configuration;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// The configuration the analyzers read is layered as the ASP.NET Core host layers it: the JSON files (comments and
/// trailing commas allowed), then the container's environment (<c>__</c> is <c>:</c>).
/// </summary>
public sealed class ConfigurationLayeringTests
{
    [Fact]
    public void Json_files_flatten_into_colon_keys_with_arrays_indexed_and_comments_and_trailing_commas_allowed()
    {
        const string json = """
            // a comment the JSON provider accepts
            {
              "Storage": { "Uploads": "uploads", /* block */ "Limits": [ "a", { "Path": "p" }, ], },
              "Number": 12.5, "Flag": true, "Nothing": null,
            }
            """;
        AppConfiguration configuration = Build(new[] { ("appsettings.json", json) });

        Assert.True(configuration.IsKnown);
        Assert.Equal("uploads", Value(configuration, "Storage:Uploads"));
        Assert.Equal("uploads", Value(configuration, "storage:UPLOADS"));
        Assert.Equal("a", Value(configuration, "Storage:Limits:0"));
        Assert.Equal("p", Value(configuration, "Storage:Limits:1:Path"));
        Assert.Equal("12.5", Value(configuration, "Number"));
        Assert.Equal("True", Value(configuration, "Flag"));
        Assert.Equal(string.Empty, Value(configuration, "Nothing"));
        Assert.Equal(ConfigurationLookupStatus.Absent, configuration.Find("Storage:Missing").Status);
    }

    [Fact]
    public void A_value_keeps_its_place_in_the_file()
    {
        AppConfiguration configuration = Build(new[] { ("appsettings.json", "{\n  \"ConnectionStrings\": {\n    \"Db\": \"DataSource=app.db\"\n  }\n}\n") });
        ConfigurationEntry entry = configuration.Find("ConnectionStrings:Db").Entry!;

        Assert.Equal("/0/appsettings.json", entry.FilePath);
        Assert.Equal("appsettings.json", entry.SourceName);
        Assert.Equal(new LinePosition(2, 10), entry.LineSpan.Start);
        Assert.Equal("\"DataSource=app.db\"", "{\n  \"ConnectionStrings\": {\n    \"Db\": \"DataSource=app.db\"\n  }\n}\n".Substring(entry.Span.Start, entry.Span.Length));
        Assert.True(entry.IsJson);
    }

    [Fact]
    public void The_environment_file_overrides_appsettings_json_and_Production_is_the_default_environment()
    {
        AppConfiguration configuration = Build(new[]
        {
            ("appsettings.json", "{ \"A\": \"main\", \"B\": \"main\", \"C\": \"main\" }"),
            ("appsettings.Production.json", "{ \"A\": \"production\" }"),
            ("appsettings.Development.json", "{ \"B\": \"development\" }"),
        });

        Assert.Equal("Production", configuration.EnvironmentName);
        Assert.Equal("production", Value(configuration, "A"));
        Assert.Equal("main", Value(configuration, "B"));
    }

    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT", "Staging", "Staging")]
    [InlineData("DOTNET_ENVIRONMENT", "Staging", "Staging")]
    public void The_container_environment_chooses_the_environment_file(string variable, string value, string expected)
    {
        AppConfiguration configuration = Build(
            new[] { ("appsettings.json", "{ \"A\": \"main\" }"), ("appsettings.Staging.json", "{ \"A\": \"staging\" }") },
            new EnvironmentVariable(variable, value, "Dockerfile ENV"));

        Assert.Equal(expected, configuration.EnvironmentName);
        Assert.Equal("staging", Value(configuration, "A"));
    }

    [Fact]
    public void ASPNETCORE_ENVIRONMENT_wins_over_DOTNET_ENVIRONMENT()
        => Assert.Equal("Web", AppConfiguration.EnvironmentNameOf(new[] { new EnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Web", "x"), new EnvironmentVariable("DOTNET_ENVIRONMENT", "Host", "x") }));

    [Fact]
    public void Environment_variables_override_the_files_with_double_underscores_as_colons()
    {
        AppConfiguration configuration = Build(
            new[] { ("appsettings.json", "{ \"ConnectionStrings\": { \"Db\": \"DataSource=app.db\" }, \"Storage\": { \"Uploads\": \"uploads\" } }") },
            new EnvironmentVariable("ConnectionStrings__Db", "DataSource=/app/data/app.db", "Dockerfile ENV"),
            new EnvironmentVariable("SQLCONNSTR_Other", "x.db", "compose environment"));

        ConfigurationEntry db = configuration.Find("ConnectionStrings:Db").Entry!;
        Assert.Equal("DataSource=/app/data/app.db", db.Value);
        Assert.Equal("Dockerfile ENV", db.SourceName);
        Assert.Equal("ConnectionStrings__Db", db.WrittenName);
        Assert.False(db.IsJson);
        Assert.Equal("x.db", Value(configuration, "ConnectionStrings:Other"));
        Assert.Equal("uploads", Value(configuration, "Storage:Uploads"));
    }

    [Fact]
    public void Prefixed_host_variables_sit_below_the_files()
    {
        AppConfiguration configuration = Build(
            new[] { ("appsettings.json", "{ \"urls\": \"http://+:80\" }") },
            new EnvironmentVariable("ASPNETCORE_URLS", "http://+:8080", "Dockerfile ENV"),
            new EnvironmentVariable("ASPNETCORE_WEBROOT", "public", "Dockerfile ENV"));

        Assert.Equal("http://+:80", Value(configuration, "urls"));
        Assert.Equal("public", Value(configuration, "WEBROOT"));
        Assert.Equal("public", configuration.FindVariable("ASPNETCORE_WEBROOT")!.Value);
        Assert.Null(configuration.FindVariable("aspnetcore_webroot"));
    }

    [Theory]
    [InlineData("{ \"A\": 1, \"a\": 2 }")]
    [InlineData("{ \"A\": { \"B\": 1 }, \"A:B\": 2 }")]
    [InlineData("[ 1, 2 ]")]
    [InlineData("{ \"A\": \"unterminated }")]
    [InlineData("{ \"A\": 1 } trailing")]
    [InlineData("{ \"A\": tru }")]
    [InlineData("{ /* unterminated comment")]
    [InlineData("")]
    public void A_file_the_provider_would_reject_makes_every_key_unknown(string json)
    {
        AppConfiguration configuration = Build(new[] { ("appsettings.json", json) });

        Assert.False(configuration.IsKnown);
        Assert.Equal(ConfigurationLookupStatus.Unknown, configuration.Find("A").Status);
    }

    [Fact]
    public void Two_objects_of_one_name_merge_as_in_the_provider()
    {
        AppConfiguration configuration = Build(new[] { ("appsettings.json", "{ \"A\": { \"B\": 1 }, \"a\": { \"C\": 2 } }") });

        Assert.Equal("1", Value(configuration, "A:B"));
        Assert.Equal("2", Value(configuration, "A:C"));
    }

    [Fact]
    public void Deeper_than_64_levels_is_rejected_as_the_provider_rejects_it()
    {
        string deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);
        Assert.False(Build(new[] { ("appsettings.json", deep) }).IsKnown);
    }

    [Fact]
    public void Without_configuration_files_only_the_environment_is_known()
    {
        AppConfiguration configuration = Build(Array.Empty<(string, string)>(), new EnvironmentVariable("Data__Path", "/srv", "Dockerfile ENV"));

        Assert.False(configuration.IsKnown);
        Assert.Equal("/srv", Value(configuration, "Data:Path"));
        Assert.Equal(ConfigurationLookupStatus.Unknown, configuration.Find("Other").Status);
    }

    [Fact]
    public void Other_json_files_are_not_configuration()
    {
        AppConfiguration configuration = Build(new[] { ("package.json", "{ \"A\": \"x\" }"), ("sub/appsettings.json", "{ \"A\": \"nearest\" }") });

        Assert.Equal("nearest", Value(configuration, "A"));
    }

    private static string? Value(AppConfiguration configuration, string key)
    {
        ConfigurationLookup lookup = configuration.Find(key);
        Assert.Equal(ConfigurationLookupStatus.Found, lookup.Status);
        return lookup.Entry!.Value;
    }

    private static AppConfiguration Build(IEnumerable<(string Name, string Text)> files, params EnvironmentVariable[] environment)
        => AppConfiguration.Build(files.Select(static f => (AdditionalText)new TestAdditionalText("/0/" + f.Name, f.Text)), environment, CancellationToken.None);
}
