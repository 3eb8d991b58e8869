using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class AnvandareModel(AppDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record UserRow(string Id, string Namn, string Epost, IReadOnlyList<string> Roller);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public List<SelectListItem> PersonerUtanKonto { get; private set; } = [];
    [BindProperty] public NewAccount Input { get; set; } = new();

    public sealed class NewAccount
    {
        [Required, Display(Name = "anställd")]
        public int? PersonId { get; set; }
        public List<string> Roller { get; set; } = [];
        [Required, StringLength(128, MinimumLength = 12), Display(Name = "startlösenord")]
        public string Losenord { get; set; } = "";
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Roller.Except(Konton.Roller.Alla).Any())
            ModelState.AddModelError("Input.Roller", "Okänd roll.");
        // The person is looked up through the municipality filter: an id from another municipality is not found.
        var person = Input.PersonId is int id ? await db.Personer.FirstOrDefaultAsync(p => p.Id == id) : null;
        if (Input.PersonId is not null && person is null)
            ModelState.AddModelError("Input.PersonId", "Den anställda finns inte.");
        else if (person is not null && await db.Users.AnyAsync(u => u.PersonId == person.Id))
            ModelState.AddModelError("Input.PersonId", "Den anställda har redan ett konto.");
        if (!ModelState.IsValid || person is null)
        {
            await LoadAsync();
            return Page();
        }

        var user = new ApplicationUser
        {
            UserName = person.Epost, Email = person.Epost, EmailConfirmed = true,
            KommunId = person.KommunId, Namn = person.Namn, PersonId = person.Id,
        };
        var result = await users.CreateAsync(user, Input.Losenord);
        if (result.Succeeded)
            result = await users.AddToRolesAsync(user, Input.Roller.Prepend(Konton.Roller.Medarbetare).Distinct());
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            await LoadAsync();
            return Page();
        }
        TempData["Meddelande"] = $"Kontot för {person.Namn} är skapat.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var kommunId = User.KommunId();
        var accounts = await db.Users.Where(u => u.KommunId == kommunId).OrderBy(u => u.Namn)
            .Select(u => new { u.Id, u.Namn, u.Email, u.PersonId }).ToListAsync();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           join u in db.Users on ur.UserId equals u.Id
                           where u.KommunId == kommunId
                           select new { ur.UserId, r.Name }).ToListAsync();
        Users = accounts.Select(a => new UserRow(a.Id, a.Namn, a.Email ?? "",
            Konton.Roller.Alla.Where(r => roles.Any(x => x.UserId == a.Id && x.Name == r)).ToList())).ToList();

        var withAccount = accounts.Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value).ToHashSet();
        PersonerUtanKonto = (await db.Personer.OrderBy(p => p.Efternamn).ThenBy(p => p.Fornamn).ToListAsync())
            .Where(p => !withAccount.Contains(p.Id))
            .Select(p => new SelectListItem($"{p.Namn} ({p.Epost})", p.Id.ToString())).ToList();
    }
}
