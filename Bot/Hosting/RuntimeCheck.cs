using System.Globalization;
using System.Text;

namespace Radar.Bot.Hosting;

/// <summary>
/// What Radar needs of the runtime and cannot work well without: ICU (culture data and Unicode
/// normalisation, for accent and Arabic folding) and the IANA time-zone database (for digests and
/// quiet hours). Without them .NET falls back silently (invariant globalization, UTC); Radar stops instead.
/// </summary>
public static class RuntimeCheck
{
    /// <summary>Null when all is there, else what is missing and how to fix it.</summary>
    public static string? Problem()
    {
        if (!HasCultureData())
        {
            return "the .NET runtime runs in globalization-invariant mode (no ICU), so accent and Arabic folding would be lost. "
                   + "Install ICU (Debian: apt-get install libicu-dev; Alpine: apk add icu-libs) and unset DOTNET_SYSTEM_GLOBALIZATION_INVARIANT "
                   + "(or InvariantGlobalization in a custom build).";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out _) || !TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Riyadh", out _))
        {
            return "no IANA time-zone data was found (/usr/share/zoneinfo, or TZDIR), so digests and quiet hours would fall back to UTC. "
                   + "Install it (Debian: apt-get install tzdata; Alpine: apk add tzdata).";
        }

        return null;
    }

    private static bool HasCultureData()
    {
        try
        {
            _ = CultureInfo.GetCultureInfo("ar-SA", predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }

        return "é".Normalize(NormalizationForm.FormD).Length == 2;
    }
}
