namespace Radar.Tests.Support;

/// <summary>Polls a condition that a running bot or fake makes true, failing the test at the deadline.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(25);
        }
    }
}
