using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Radar.Bot.Telegram;

/// <summary><c>POST /telegram/webhook</c>: the secret header is checked on every request (401 without it).</summary>
public static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TelegramStartup.WebhookPath, async (HttpContext context, TelegramUpdateHandler handler, IOptions<TelegramOptions> options, CancellationToken cancellationToken) =>
        {
            var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? string.Empty);
            var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString());
            if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return Results.Unauthorized();
            }

            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (update is not null)
            {
                await handler.HandleAsync(update, cancellationToken).ConfigureAwait(false);
            }

            return Results.Ok();
        });
        return endpoints;
    }
}
