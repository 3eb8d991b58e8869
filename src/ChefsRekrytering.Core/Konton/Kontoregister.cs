using ChefsRekrytering.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Konton;

/// <summary>
/// The only place that looks at accounts across municipalities. Accounts are unique by address in the whole portal (the
/// sign-in form asks for no municipality), so signing in and a set-password link must first learn which municipality an
/// account belongs to. Each method answers with a municipality id or a yes/no, never an account: anything read or
/// changed afterwards goes through the municipality filter like every other record.
/// </summary>
public sealed class Kontoregister(AppDbContext db)
{
    /// <summary>The municipality of the account with this (normalized) user name, or null.</summary>
    public Task<string?> KommunForAnvandarnamnAsync(string normalizedUserName, CancellationToken ct = default) =>
        db.Users.IgnoreQueryFilters().Where(u => u.NormalizedUserName == normalizedUserName).Select(u => u.KommunId).FirstOrDefaultAsync(ct);

    /// <summary>The municipality of the account with this id, or null.</summary>
    public Task<string?> KommunForKontoAsync(string userId, CancellationToken ct = default) =>
        db.Users.IgnoreQueryFilters().Where(u => u.Id == userId).Select(u => u.KommunId).FirstOrDefaultAsync(ct);

    /// <summary>Whether an account of another municipality already uses this (normalized) address as its name or e-mail.</summary>
    public Task<bool> AnvandsIAnnanKommunAsync(string normalized, string kommunId, CancellationToken ct = default) =>
        db.Users.IgnoreQueryFilters().AnyAsync(u => u.KommunId != kommunId && (u.NormalizedUserName == normalized || u.NormalizedEmail == normalized), ct);
}

/// <summary>
/// Identity checks that a user name and e-mail are unique through the municipality filter, so it cannot see another
/// municipality's account; this adds the check across them, so an address typed in one municipality can never be given
/// to a second account, nor make Identity's unique index fail with an error nobody can read.
/// </summary>
public sealed class UnikAdressIHelaPortalen(Kontoregister register) : IUserValidator<ApplicationUser>
{
    public const string Kod = "AdressIAnnanKommun";

    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        foreach (var address in new[] { user.UserName, user.Email }.Where(a => !string.IsNullOrEmpty(a)).Distinct())
            if (await register.AnvandsIAnnanKommunAsync(manager.NormalizeEmail(address)!, user.KommunId))
                return IdentityResult.Failed(new IdentityError
                {
                    Code = Kod,
                    Description = $"E-postadressen {address} används redan av ett konto i portalen. Kontakta portalens administratör.",
                });
        return IdentityResult.Success;
    }
}
