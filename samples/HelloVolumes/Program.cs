using System;
using System.Collections.Generic;
using VolumeGen;

// The README's declaration, built by hand (later samples let the generator build it from attributes):
// [PersistentVolume("/app/data", Name = "profiles")], [AnonymousVolume("/app/cache")],
// [BindMount("./config", "/app/config", ReadOnly = true)], [TmpfsMount("/app/scratch", SizeBytes = 64 MiB)].
var mounts = new MountSet(
    Mount.NamedVolume("/app/data", name: "profiles"),
    Mount.AnonymousVolume("/app/cache"),
    Mount.Bind("./config", "/app/config", readOnly: true),
    Mount.Tmpfs("/app/scratch", sizeBytes: 64L * 1024 * 1024));

Console.WriteLine("Declared mounts:");
foreach (Mount mount in mounts)
{
    Console.WriteLine("  " + mount);
}

IReadOnlyList<MountProblem> problems = mounts.Validate();
Console.WriteLine();
Console.WriteLine(problems.Count == 0 ? "Validation: no problems." : $"Validation: {problems.Count} problem(s):");
foreach (MountProblem problem in problems)
{
    Console.WriteLine($"  {problem.Severity} {problem}");
}

if (MountValidator.HasErrors(problems))
{
    return 1;
}

// Docker wants an absolute bind source: relative ones resolve against this root (null: the current directory).
string? bindRoot = null;
Console.WriteLine();
Console.WriteLine("docker run arguments, --mount form (one per line, as ProcessStartInfo.ArgumentList gets them):");
foreach (string argument in mounts.ToRunArguments(MountStyle.Mount, bindRoot))
{
    Console.WriteLine("  " + argument);
}

Console.WriteLine();
Console.WriteLine("docker run arguments, -v form:");
foreach (string argument in mounts.ToRunArguments(MountStyle.Volume, bindRoot))
{
    Console.WriteLine("  " + argument);
}

Console.WriteLine();
Console.WriteLine("POSIX shell:");
Console.WriteLine("  docker run " + mounts.ToCommandLine(ShellDialect.Posix, MountStyle.Mount, bindRoot) + " IMAGE");
Console.WriteLine();
Console.WriteLine("Dockerfile:");
Console.WriteLine("  " + mounts.ToDockerfileVolume());
return 0;
