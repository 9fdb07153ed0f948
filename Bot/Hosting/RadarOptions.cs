using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Radar.Bot.Hosting;

/// <summary>
/// The one way every area binds its configuration section: registered for injection (<see cref="IOptions{TOptions}"/>
/// bound from configuration, checked by its validators when the bot starts, every section's failures
/// reported together) and returned as bound now, for the composition's own decisions. A value of the
/// wrong type, such as a mode that does not exist, is a clear start-up error naming its key and the choices.
/// </summary>
public static partial class RadarOptions
{
    public static T AddRadarOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, params IValidateOptions<T>[] validators)
        where T : class, new() => services.Register(configuration, section, validators).Options;

    /// <summary>As <see cref="AddRadarOptions{T}"/>, validated at once: for a section whose values decide what the composition registers (a platform, a store).</summary>
    public static T AddRadarOptionsValidatedNow<T>(this IServiceCollection services, IConfiguration configuration, string section, params IValidateOptions<T>[] validators)
        where T : class, new()
    {
        var (options, keyed) = services.Register(configuration, section, validators);
        var failures = keyed.Select(v => v.Validate(null, options)).Where(r => r.Failed).SelectMany(r => r.Failures!).ToList();
        return failures.Count == 0 ? options : throw new StartupException(string.Join(Environment.NewLine, failures), ExitCodes.BadConfiguration);
    }

    /// <summary>Registers the section and its validators, each naming the section in its failures; returns the section as bound now.</summary>
    private static (T Options, SectionValidator<T>[] Validators) Register<T>(this IServiceCollection services, IConfiguration configuration, string section, IValidateOptions<T>[] validators)
        where T : class, new()
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        var keyed = validators.Select(v => new SectionValidator<T>(section, v)).ToArray();
        foreach (var validator in keyed)
        {
            services.AddSingleton<IValidateOptions<T>>(validator);
        }

        return (Read<T>(configuration, section), keyed);
    }

    /// <summary>Binds a section without registering it; a value of the wrong type becomes a clear start-up error.</summary>
    private static T Read<T>(IConfiguration configuration, string section)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            var key = FailedKey().Match(e.Message).Groups[1].Value;
            var property = typeof(T).GetProperty(key[(key.LastIndexOf(':') + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            var message = (Nullable.GetUnderlyingType(property ?? typeof(object)) ?? property) is { IsEnum: true } choices
                ? $"must be {string.Join(" or ", Enum.GetNames(choices))}."
                : e.Message;
            throw new StartupException((key.Length > 0 ? key + ": " : string.Empty) + message, ExitCodes.BadConfiguration);
        }
    }

    [GeneratedRegex("at '([^']+)'")]
    private static partial Regex FailedKey();
}
