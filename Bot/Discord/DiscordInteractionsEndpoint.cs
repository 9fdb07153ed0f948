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
            var body = await Hosting.RequestBody.ReadAsync(context.Request, Hosting.RequestBody.WebhookMaxBytes, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return Hosting.RequestBody.TooLarge();
            }

            if (!Verify(options.Value.PublicKey, context.Request.Headers["X-Signature-Ed25519"].ToString(), context.Request.Headers["X-Signature-Timestamp"].ToString(), body))
            {
                return Results.Unauthorized();
            }

            // A correctly signed body can still be malformed (not JSON, fields missing or of the wrong kind): 400, quietly.
            JsonElement root;
            System.Text.Json.Nodes.JsonObject callback;
            Task<Chat.Reply>? later;
            string? application = null, token = null;
            try
            {
                using var interaction = JsonDocument.Parse(body);
                root = interaction.RootElement.Clone();
                (callback, later) = await handler.HandleAsync(root, lifetime.ApplicationStopping).ConfigureAwait(false);
                if (later is not null)
                {
                    application = root.GetProperty("application_id").GetString()!;
                    token = root.GetProperty("token").GetString()!;
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
            {
                LogMalformed(logger, e.GetType().Name);
                return Results.BadRequest();
            }

            if (later is not null)
            {
                // Deferred ("thinking…") now; the reply edits the original response when it is ready.
                _ = Task.Run(
                    async () =>
                    {
                        try
                        {
                            var reply = await later.ConfigureAwait(false);
                            await rest.EditOriginalResponseAsync(application!, token!, DiscordInteractionHandler.ReplyData(reply), lifetime.ApplicationStopping, reply.Image).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction: a signed but malformed body ({Kind}); answered 400")]
    private static partial void LogMalformed(ILogger logger, string kind);

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
