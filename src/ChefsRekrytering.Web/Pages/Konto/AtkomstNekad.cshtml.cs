namespace ChefsRekrytering.Web.Pages.Konto;

[AllowAnonymous]
public class AtkomstNekadModel : PageModel
{
    public void OnGet() { }
}
