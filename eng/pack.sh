#!/usr/bin/env bash
# Packs every package into artifacts/packages: VolumeGen (lib, analyzers, build task), VolumeGen.Docker, VolumeGen.Cli,
# VolumeGen.Testcontainers, VolumeGen.Aspire.
# (`dotnet pack VolumeGen.sln -c Release` does the same but also builds every test project.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for project in VolumeGen VolumeGen.Docker VolumeGen.Cli VolumeGen.Testcontainers VolumeGen.Aspire; do
  dotnet pack "$root/src/$project/$project.csproj" -c Release --disable-build-servers -p:UseSharedCompilation=false -nologo -v:q -clp:NoSummary
done
ls -1 "$root/artifacts/packages"
