using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace ChefsRekrytering.Workflows;

/// <summary>The Swedish display name of an enum value, from its [Display(Name = ...)].</summary>
public static class SwedishText
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? value.ToString();
}
