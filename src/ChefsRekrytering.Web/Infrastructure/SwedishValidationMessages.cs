using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>Gives every validation attribute without its own message a Swedish one, so no English reaches a user.</summary>
public sealed class SwedishValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null) continue;
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => "Fyll i {0}.",
                StringLengthAttribute { MinimumLength: > 0 } => "{0} måste ha mellan {2} och {1} tecken.",
                StringLengthAttribute or MaxLengthAttribute => "{0} får ha högst {1} tecken.",
                MinLengthAttribute => "{0} måste ha minst {1} tecken.",
                RangeAttribute => "{0} måste vara mellan {1} och {2}.",
                EmailAddressAttribute => "{0} är inte en giltig e-postadress.",
                PhoneAttribute => "{0} är inte ett giltigt telefonnummer.",
                UrlAttribute => "{0} är inte en giltig webbadress.",
                CompareAttribute => "{0} och {1} stämmer inte överens.",
                RegularExpressionAttribute => "{0} har fel format.",
                _ => null,
            };
        }
    }

    public static void ConfigureBindingMessages(MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"Värdet ”{value}” är inte giltigt för {field}.");
        m.SetMissingBindRequiredValueAccessor(field => $"Fyll i {field}.");
        m.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Formuläret var tomt.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Värdet ”{value}” är inte giltigt.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet är inte giltigt.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Ange ett tal.");
        m.SetUnknownValueIsInvalidAccessor(field => $"Värdet är inte giltigt för {field}.");
        m.SetValueIsInvalidAccessor(value => $"Värdet ”{value}” är ogiltigt.");
        m.SetValueMustBeANumberAccessor(field => $"{field} måste vara ett tal.");
        m.SetValueMustNotBeNullAccessor(value => $"Fyll i {value}.");
    }
}
