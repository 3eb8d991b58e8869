using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Konton;

/// <summary>
/// A password is chosen from a link in a mail (an Identity reset token): the new manager's welcome mail, or the one a
/// person asks for on "Glömt lösenordet?". The link names the account, not its municipality: that is learnt first, then
/// the account is read through its filter like every record.
/// </summary>
public sealed class LosenordService(
    UserManager<ApplicationUser> users, Kontoregister register, CurrentKommun kommun, AppDbContext db, Outbox outbox,
    MailLinks links, PolicyLibrary policies, IOptions<OidcOptions> oidc)
{
    public const string OgiltigLank = "Länken är ogiltig eller har gått ut. Be om en ny under ”Glömt lösenordet?” på inloggningssidan.";

    /// <summary>The same answer whether or not the address has an account, so the form tells no one who has one.</summary>
    public const string LankSkickad = "Om adressen hör till ett konto i portalen har vi skickat ett mejl med en länk för att välja nytt lösenord. " +
        "Hittar du inget mejl inom några minuter: titta i skräpposten, eller fråga HR.";

    public async Task<CommandResult> ValjAsync(string userId, string token, string losenord, CancellationToken ct = default)
    {
        if (await register.KommunForKontoAsync(userId, ct) is not { } kommunId) return CommandResult.Refused(OgiltigLank);
        kommun.Use(kommunId);
        if (await users.FindByIdAsync(userId) is not { } user) return CommandResult.Refused(OgiltigLank);
        var result = await users.ResetPasswordAsync(user, token, losenord);
        return result.Succeeded
            ? CommandResult.Done("Ditt lösenord är valt. Logga in med din e-postadress och det nya lösenordet.")
            : CommandResult.Refused(result.Errors.Select(e => e.Code == "InvalidToken" ? OgiltigLank : e.Description).ToList());
    }

    /// <summary>
    /// "Glömt lösenordet?": a link to choose a new password goes to the account's own address. Nobody else learns whether
    /// it went: an account that has left, or whose municipality signs in through its own provider only, gets no mail.
    /// </summary>
    public async Task<CommandResult> GlomtAsync(string epost, CancellationToken ct = default)
    {
        var namn = users.NormalizeName(epost.Trim());
        if (await register.KommunForAnvandarnamnAsync(namn, ct) is not { } kommunId) return CommandResult.Done(LankSkickad);
        kommun.Use(kommunId);
        if (await users.FindByNameAsync(namn) is not { Email: { } adress } user || await users.IsLockedOutAsync(user)) return CommandResult.Done(LankSkickad);
        var tillaten = oidc.Value.LokalaKonton switch
        {
            LokalaKonton.Av => false,
            LokalaKonton.BaraAdmin => await users.IsInRoleAsync(user, Roller.Admin),
            _ => true,
        };
        if (!tillaten) return CommandResult.Done(LankSkickad);

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.For($"/konto/valj-losenord?id={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        await outbox.EnqueueAsync<NyttLosenord, NyttLosenord.Innehall>(new MailRecipient(adress, user.Namn), "Välj nytt lösenord i ChefsRekrytering",
            new NyttLosenord.Innehall(user.Namn, policies.Find(user.KommunId)?.Kommun, link), topic: $"Losenord:{user.Id}", kommunId: user.KommunId);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(LankSkickad);
    }
}
