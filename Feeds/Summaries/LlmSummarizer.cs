using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using Polly;
using Polly.CircuitBreaker;

namespace Radar.Feeds.Summaries;

/// <summary>
/// A two-sentence summary in the reader's language from an LLM (Microsoft.Extensions.AI's
/// <see cref="IChatClient"/>), or null — when it is off, slow, failing or says nothing — so that the
/// caller falls back to the extractive summary. Never throws. Each call has a timeout, and a circuit
/// breaker (Polly) stops calling an endpoint whose last two calls failed or timed out, for
/// <see cref="BreakDuration"/>, then lets one call through to try it again: a dead endpoint costs two
/// timeouts a minute, not one per alert.
/// </summary>
public sealed partial class LlmSummarizer : IDisposable
{
    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.Ordinal) { ["en"] = "English", ["fr"] = "French", ["ar"] = "Arabic" };
    public static readonly TimeSpan BreakDuration = TimeSpan.FromMinutes(1);

    private readonly IChatClient? _client;
    private readonly ResiliencePipeline _breaker = new ResiliencePipelineBuilder()
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 1.0,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = BreakDuration,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
        })
        .Build();
    private readonly LlmOptions _options;
    private readonly ILogger<LlmSummarizer> _logger;

    public LlmSummarizer(IOptions<LlmOptions> options, ILogger<LlmSummarizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        if (_options.Enabled)
        {
            _client = CreateClient(_options);
        }
    }

    /// <summary>
    /// The OpenAI-compatible client. A method of its own, never inlined, so that a bot without an LLM
    /// does not load the OpenAI assemblies just to construct the summarizer.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IChatClient CreateClient(LlmOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0), // the fallback is instant; retries only delay the alert
        };
        return new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? "none"), clientOptions).GetChatClient(options.Model).AsIChatClient();
    }

    public bool Enabled => _client is not null;

    public async Task<string?> SummarizeAsync(string title, string summary, string language, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            return null;
        }

        var readerLanguage = LanguageNames.GetValueOrDefault(language, "English");
        List<ChatMessage> messages =
        [
            new(ChatRole.System, $"You summarise AI-industry news for a chat alert. Answer in {readerLanguage} only, in at most two sentences and {ExtractiveSummary.MaxLength} characters. Keep the names of people, companies and models as they are written. No preamble, no markdown."),
            new(ChatRole.User, title + "\n\n" + summary),
        ];
        try
        {
            return await _breaker.ExecuteAsync(
                async token =>
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                    timeout.CancelAfter(_options.Timeout);
                    try
                    {
                        var response = await _client.GetResponseAsync(messages, new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 200 }, timeout.Token).ConfigureAwait(false);
                        var text = response.Text?.Trim();
                        return string.IsNullOrEmpty(text) ? null : ExtractiveSummary.Create(text);
                    }
                    catch (OperationCanceledException) when (!token.IsCancellationRequested)
                    {
                        throw new TimeoutException($"no answer within {_options.Timeout}"); // a failure for the breaker
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            return null; // the endpoint failed just now: the extractive summary, at once
        }
        catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            LogFallback(_logger, e.GetType().Name, e.Message);
            return null;
        }
    }

    public void Dispose() => _client?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM summary unavailable ({Kind}: {Reason}); using the extractive summary")]
    private static partial void LogFallback(ILogger logger, string kind, string reason);
}
