using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Pages.Tillganglighet;

/// <summary>The accessibility statement, for anyone, from this deployment's <see cref="TillganglighetOptions"/>.</summary>
[AllowAnonymous]
public class IndexModel(IOptions<TillganglighetOptions> options) : PageModel
{
    public const string DiggAnmalan = "https://www.digg.se/tdosanmalan";
    public TillganglighetOptions Redogorelse => options.Value;

    public void OnGet() { }
}
