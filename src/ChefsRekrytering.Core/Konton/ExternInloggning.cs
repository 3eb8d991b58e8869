using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Konton;

/// <summary>
/// Section <c>Portal:Oidc</c>: one OpenID Provider per municipality, keyed by the municipality's id. Entra ID works by
/// configuration alone (README, "Inloggning med Entra ID"): Authority <c>https://login.microsoftonline.com/{tenant}/v2.0</c>,
/// the app registration's client id and secret, and the claim that carries the employee number.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Portal:Oidc";
    public Dictionary<string, OidcKommun> Kommuner { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Who may still sign in with e-mail and password once the municipalities' own providers are in use.</summary>
    public LokalaKonton LokalaKonton { get; set; } = LokalaKonton.Alla;

    /// <summary>The authentication scheme of a municipality's provider, and the path its answer comes back to.</summary>
    public static string Schema(string kommunId) => $"oidc-{kommunId}";
    public static string Aterkomst(string kommunId) => $"/signin-oidc/{kommunId}";
}

/// <summary>Local accounts (e-mail and password): all of them (the demo, a portal without a provider), only the
/// break-glass Admin for the day the provider is down, or none.</summary>
public enum LokalaKonton { Alla, BaraAdmin, Av }

public sealed class OidcKommun
{
    /// <summary>The issuer, e.g. https://login.microsoftonline.com/{tenant-id}/v2.0.</summary>
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    /// <summary>Kept in a secret store (Key Vault, user secrets), never in appsettings.json.</summary>
    public string? ClientSecret { get; set; }
    /// <summary>The button's words: "Logga in med Kalix kommuns konto".</summary>
    public string? Knapptext { get; set; }
    /// <summary>
    /// The claim holding the employee number that links the first sign-in to the person the HR system reported
    /// (Entra ID: the optional claim <c>employeeid</c>). Empty: the person is linked by an earlier sign-in only.
    /// </summary>
    public string AnstallningsnummerClaim { get; set; } = "employeeid";
    /// <summary>The claim with group or app-role ids: Entra ID's <c>groups</c>, or <c>roles</c> for app roles.</summary>
    public string RollClaim { get; set; } = "groups";
    /// <summary>Group or app-role id → the portal's roles. A role named here belongs to the provider: it is given and
    /// taken away at each sign-in. Roles named nowhere here are Admin's to give in the portal.</summary>
    public Dictionary<string, List<string>> Roller { get; set; } = [];
    /// <summary>Plain http to the provider; only for the test provider on 127.0.0.1.</summary>
    public bool TillatHttp { get; set; }
}

public enum ExternUtfall { Klar, OkandPerson, Slutat, IngenKommun }

public sealed record ExterntSvar(ExternUtfall Utfall, ApplicationUser? Konto = null)
{
    public const string OkandText = "Du är inte känd i portalen. Inloggningen lyckades hos kommunen, men portalen hittar ingen anställd med ditt " +
        "anställningsnummer. Fråga HR om du bör finnas med i personalregistret.";
    public const string SlutatText = "Du finns i portalen som slutad och kan inte logga in. Fråga HR om det är fel.";
    public const string FelText = "Inloggningen hos kommunen gick inte att slutföra. Försök igen; hjälper det inte, fråga kommunens IT-stöd.";
}

/// <summary>
/// The portal's side of a sign-in through the municipality's provider, after the provider's ID token is validated
/// (issuer, signature, audience, nonce, PKCE): the municipality is the provider's, never anything the person typed. The
/// first sign-in links the provider's subject to the person by employee number, never by name; later ones by subject.
/// Someone the portal does not know gets no account.
/// </summary>
public sealed class ExternInloggning(AppDbContext db, CurrentKommun kommun, UserManager<ApplicationUser> users, IOptions<OidcOptions> options)
{
    public async Task<ExterntSvar> KopplaAsync(string kommunId, ClaimsPrincipal fran, CancellationToken ct = default)
    {
        if (!options.Value.Kommuner.TryGetValue(kommunId, out var config)) return new(ExternUtfall.IngenKommun);
        var subjekt = fran.FindFirstValue(ClaimTypes.NameIdentifier) ?? fran.FindFirstValue("sub");
        if (string.IsNullOrEmpty(subjekt)) return new(ExternUtfall.OkandPerson);
        kommun.Use(kommunId); // every lookup below goes through this municipality's filter
        var schema = OidcOptions.Schema(kommunId);

        var konto = await users.FindByLoginAsync(schema, subjekt);
        if (konto is null)
        {
            var nummer = string.IsNullOrEmpty(config.AnstallningsnummerClaim) ? null : fran.FindFirstValue(config.AnstallningsnummerClaim);
            var person = nummer is null ? null : await db.Personer.FirstOrDefaultAsync(p => p.Anstallningsnummer == nummer, ct);
            if (person is null) return new(ExternUtfall.OkandPerson);
            if (!person.Aktiv) return new(ExternUtfall.Slutat);
            konto = await db.Users.FirstOrDefaultAsync(u => u.PersonId == person.Id, ct);
            if (konto is null)
            {
                konto = new ApplicationUser { KommunId = kommunId, Namn = person.Namn, PersonId = person.Id, UserName = person.Epost, Email = person.Epost, EmailConfirmed = true };
                Kontrollera(await users.CreateAsync(konto)); // no password: this account signs in through the provider only
                Kontrollera(await users.AddToRoleAsync(konto, Roller.Medarbetare));
            }
            Kontrollera(await users.AddLoginAsync(konto, new UserLoginInfo(schema, subjekt, kommunId)));
        }
        if (await users.IsLockedOutAsync(konto)) return new(ExternUtfall.Slutat);
        await SattRollerAsync(konto, config, fran, ct);
        return new(ExternUtfall.Klar, konto);
    }

    /// <summary>The provider's roles (<see cref="Leverantorsroller"/>) from the token's groups and the person's SCIM groups.</summary>
    private async Task SattRollerAsync(ApplicationUser konto, OidcKommun config, ClaimsPrincipal fran, CancellationToken ct)
    {
        if (config.Roller.Count == 0) return;
        var grupper = fran.FindAll(config.RollClaim).Select(c => c.Value).ToList();
        if (konto.PersonId is { } personId) grupper.AddRange(await Leverantorsroller.ScimGrupperAsync(db, personId, ct));
        await Leverantorsroller.SattAsync(users, konto, config, grupper);
    }

    private static void Kontrollera(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
