using System.Text.Json;

namespace Radar.Tests.Fakes;

/// <summary>The body an OpenAI-compatible chat endpoint answers, for fake LLM endpoints.</summary>
public static class ChatCompletion
{
    public static string Json(string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1_764_300_000,
        model = "test-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    });
}
