using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace Radar.Feeds.Summaries;

/// <summary>
/// A two-sentence summary in the reader's language from an LLM (<see cref="LlmChat"/>), or null —
/// when it is off, slow, failing or says nothing — so that the caller falls back to the extractive
/// summary. Never throws. Each call has a timeout, and a circuit breaker (Polly) stops calling an
/// endpoint whose last two calls failed or timed out, for <see cref="BreakDuration"/>, then lets one
/// call through to try it again: a dead endpoint costs two timeouts a minute, not one per alert.
/// </summary>
public sealed partial class LlmSummarizer : IDisposable
{
    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.Ordinal) { ["en"] = "English", ["fr"] = "French", ["ar"] = "Arabic" };
    public static readonly TimeSpan BreakDuration = TimeSpan.FromMinutes(1);

    private readonly LlmChat? _chat;
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
            _chat = new LlmChat(_options);
        }
    }

    public bool Enabled => _chat is not null;

    public async Task<string?> SummarizeAsync(string title, string summary, string language, CancellationToken cancellationToken)
    {
        if (_chat is null)
        {
            return null;
        }

        var readerLanguage = LanguageNames.GetValueOrDefault(language, "English");
        try
        {
            return await _breaker.ExecuteAsync(
                async token =>
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                    timeout.CancelAfter(_options.Timeout);
                    try
                    {
                        var text = await _chat.SummarizeAsync(readerLanguage, title, summary, timeout.Token).ConfigureAwait(false);
                        return text is null ? null : ExtractiveSummary.Create(text);
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

    public void Dispose() => _chat?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM summary unavailable ({Kind}: {Reason}); using the extractive summary")]
    private static partial void LogFallback(ILogger logger, string kind, string reason);
}
