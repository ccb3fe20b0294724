using System.Collections.Generic;

namespace VolumeGen.Benchmarks.Build;

/// <summary>
/// An app the <c>realapps</c> mode builds: its name, where it came from (folder and commit), the project file in the
/// benchmark's copy, the number of C# files of the project, and what the copy changed (say, a global.json removed).
/// </summary>
public sealed record RealApp(string Name, string Source, string Commit, string ProjectFile, int CSharpFiles, IReadOnlyList<string> Notes);
