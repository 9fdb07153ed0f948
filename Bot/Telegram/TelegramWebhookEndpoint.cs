using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Radar.Bot.Hosting;
using Radar.Storage.Stores;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Radar.Bot.Telegram;

/// <summary>
/// <c>POST /telegram/webhook</c>: the secret header is checked on every request (401 without it), and
/// an update Telegram delivers again (it does after a slow or failed answer) is handled once.
/// </summary>
public static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TelegramStartup.WebhookPath, async (HttpContext context, TelegramUpdateHandler handler, HandledUpdateStore handled, TimeProvider time, IOptions<TelegramOptions> options, CancellationToken cancellationToken) =>
        {
            var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? string.Empty);
            var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString());
            if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return Results.Unauthorized();
            }

            var body = await RequestBody.ReadAsync(context.Request, RequestBody.WebhookMaxBytes, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return RequestBody.TooLarge();
            }

            Update? update;
            try
            {
                update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (update is null)
            {
                return Results.Ok();
            }

            // Telegram sends an update again when the answer was slow or failed: handle each id once.
            if (!await handled.TryTakeAsync(TelegramPlatform.PlatformName, update.Id, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false))
            {
                return Results.Ok();
            }

            try
            {
                await handler.HandleAsync(update, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await handled.ReleaseAsync(TelegramPlatform.PlatformName, update.Id, CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            return Results.Ok();
        });
        return endpoints;
    }
}
