using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace ChefsRekrytering.Workflows;

/// <summary>The Swedish display name of an enum value, from its [Display(Name = ...)]; looked up once per value,
/// since lists render it for every row. Also the sentence a step confirms itself with, and a count with its noun.</summary>
public static class SwedishText
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names.GetOrAdd(value, static v => v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? v.ToString());

    /// <summary>What a person reads when their step is taken: the trigger's [Done] sentence ("Behovet är skickat till HR för
    /// behovsprövning."); a trigger without one (a test says none is) gets a plain "Klart.".</summary>
    public static string Done<TEnum>(TEnum trigger) where TEnum : struct, Enum =>
        typeof(TEnum).GetField(trigger.ToString())?.GetCustomAttribute<DoneAttribute>()?.Text ?? "Klart.";

    /// <summary>A count with its noun in the right number: "1 rekrytering", "2 rekryteringar", "0 rekryteringar".</summary>
    public static string Antal(int antal, string en, string flera) => $"{antal} {(antal == 1 ? en : flera)}";
}

/// <summary>The sentence that confirms a step to the person who took it, written as they would say it
/// ("Behovet är skickat till HR för behovsprövning."), beside the trigger's [Display] name.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class DoneAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
