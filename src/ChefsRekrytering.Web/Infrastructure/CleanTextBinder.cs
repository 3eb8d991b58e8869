using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// Every string bound from a form, the query or the route is cleaned by <see cref="InputText"/> before a page sees it:
/// no control characters, no direction overrides, NFC. Line breaks stay only where the model says the text has several
/// lines (<c>[DataType(DataType.MultilineText)]</c>, on what a textarea posts to); in a one-line field each becomes a
/// space. A field that is empty after cleaning is empty: [Required] refuses it, and a nullable one becomes null.
/// </summary>
public sealed class CleanTextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        // A request body or a service is not text someone typed into a field.
        if (context.BindingInfo.BindingSource is { } source && (source.IsGreedy || !source.IsFromRequest)) return null;
        var metadata = context.Metadata;
        if (metadata.ModelType == typeof(string)) return new CleanTextBinder(MultiLine(metadata), Loggers(context));
        if (!MultiLine(metadata) || !metadata.IsEnumerableType) return null;
        // A list or dictionary of texts marked multi-line (the nomination's motivations): the framework binds its elements
        // with the metadata of the bare type, which cannot carry the mark, so its binder is given multi-line element binders.
        var elements = new MultiLineElements(context);
        foreach (var provider in context.Services.GetRequiredService<IOptions<MvcOptions>>().Value.ModelBinderProviders)
            if (provider != this && provider.GetBinder(elements) is { } binder) return binder;
        return null;
    }

    private static bool MultiLine(ModelMetadata metadata) => metadata.DataTypeName == nameof(DataType.MultilineText);

    private static ILoggerFactory Loggers(ModelBinderProviderContext context) => context.Services.GetRequiredService<ILoggerFactory>();

    private sealed class CleanTextBinder(bool multiLine, ILoggerFactory loggers) : IModelBinder
    {
        private readonly SimpleTypeModelBinder _inner = new(typeof(string), loggers);

        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await _inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is not { IsModelSet: true, Model: string text }) return;
            var cleaned = InputText.Clean(text, multiLine);
            if (ReferenceEquals(cleaned, text)) return;
            var model = bindingContext.ModelMetadata.ConvertEmptyStringToNull && string.IsNullOrWhiteSpace(cleaned) ? null : cleaned;
            // A form shown again shows what would be stored, not the characters taken away.
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, cleaned, cleaned);
            bindingContext.Result = ModelBindingResult.Success(model);
        }
    }

    /// <summary>The context of a multi-line collection, handing out multi-line binders for its string elements.</summary>
    private sealed class MultiLineElements(ModelBinderProviderContext outer) : ModelBinderProviderContext
    {
        public override BindingInfo BindingInfo => outer.BindingInfo;
        public override ModelMetadata Metadata => outer.Metadata;
        public override IModelMetadataProvider MetadataProvider => outer.MetadataProvider;
        public override IServiceProvider Services => outer.Services;

        public override IModelBinder CreateBinder(ModelMetadata metadata) =>
            metadata.ModelType == typeof(string) ? new CleanTextBinder(multiLine: true, Loggers(outer)) : outer.CreateBinder(metadata);

        public override IModelBinder CreateBinder(ModelMetadata metadata, BindingInfo bindingInfo) =>
            metadata.ModelType == typeof(string) ? new CleanTextBinder(multiLine: true, Loggers(outer)) : outer.CreateBinder(metadata, bindingInfo);
    }
}
