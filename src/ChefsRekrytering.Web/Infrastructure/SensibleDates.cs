using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Calendar;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// Every bound date (DateOnly, DateTime or DateTimeOffset, nullable or not) must lie within <see cref="Datumfonster.Rimligt"/>,
/// with a Swedish message beside the field: 0001-01-01 and 9999-12-31 are slips of the keyboard, and the day after the
/// last one does not exist. A feature's command then checks the narrower window its dates mean (a meeting ahead of now).
/// </summary>
public sealed class SensibleDates : IValidationMetadataProvider
{
    private static readonly Type[] DateTypes = [typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset)];

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        if (context.Key.MetadataKind is not (ModelMetadataKind.Property or ModelMetadataKind.Parameter)) return;
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        if (!DateTypes.Contains(type) || context.ValidationMetadata.ValidatorMetadata.OfType<SensibleDateAttribute>().Any()) return;
        context.ValidationMetadata.ValidatorMetadata.Add(new SensibleDateAttribute());
    }
}

/// <summary>A date within <see cref="Datumfonster.Rimligt"/>; no date at all is [Required]'s to judge.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SensibleDateAttribute : ValidationAttribute
{
    public SensibleDateAttribute() => ErrorMessage = $"{{0}} måste ligga {Datumfonster.Rimligt.Text}.";

    public override bool IsValid(object? value) => value switch
    {
        DateOnly d => Datumfonster.Rimligt.Rymmer(d),
        DateTime t => Datumfonster.Rimligt.Rymmer(DateOnly.FromDateTime(t)),
        DateTimeOffset t => Datumfonster.Rimligt.Rymmer(DateOnly.FromDateTime(t.DateTime)),
        _ => true,
    };

    /// <summary>The display names are written for the middle of a sentence ("datum"); this one starts with it.</summary>
    public override string FormatErrorMessage(string name) => base.FormatErrorMessage(name.Length > 0 ? char.ToUpperInvariant(name[0]) + name[1..] : name);
}
