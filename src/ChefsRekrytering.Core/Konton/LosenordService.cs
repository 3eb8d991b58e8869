using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;

namespace ChefsRekrytering.Konton;

/// <summary>
/// A new manager chooses a password from the link in the welcome mail (an Identity reset token). The link names the
/// account, not its municipality: that is learnt first, then the account is read through its filter like every record.
/// </summary>
public sealed class LosenordService(UserManager<ApplicationUser> users, Kontoregister register, CurrentKommun kommun)
{
    public const string OgiltigLank = "Länken är ogiltig eller har gått ut. Be HR om en ny.";

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
}
