namespace Radar.Feeds.Fetching;

/// <summary>Why a fetch failed, in a few words an administrator can act on.</summary>
public enum FetchErrorKind
{
    InvalidUrl,
    PrivateAddress,
    Timeout,
    TooLarge,
    TooManyRedirects,
    HttpStatus,
    Network,
}
