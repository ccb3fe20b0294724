#!/usr/bin/env bash
# The main job: pack VolumeGen, build and publish samples/ProfileService against the PACKED package, then show
# what VolumeGen keeps in sync: the Dockerfile's VolumeGen block and the docker run mount arguments.
#
# The package version is fixed (0.1.0), so a machine-wide NuGet cache would keep serving the first copy it saw.
# This script therefore restores into its own NUGET_PACKAGES (artifacts/nuget-packages) and drops the restored
# VolumeGen there before every run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sample="$root/samples/ProfileService"
export NUGET_PACKAGES="${VOLUMEGEN_NUGET_PACKAGES:-$root/artifacts/nuget-packages}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
# No build servers: the compiler server and MSBuild nodes would keep the previous analyzer and task assemblies loaded.
build_flags=(--disable-build-servers -p:UseSharedCompilation=false -nologo -v:q -clp:NoSummary)

echo "== dotnet pack src/VolumeGen -> artifacts/packages"
dotnet pack "$root/src/VolumeGen/VolumeGen.csproj" -c Release "${build_flags[@]}"
rm -rf "$NUGET_PACKAGES/volumegen"

echo "== dotnet publish samples/ProfileService -> samples/ProfileService/bin/publish"
dotnet publish "$sample/ProfileService.csproj" -c Release -o "$sample/bin/publish" "${build_flags[@]}"

echo
echo "== samples/ProfileService/Dockerfile (VolumeGen block)"
sed -n '/^# >>> VolumeGen/,/^# <<< VolumeGen/p' "$sample/Dockerfile"
echo
echo "== docker run arguments (AppStorage.CommandLine(); bind sources resolved against samples/ProfileService)"
(cd "$sample" && dotnet bin/publish/ProfileService.dll --print-run-args | head -n 1)
echo
echo "== also written: samples/ProfileService/compose.volumegen.yaml, samples/ProfileService/deploy/volumes.yaml"
echo "   and for inspection: samples/ProfileService/obj/Release/net10.0/volumegen/"
