using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace ChefsRekrytering.Workflows;

/// <summary>The Swedish display name of an enum value, from its [Display(Name = ...)]; looked up once per value,
/// since lists render it for every row.</summary>
public static class SwedishText
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names.GetOrAdd(value, static v => v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? v.ToString());
}
