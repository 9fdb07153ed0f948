using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Radar.Feeds.Summaries;

/// <summary>
/// The one question Radar asks an OpenAI-compatible endpoint, through Microsoft.Extensions.AI's
/// <see cref="IChatClient"/>. Every reference to those assemblies is here, so that a bot without an
/// LLM never loads them (<see cref="LlmSummarizer"/> makes one only when the LLM is on).
/// </summary>
public sealed class LlmChat : IDisposable
{
    private readonly IChatClient _client;

    public LlmChat(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0), // the fallback is instant; retries only delay the alert
        };
        _client = new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? "none"), clientOptions).GetChatClient(options.Model).AsIChatClient();
    }

    /// <summary>At most two sentences in <paramref name="readerLanguage"/> (its English name) about the news, or null when the answer is empty.</summary>
    public async Task<string?> SummarizeAsync(string readerLanguage, string title, string summary, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, $"You summarise AI-industry news for a chat alert. Answer in {readerLanguage} only, in at most two sentences and {ExtractiveSummary.MaxLength} characters. Keep the names of people, companies and models as they are written. No preamble, no markdown."),
            new(ChatRole.User, title + "\n\n" + summary),
        ];
        var response = await _client.GetResponseAsync(messages, new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 200 }, cancellationToken).ConfigureAwait(false);
        var text = response.Text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public void Dispose() => _client.Dispose();
}
