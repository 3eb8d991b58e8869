using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// Every validation attribute without a message of its own gets a Swedish one, and model binding speaks Swedish with the
/// field's own name, so no framework English ("The e-post field is not a valid e-mail address", "The value '' is
/// invalid") reaches a person. Set here once, for every form; a property only gives its [Display] name.
/// </summary>
public sealed class SwedishValidationMessages : IValidationMetadataProvider, IBindingMetadataProvider
{
    /// <summary>Whether someone gave the attribute its message: e-mail, phone, URL, allowed values and others return their
    /// English default as ErrorMessage, so only the field behind it tells. Were it ever gone, a fresh attribute of the same
    /// type shows the default to compare with.</summary>
    private static readonly FieldInfo? GivenMessage =
        typeof(ValidationAttribute).GetField("_errorMessage", BindingFlags.Instance | BindingFlags.NonPublic);

    private static readonly ConcurrentDictionary<Type, string?> FrameworkDefaults = new();

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            if (!HasOwnMessage(attribute) && For(attribute) is { } message) attribute.ErrorMessage = message;
    }

    /// <summary>The Swedish message for a framework attribute ({0} the field's display name); null for the portal's own,
    /// which carry theirs.</summary>
    public static string? For(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "Fyll i {0}.",
        StringLengthAttribute { MinimumLength: > 0 } => "Skriv mellan {2} och {1} tecken i {0}.",
        StringLengthAttribute or MaxLengthAttribute => "Skriv högst {1} tecken i {0}.",
        MinLengthAttribute => "Skriv minst {1} tecken i {0}.",
        LengthAttribute => "Skriv mellan {1} och {2} tecken i {0}.",
        RangeAttribute => "Ange {0} mellan {1} och {2}.",
        EmailAddressAttribute => "Skriv en giltig e-postadress, till exempel namn@exempel.se.",
        PhoneAttribute => "Skriv ett giltigt telefonnummer med siffror, till exempel 070-123 45 67.",
        UrlAttribute => "Skriv en giltig webbadress, till exempel https://www.kommun.se.",
        CreditCardAttribute => "Skriv ett giltigt kortnummer.",
        FileExtensionsAttribute => "Välj en fil av typen {1} i {0}.",
        CompareAttribute => "Det du skrev i {0} och i {1} stämmer inte överens.",
        RegularExpressionAttribute => "Det du skrev i {0} har inte rätt form.",
        AllowedValuesAttribute => "Välj något av det som går att välja i {0}.",
        DeniedValuesAttribute => "Det går inte att välja det i {0}.",
        _ when attribute.GetType().Namespace == typeof(RequiredAttribute).Namespace => "Kontrollera {0}.",
        _ => null,
    };

    private static bool HasOwnMessage(ValidationAttribute attribute) =>
        attribute.ErrorMessageResourceName is not null
        || (GivenMessage is not null ? GivenMessage.GetValue(attribute) is not null
            : attribute.ErrorMessage is { } message && message != FrameworkDefaults.GetOrAdd(attribute.GetType(), static type =>
                type.GetConstructor(Type.EmptyTypes) is not null ? ((ValidationAttribute)Activator.CreateInstance(type)!).ErrorMessage : null));

    /// <summary>
    /// The binder's messages that are given only the typed value, not the field ("The value '' is invalid" for an empty
    /// number or date): each property gets its own copy of them that names the field.
    /// </summary>
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.BindingMetadata.ModelBindingMessageProvider is not DefaultModelBindingMessageProvider messages) return;
        var field = context.Attributes.OfType<DisplayAttribute>().FirstOrDefault()?.GetName();
        if (field is null) return;
        messages.SetValueMustNotBeNullAccessor(_ => $"Fyll i {field}.");
        messages.SetValueIsInvalidAccessor(value => string.IsNullOrEmpty(value) ? $"Fyll i {field}." : $"”{value}” går inte att tolka som {field}.");
    }

    public static void ConfigureBindingMessages(MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"”{value}” går inte att tolka som {field}.");
        m.SetMissingBindRequiredValueAccessor(field => $"Fyll i {field}.");
        m.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Formuläret var tomt.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"”{value}” går inte att tolka.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet går inte att tolka.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Skriv ett tal.");
        m.SetUnknownValueIsInvalidAccessor(field => $"Det du skrev i {field} går inte att tolka.");
        m.SetValueIsInvalidAccessor(value => string.IsNullOrEmpty(value) ? "Fyll i fältet." : $"”{value}” går inte att tolka.");
        m.SetValueMustBeANumberAccessor(field => $"Skriv {field} som ett tal.");
        // Given the typed value, not the field: the field's own name comes per property (CreateBindingMetadata).
        m.SetValueMustNotBeNullAccessor(_ => "Fyll i fältet.");
    }
}
