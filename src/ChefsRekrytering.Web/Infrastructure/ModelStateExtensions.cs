using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChefsRekrytering.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>For a page with several forms: each posts only its own fields, so the other forms' empty fields are
    /// not errors.</summary>
    public static void ValidateOnly(this ModelStateDictionary modelState, string prefix)
    {
        foreach (var key in modelState.Keys.Where(k => !k.StartsWith(prefix + ".")).ToList())
            modelState.Remove(key);
    }
}
