using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages.Konto;

[AllowAnonymous]
public class AtkomstNekadModel : PageModel
{
    public void OnGet() { }
}
