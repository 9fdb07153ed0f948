namespace Radar.Storage.Entities;

/// <summary>The <c>hub.mode</c> values of WebSub requests and verifications.</summary>
public static class WebSubModes
{
    public const string Subscribe = "subscribe";

    public const string Unsubscribe = "unsubscribe";

    public const string Denied = "denied";
}
