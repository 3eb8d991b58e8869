using System.Security.Claims;
using System.Text;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Konton;

/// <summary>Section <c>Security:Tvastegsverifiering</c>.</summary>
public sealed class TvastegsOptions
{
    public const string Section = "Security:Tvastegsverifiering";

    /// <summary>
    /// Whether HR and Admin must sign in with a code from an authenticator app as well as their password. On by default;
    /// the demo turns it off (its passwords are printed on the sign-in page). Accounts that sign in through the
    /// municipality's own provider get their second factor there.
    /// </summary>
    public bool Kravs { get; set; } = true;
}

/// <summary>Who is between the password and the code: their account, and whether they asked to be remembered.</summary>
public sealed record PaVag(ApplicationUser Konto, bool KommIhag, bool Inloggad);

/// <summary>The authenticator app's key, as typed by hand and as the QR code's address.</summary>
public sealed record Autentiseringsnyckel(string Nyckel, string Adress);

/// <summary>Where an account stands with its second step: the key to set it up with while it is off.</summary>
public sealed record Tvastegslage(PaVag Vem, bool Paslagen, bool Kravs, int ReservkoderKvar, Autentiseringsnyckel? Nyckel);

/// <summary>
/// Two-step sign-in for local accounts with Identity's authenticator (TOTP) support. After a right password, an account
/// with a second step is only half signed in (Identity's short-lived two-factor cookie, holding nothing but the account
/// id) until it gives a code; HR and Admin without an app are sent to set one up before they get a session. Wrong
/// codes brake the account and source like wrong passwords (<see cref="InloggningsBroms"/>), never lock the account.
/// </summary>
public sealed class Tvastegsverifiering(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, Kontoregister register, CurrentKommun kommun,
    InloggningsBroms broms, IOptions<TvastegsOptions> options, IUserStore<ApplicationUser> store)
{
    public static readonly string[] KravsForRoller = [Roller.HR, Roller.Admin];
    private const string KommIhagClaim = "kom-ihag";
    public const string FelKod = "Koden stämmer inte. Skriv de sex siffror som appen visar nu.";
    public const string FelReservkod = "Reservkoden stämmer inte eller är redan använd.";

    public async Task<bool> KravsAsync(ApplicationUser konto) =>
        options.Value.Kravs && (await users.GetRolesAsync(konto)).Any(KravsForRoller.Contains);

    /// <summary>The password was right: the account waits for its code (or for its app to be set up).</summary>
    internal Task HalvvagsAsync(ApplicationUser konto, bool kommIhag) =>
        signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, konto.Id), new Claim(KommIhagClaim, kommIhag ? "1" : "0")], IdentityConstants.TwoFactorUserIdScheme)));

    /// <summary>The signed-in account, or the one half-way through signing in; null for anyone else.</summary>
    public async Task<PaVag?> VemAsync()
    {
        var context = signIn.Context;
        if (context.User.Identity?.IsAuthenticated == true)
            return await users.GetUserAsync(context.User) is { } inloggad ? new(inloggad, false, true) : null;
        var halv = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (halv.Principal?.FindFirstValue(ClaimTypes.Name) is not { } id) return null;
        if (await register.KommunForKontoAsync(id) is not { } kommunId) return null;
        kommun.Use(kommunId); // the account is read through its own municipality's filter, as at the password
        return await users.FindByIdAsync(id) is { } konto && !await users.IsLockedOutAsync(konto)
            ? new(konto, halv.Principal.FindFirstValue(KommIhagClaim) == "1", false)
            : null;
    }

    /// <summary>The signed-in or half-way account's second step, or null for anyone else.</summary>
    public async Task<Tvastegslage?> LageAsync()
    {
        if (await VemAsync() is not { } vem) return null;
        var paslagen = await users.GetTwoFactorEnabledAsync(vem.Konto);
        return new(vem, paslagen, await KravsAsync(vem.Konto),
            paslagen ? await users.CountRecoveryCodesAsync(vem.Konto) : 0, paslagen ? null : await NyckelAsync(vem.Konto));
    }

    private async Task<Autentiseringsnyckel> NyckelAsync(ApplicationUser konto)
    {
        var nyckel = await users.GetAuthenticatorKeyAsync(konto);
        if (string.IsNullOrEmpty(nyckel))
        {
            // Through the store, not ResetAuthenticatorKeyAsync: showing a key to set up must not end the session of
            // the person looking at it (a new security stamp would).
            nyckel = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(konto, nyckel, default);
            await users.UpdateAsync(konto);
        }
        var issuer = Uri.EscapeDataString("ChefsRekrytering");
        var adress = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(konto.Email ?? konto.UserName!)}?secret={nyckel}&issuer={issuer}&digits=6";
        return new(Grupperad(nyckel), adress);
    }

    /// <summary>The app is set up when its first code is right; the answer is the recovery codes, shown once.</summary>
    public async Task<CommandResult<IReadOnlyList<string>>> AktiveraAsync(string? kod, string kalla, CancellationToken ct = default)
    {
        if (await VemAsync() is not { } vem) return new(CommandResult.Forbidden, null);
        if (string.IsNullOrWhiteSpace(kod)) return new(CommandResult.Refused("Skriv koden som appen visar."), null);
        if (await users.GetTwoFactorEnabledAsync(vem.Konto)) return new(CommandResult.Refused("Tvåstegsverifiering är redan påslagen."), null);
        if (await KontrolleraAsync(vem.Konto, kalla, () => RattKodAsync(vem.Konto, kod!), FelKod, ct) is { } nej) return new(nej, null);

        // Not SetTwoFactorEnabledAsync: its new security stamp would end the very session a signed-in person is using.
        // A stronger sign-in needs no other session ended; switching it off does (StangAvAsync).
        vem.Konto.TwoFactorEnabled = true;
        var sparat = await users.UpdateAsync(vem.Konto);
        if (!sparat.Succeeded) return new(CommandResult.Refused(sparat.Errors.Select(e => e.Description).ToList()), null);
        var koder = (await users.GenerateNewTwoFactorRecoveryCodesAsync(vem.Konto, 10))!.ToList();
        if (!vem.Inloggad) await LoggaInAsync(vem.Konto, vem.KommIhag);
        return new(CommandResult.Done("Tvåstegsverifiering är påslagen."), koder);
    }

    /// <summary>The second step of signing in.</summary>
    public async Task<CommandResult> VerifieraAsync(string? kod, string kalla, CancellationToken ct = default)
    {
        if (await VemAsync() is not { Inloggad: false } vem || !await users.GetTwoFactorEnabledAsync(vem.Konto)) return CommandResult.Forbidden;
        if (string.IsNullOrWhiteSpace(kod)) return CommandResult.Refused("Skriv koden från appen.");
        if (await KontrolleraAsync(vem.Konto, kalla, () => RattKodAsync(vem.Konto, kod!), FelKod, ct) is { } nej) return nej;
        await LoggaInAsync(vem.Konto, vem.KommIhag);
        return CommandResult.Done();
    }

    /// <summary>The second step with a recovery code, for a lost phone: each code works once.</summary>
    public async Task<CommandResult> ReservkodAsync(string? kod, string kalla, CancellationToken ct = default)
    {
        if (await VemAsync() is not { Inloggad: false } vem || !await users.GetTwoFactorEnabledAsync(vem.Konto)) return CommandResult.Forbidden;
        if (string.IsNullOrWhiteSpace(kod)) return CommandResult.Refused("Skriv en av dina reservkoder.");
        // Identity's recovery codes read XXXXX-XXXXX; a code typed without its dash or in small letters is the same code.
        var normaliserad = kod!.Replace(" ", "").Trim().ToUpperInvariant();
        if (normaliserad.Length == 10 && !normaliserad.Contains('-')) normaliserad = $"{normaliserad[..5]}-{normaliserad[5..]}";
        if (await KontrolleraAsync(vem.Konto, kalla, async () => (await users.RedeemTwoFactorRecoveryCodeAsync(vem.Konto, normaliserad)).Succeeded,
                FelReservkod, ct) is { } nej) return nej;
        await LoggaInAsync(vem.Konto, vem.KommIhag);
        var kvar = await users.CountRecoveryCodesAsync(vem.Konto);
        return CommandResult.Done($"Du loggade in med en reservkod. Du har {SwedishText.Antal(kvar, "reservkod", "reservkoder")} kvar; skapa nya under Tvåstegsverifiering.");
    }

    public async Task<CommandResult<IReadOnlyList<string>>> NyaReservkoderAsync()
    {
        if (await VemAsync() is not { Inloggad: true } vem) return new(CommandResult.Forbidden, null);
        if (!await users.GetTwoFactorEnabledAsync(vem.Konto)) return new(CommandResult.Refused("Slå på tvåstegsverifiering först."), null);
        var koder = (await users.GenerateNewTwoFactorRecoveryCodesAsync(vem.Konto, 10))!.ToList();
        return new(CommandResult.Done("Nya reservkoder är skapade; de gamla gäller inte längre."), koder);
    }

    /// <summary>Off again (and the app's key forgotten), unless the account's roles require it.</summary>
    public async Task<CommandResult> StangAvAsync()
    {
        if (await VemAsync() is not { Inloggad: true } vem) return CommandResult.Forbidden;
        if (await KravsAsync(vem.Konto))
            return CommandResult.Refused("Med rollen HR eller Admin måste du logga in med tvåstegsverifiering. Byter du telefon: slå på den igen med den nya appen från en reservkod.");
        // A weaker sign-in from now on: every session of the account ends (a new security stamp), this one too.
        await users.SetTwoFactorEnabledAsync(vem.Konto, false);
        await users.ResetAuthenticatorKeyAsync(vem.Konto);
        await signIn.SignOutAsync();
        return CommandResult.Done("Tvåstegsverifiering är avstängd och du är utloggad överallt. Logga in igen med ditt lösenord.");
    }

    private async Task<bool> RattKodAsync(ApplicationUser konto, string kod) =>
        await users.VerifyTwoFactorTokenAsync(konto, users.Options.Tokens.AuthenticatorTokenProvider, kod.Replace(" ", "").Trim());

    /// <summary>Runs a check under the brake of this account and source; null when it passed, else the refusal.</summary>
    private async Task<CommandResult?> KontrolleraAsync(ApplicationUser konto, string kalla, Func<Task<bool>> kontroll, string fel, CancellationToken ct)
    {
        var nyckel = InloggningsBroms.Nyckel($"kod:{konto.Id}", kalla);
        if (await broms.VantaAsync(nyckel, ct) is { } vanta)
            return CommandResult.Refused(new Inloggningssvar(InloggningsUtfall.ForMangaForsok, vanta).Meddelande!);
        if (await kontroll())
        {
            await broms.LyckatAsync(nyckel, ct);
            return null;
        }
        var sparr = await broms.MisslyckatAsync(nyckel, ct);
        return CommandResult.Refused(sparr is { } s ? new Inloggningssvar(InloggningsUtfall.ForMangaForsok, s).Meddelande! : fel);
    }

    private async Task LoggaInAsync(ApplicationUser konto, bool kommIhag)
    {
        await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(konto, kommIhag, [new Claim("amr", "mfa")]);
    }

    private static string Grupperad(string nyckel)
    {
        var text = new StringBuilder();
        for (var i = 0; i < nyckel.Length; i += 4) text.Append(nyckel.AsSpan(i, Math.Min(4, nyckel.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}

/// <summary>
/// Identity's authenticator check (TOTP, six digits, 30-second steps, two steps either side for a phone's clock) with
/// what it leaves out: a code is accepted once (RFC 6238, 5.2). The step of the last accepted code is kept with the
/// account, so a code seen over someone's shoulder, or replayed, is refused within its window too.
/// </summary>
public sealed class EngangsAutentiserare(TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string Namn = "Engangskod";
    private const string Leverantor = "ChefsRekrytering";
    private const string SenastSteg = "SenastKodsteg";

    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult("");

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } nyckel) return false;
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(nyckel));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var steg, new OtpNet.VerificationWindow(previous: 2, future: 2))) return false;
        if (long.TryParse(await manager.GetAuthenticationTokenAsync(user, Leverantor, SenastSteg), out var senast) && steg <= senast) return false;
        await manager.SetAuthenticationTokenAsync(user, Leverantor, SenastSteg, steg.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
