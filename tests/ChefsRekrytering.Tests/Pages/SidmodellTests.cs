using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Tests.Pages;

/// <summary>
/// The one path (STYLE.md): a page binds, calls its feature service and answers. A page model that is handed the
/// database or Identity's managers could write records and skip the feature's access rule, so none may take them.
/// </summary>
public class SidmodellTests
{
    private static readonly Type[] Forbjudna =
        [typeof(AppDbContext), typeof(UserManager<ApplicationUser>), typeof(RoleManager<IdentityRole>)];

    [Fact]
    public void IngenSidmodellFarDatabasenEllerIdentitysHanterare()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.True(pages.Count > 40, $"Hittade bara {pages.Count} sidmodeller.");
        var fel = pages
            .SelectMany(p => p.GetConstructors().SelectMany(c => c.GetParameters())
                .Where(x => Forbjudna.Any(f => f.IsAssignableFrom(x.ParameterType)))
                .Select(x => $"{p.FullName} tar {x.ParameterType.Name}"))
            .ToList();
        Assert.True(fel.Count == 0, string.Join("\n", fel));
    }
}
