using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// A checkbox is ticked ("true", "on") or not. Any other value (a forged "kanske") binds as not ticked instead of
/// becoming a binding error, which the checkbox tag helper cannot re-display and would turn into a server error.
/// </summary>
public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CheckboxBinder() : null;

    private sealed class CheckboxBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask; // absent: the property keeps its default
            // The hidden "false" that follows a ticked checkbox makes two values; the first is the box.
            var ticked = result.FirstValue is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "on");
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, ticked, ticked ? "true" : "false");
            bindingContext.Result = ModelBindingResult.Success(ticked);
            return Task.CompletedTask;
        }
    }
}
