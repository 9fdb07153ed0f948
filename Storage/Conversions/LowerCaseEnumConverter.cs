using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Radar.Storage.Conversions;

/// <summary>An enum stored as its lower-case name ("digest"), the form rows were written in before the column was typed.</summary>
internal sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => value.ToString().ToLowerInvariant(),
    text => Enum.Parse<TEnum>(text, true))
    where TEnum : struct, Enum;
