using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// A non-nullable string property bound from an empty field stays "" instead of becoming null, so handlers
/// never meet a null where the type promises text ([Required] still rejects the empty value).
/// </summary>
public sealed class EmptyStringsStayEmpty : IDisplayMetadataProvider
{
    private readonly NullabilityInfoContext _nullability = new();

    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType != typeof(string) || context.Key.PropertyInfo is not { } property) return;
        lock (_nullability)
        {
            if (_nullability.Create(property).WriteState == NullabilityState.NotNull)
                context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
