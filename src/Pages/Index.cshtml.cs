using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace src.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {

    }
}
