using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Radar.Bot.Discord;

/// <summary>
/// <c>POST /discord/interactions</c>, the stateless mode for several instances behind a load
/// balancer: the Ed25519 signature (timestamp + raw body, the application's public key) is checked
/// on every request, 401 when it fails; PING answers PONG; quick commands are answered inline, slow
/// ones are deferred and their reply edits the original response.
/// </summary>
public static partial class DiscordInteractionsEndpoint
{
    public const string Path = "/discord/interactions";

    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, async (HttpContext context, DiscordInteractionHandler handler, Rest.DiscordRestClient rest, IOptions<DiscordOptions> options, IHostApplicationLifetime lifetime, ILogger<DiscordInteractionHandler> logger, CancellationToken cancellationToken) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            var body = buffer.ToArray();
            if (!Verify(options.Value.PublicKey, context.Request.Headers["X-Signature-Ed25519"].ToString(), context.Request.Headers["X-Signature-Timestamp"].ToString(), body))
            {
                return Results.Unauthorized();
            }

            using var interaction = JsonDocument.Parse(body);
            var root = interaction.RootElement.Clone();
            var (callback, later) = await handler.HandleAsync(root, lifetime.ApplicationStopping).ConfigureAwait(false);
            if (later is not null)
            {
                // Deferred ("thinking…") now; the reply edits the original response when it is ready.
                var application = root.GetProperty("application_id").GetString()!;
                var token = root.GetProperty("token").GetString()!;
                _ = Task.Run(
                    async () =>
                    {
                        try
                        {
                            var reply = await later.ConfigureAwait(false);
                            await rest.EditOriginalResponseAsync(application, token, DiscordInteractionHandler.ReplyData(reply), lifetime.ApplicationStopping).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is Rest.DiscordApiException or HttpRequestException or JsonException or OperationCanceledException)
                        {
                            LogReplyFailed(logger, e.Message);
                        }
                    },
                    CancellationToken.None);
            }

            return Results.Text(callback.ToJsonString(), "application/json");
        });
        return endpoints;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord interaction reply could not be sent: {Reason}")]
    private static partial void LogReplyFailed(ILogger logger, string reason);

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
