using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Radar.Bot.Discord;

/// <summary>
/// <c>POST /discord/interactions</c>, the stateless mode for several instances behind a load
/// balancer: the Ed25519 signature (timestamp + raw body, the application's public key) is checked
/// on every request, 401 when it fails; PING answers PONG; commands are answered inline.
/// </summary>
public static class DiscordInteractionsEndpoint
{
    public const string Path = "/discord/interactions";

    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, async (HttpContext context, DiscordInteractionHandler handler, IOptions<DiscordOptions> options, CancellationToken cancellationToken) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            var body = buffer.ToArray();
            if (!Verify(options.Value.PublicKey, context.Request.Headers["X-Signature-Ed25519"].ToString(), context.Request.Headers["X-Signature-Timestamp"].ToString(), body))
            {
                return Results.Unauthorized();
            }

            using var interaction = JsonDocument.Parse(body);
            var (callback, later) = await handler.HandleAsync(interaction.RootElement, cancellationToken).ConfigureAwait(false);
            if (later is not null)
            {
                // Deferred: the reply would edit the original response through REST, which this
                // stateless mode leaves to the instance's dispatcher; answer now instead.
                callback = new() { ["type"] = DiscordInteractionHandler.Message, ["data"] = DiscordInteractionHandler.ReplyData(await later.ConfigureAwait(false)) };
            }

            return Results.Text(callback.ToJsonString(), "application/json");
        });
        return endpoints;
    }

    public static bool Verify(string? publicKeyHex, string signatureHex, string timestamp, byte[] body)
    {
        if (string.IsNullOrEmpty(publicKeyHex) || signatureHex.Length != 128 || timestamp.Length == 0)
        {
            return false;
        }

        try
        {
            var algorithm = SignatureAlgorithm.Ed25519;
            var key = PublicKey.Import(algorithm, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
            var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
            return algorithm.Verify(key, message, Convert.FromHexString(signatureHex));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
