using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace src.Pages;

public class PrivacyModel : PageModel
{
    public void OnGet()
    {
    }
}

