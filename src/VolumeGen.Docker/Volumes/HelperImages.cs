using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace VolumeGen.Docker;

/// <summary>
/// Picks the image for the helper container from what the engine already has — never pulls: the one asked for, else
/// the image of a container that uses the volumes (the app's own), else a candidate such as the Dockerfile's base.
/// </summary>
internal static class HelperImages
{
    public static async Task<string> ResolveAsync(IDockerClient client, VolumeTransferOptions options, IEnumerable<string> volumes, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.HelperImage))
        {
            string image = options.HelperImage!.Trim();
            if (await ExistsAsync(client, image, cancellationToken).ConfigureAwait(false))
            {
                return image;
            }

            throw new VolumeTransferException(VolumeTransferProblem.NoHelperImage, null,
                $"The image '{image}' is not on the Docker engine, and VolumeGen never pulls one. Name an image the engine has (docker images) — it is only used to create a container that is never started — or pull or build it first.");
        }

        string[] names = volumes.Distinct().ToArray();
        foreach (string volume in names)
        {
            foreach (VolumeUser user in await client.FindVolumeUsersAsync(volume, cancellationToken).ConfigureAwait(false))
            {
                if (user.ImageId.Length > 0 && await ExistsAsync(client, user.ImageId, cancellationToken).ConfigureAwait(false))
                {
                    return user.ImageId;
                }
            }
        }

        foreach (string candidate in options.CandidateImages.Where(static c => !string.IsNullOrWhiteSpace(c)))
        {
            if (await ExistsAsync(client, candidate, cancellationToken).ConfigureAwait(false))
            {
                return candidate;
            }
        }

        string tried = options.CandidateImages.Count == 0 ? string.Empty : $", and the engine has none of {string.Join(", ", options.CandidateImages.Select(static c => "'" + c + "'"))}";
        throw new VolumeTransferException(VolumeTransferProblem.NoHelperImage, null,
            $"VolumeGen needs an image the Docker engine already has to create its helper container (never started, never pulled), but no container uses {string.Join(" or ", names.Select(static n => "'" + n + "'"))}{tried}. Name one with --image (API: VolumeTransferOptions.HelperImage), e.g. your app's image or its base image; see 'docker images'. Any image will do, even a chiseled or distroless one without a shell: the container is only created, never started, and the engine itself reads and writes the volumes.");
    }

    private static async Task<bool> ExistsAsync(IDockerClient client, string image, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
