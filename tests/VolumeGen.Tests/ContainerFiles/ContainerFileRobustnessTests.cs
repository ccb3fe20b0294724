using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using VolumeGen.ContainerFiles;

namespace VolumeGen.Tests.ContainerFiles;

/// <summary>
/// The readers on broken input: the compose examples and a set of Dockerfiles, each mutated thousands of times
/// (characters deleted, duplicated, swapped for YAML and Dockerfile metacharacters). Nothing may throw; the
/// models stay consistent (container paths absolute, lines inside the text).
/// </summary>
public sealed class ContainerFileRobustnessTests
{
    private const string Metacharacters = "-:[]{}#&*!|>'\"%@`,?\\$ \t\n\r<";

    private static readonly string[] Dockerfiles =
    {
        "# syntax=docker/dockerfile:1\n# escape=`\nARG BASE=scratch\nFROM ${BASE} AS base\nENV A=/x B=\"two words\"\nWORKDIR $A\nVOLUME [\"/data\", \"$B\"] `\n  /more\nRUN <<EOF\necho hi > /data/x\nEOF\nFROM base\nCOPY --from=base <<-END /etc/x\n\tEND\nUSER app:app\nVOLUME ${A:-/y} ${B:+/z} ${C?err}\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n# >>> VolumeGen\nVOLUME [\"/app/data\"]\n# <<< VolumeGen\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n",
    };

    [Fact]
    public void Mutated_compose_files_and_dockerfiles_never_throw()
    {
        var random = new Random(13);
        string folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "ContainerFiles", "ComposeExamples");
        List<string> composeSeeds = Directory.EnumerateFiles(folder, "*.yaml").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(composeSeeds);
        for (int i = 0; i < 4000; i++)
        {
            string compose = Mutate(random, composeSeeds[random.Next(composeSeeds.Count)]);
            ComposeFile file = ComposeFile.Parse(compose);
            Assert.All(file.Services.SelectMany(static s => s.Volumes), static v => Assert.False(string.IsNullOrEmpty(v.Target)));

            string text = Mutate(random, Dockerfiles[random.Next(Dockerfiles.Length)]);
            Dockerfile dockerfile = Dockerfile.Parse(text);
            int lines = text.Split('\n').Length;
            foreach (DockerfileStage stage in dockerfile.Stages)
            {
                Assert.All(stage.Volumes, v => Assert.True(v.ContainerPath is null || v.ContainerPath.StartsWith("/", StringComparison.Ordinal)));
            }

            Assert.All(dockerfile.Instructions, i => Assert.InRange(i.Line, 1, lines));
            Assert.All(DockerfileLint.Check(dockerfile), f => Assert.InRange(f.Line, 1, lines));
        }
    }

    private static string Mutate(Random random, string seed)
    {
        var text = new StringBuilder(seed);
        int mutations = 1 + random.Next(6);
        for (int m = 0; m < mutations && text.Length > 0; m++)
        {
            int at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0:
                    text.Remove(at, Math.Min(1 + random.Next(8), text.Length - at));
                    break;
                case 1:
                    text.Insert(at, Metacharacters[random.Next(Metacharacters.Length)]);
                    break;
                case 2:
                    text[at] = Metacharacters[random.Next(Metacharacters.Length)];
                    break;
                default:
                    int length = Math.Min(1 + random.Next(20), text.Length - at);
                    text.Insert(at, text.ToString(at, length));
                    break;
            }
        }

        return text.ToString();
    }
}
