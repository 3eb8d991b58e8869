using System.Security.Cryptography;
using System.Text;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Konton;

/// <summary>How a password sign-in ended: done, or the code from the app is next (<c>KodBehovs</c>), or the app must
/// be set up first (<c>SkaAktivera</c>, HR and Admin), or refused.</summary>
public enum InloggningsUtfall { Klar, FelUppgifter, Sparrad, ForMangaForsok, Avstangd, KodBehovs, SkaAktivera }

public sealed record Inloggningssvar(InloggningsUtfall Utfall, TimeSpan? ForsokIgenOm = null)
{
    /// <summary>What the sign-in page says; the same words whether or not the address has an account.</summary>
    public string? Meddelande => Utfall switch
    {
        InloggningsUtfall.FelUppgifter => "Fel e-postadress eller lösenord.",
        InloggningsUtfall.Avstangd => "Inloggning med lösenord är avstängd. Logga in med ditt konto i kommunen.",
        InloggningsUtfall.Sparrad => "Kontot är spärrat och kan inte längre logga in. Fråga HR eller kommunens administratör.",
        InloggningsUtfall.ForMangaForsok =>
            $"För många misslyckade försök med den här e-postadressen härifrån. Försök igen om {Workflows.SwedishText.Antal(Minuter, "minut", "minuter")}.",
        _ => null,
    };

    private int Minuter => (int)Math.Ceiling((ForsokIgenOm ?? TimeSpan.FromMinutes(1)).TotalMinutes);
}

/// <summary>
/// Signing in with a local account (the break-glass Admin and the demo). It answers an unknown address exactly as a
/// known one with the wrong password: the same words, and the same work (a password hash is checked either way, so the
/// time does not tell). Failed attempts slow down the pair of address and source they came from, not the account, so a
/// stranger elsewhere cannot lock a person out; the account is only spärrat by Admin ("has left").
/// </summary>
public sealed class LokalInloggning(
    Kontoregister register, CurrentKommun kommun, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
    IPasswordHasher<ApplicationUser> hasher, InloggningsBroms broms, Attrapphash attrapp, Microsoft.Extensions.Options.IOptions<OidcOptions> oidc,
    Tvastegsverifiering tvasteg)
{
    public LokalaKonton Tillatna => oidc.Value.LokalaKonton;

    public async Task<Inloggningssvar> LoggaInAsync(string epost, string losenord, bool kommIhag, string kalla, CancellationToken ct = default)
    {
        var svar = await ProvaAsync(epost, losenord, kommIhag, kalla, ct);
        Telemetri.Inloggning("password", svar.Utfall.ToString());
        return svar;
    }

    private async Task<Inloggningssvar> ProvaAsync(string epost, string losenord, bool kommIhag, string kalla, CancellationToken ct)
    {
        var namn = users.NormalizeName(epost.Trim());
        var nyckel = InloggningsBroms.Nyckel(namn, kalla);
        if (await broms.VantaAsync(nyckel, ct) is { } vanta) return new(InloggningsUtfall.ForMangaForsok, vanta);

        ApplicationUser? user = null;
        if (await register.KommunForAnvandarnamnAsync(namn, ct) is { } kommunId)
        {
            kommun.Use(kommunId); // from here on, the account is read through its own municipality's filter
            user = await users.FindByNameAsync(namn);
        }
        var ratt = user is { PasswordHash: not null }
            ? await users.CheckPasswordAsync(user, losenord)
            : CheckAgainstDecoy(losenord);
        if (!ratt)
        {
            var sparr = await broms.MisslyckatAsync(nyckel, ct);
            return sparr is { } s ? new(InloggningsUtfall.ForMangaForsok, s) : new(InloggningsUtfall.FelUppgifter);
        }
        await broms.LyckatAsync(nyckel, ct);
        // Only someone who knows the password learns that the account is spärrat, or that passwords are switched off.
        if (await users.IsLockedOutAsync(user!)) return new(InloggningsUtfall.Sparrad);
        if (Tillatna == LokalaKonton.Av || (Tillatna == LokalaKonton.BaraAdmin && !await users.IsInRoleAsync(user!, Roller.Admin)))
            return new(InloggningsUtfall.Avstangd);
        var harApp = await users.GetTwoFactorEnabledAsync(user!);
        if (harApp || await tvasteg.KravsAsync(user!))
        {
            await tvasteg.HalvvagsAsync(user!, kommIhag);
            return new(harApp ? InloggningsUtfall.KodBehovs : InloggningsUtfall.SkaAktivera);
        }
        await signIn.SignInAsync(user!, kommIhag);
        return new(InloggningsUtfall.Klar);
    }

    private bool CheckAgainstDecoy(string losenord)
    {
        hasher.VerifyHashedPassword(Attrapphash.Konto, attrapp.Hash, losenord);
        return false;
    }
}

/// <summary>
/// A hash of a random password, made once with the same hasher settings as real ones: checking a password against it
/// costs what a real check costs, which is what an unknown address gets.
/// </summary>
public sealed class Attrapphash(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options)
{
    internal static readonly ApplicationUser Konto = new() { KommunId = "", Namn = "" };
    private readonly Lazy<string> _hash = new(() =>
        new PasswordHasher<ApplicationUser>(options).HashPassword(Konto, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public string Hash => _hash.Value;
}

/// <summary>Section <c>Security:Inloggningsbroms</c>.</summary>
public sealed class InloggningsBromsOptions
{
    public const string Section = "Security:Inloggningsbroms";
    /// <summary>Failed attempts from one source for one address before it must wait.</summary>
    public int FriaForsok { get; set; } = 5;
    /// <summary>The first wait; it doubles with every further failure, up to <see cref="LangstaVantan"/>.</summary>
    public TimeSpan ForstaVantan { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan LangstaVantan { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Failures older than this are forgotten.</summary>
    public TimeSpan Minne { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Failed sign-ins of one address from one source, under a hash of both (neither is stored as such).</summary>
public class InloggningsForsok
{
    public required string Id { get; set; }
    public int Misslyckade { get; set; }
    public DateTime SenastUtc { get; set; }
    public DateTime? VantaTillUtc { get; set; }
}

internal sealed class InloggningsForsokConfiguration : IEntityTypeConfiguration<InloggningsForsok>
{
    public void Configure(EntityTypeBuilder<InloggningsForsok> b)
    {
        b.Property(f => f.Id).HasMaxLength(64);
        b.HasIndex(f => f.SenastUtc);
    }
}

/// <summary>
/// A backoff per address and source: after <see cref="InloggningsBromsOptions.FriaForsok"/> failures the pair waits one
/// minute, then two, four … up to fifteen. Unknown and known addresses are braked alike, so the brake does not tell
/// which exist; the person themself, from their own computer, is not affected by a stranger's attempts.
/// </summary>
public sealed class InloggningsBroms(AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<InloggningsBromsOptions> options)
{
    private InloggningsBromsOptions O => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string Nyckel(string normalizedName, string kalla) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{normalizedName}\n{kalla}")));

    /// <summary>How long the pair must still wait, or null when it may try.</summary>
    public async Task<TimeSpan?> VantaAsync(string nyckel, CancellationToken ct)
    {
        var till = await db.Set<InloggningsForsok>().AsNoTracking().Where(f => f.Id == nyckel).Select(f => f.VantaTillUtc).FirstOrDefaultAsync(ct);
        return till is { } t && t > Now ? t - Now : null;
    }

    /// <summary>Counts a failure; returns the wait it brings, if any.</summary>
    public async Task<TimeSpan?> MisslyckatAsync(string nyckel, CancellationToken ct)
    {
        var now = Now;
        var f = await db.Set<InloggningsForsok>().FirstOrDefaultAsync(x => x.Id == nyckel, ct);
        if (f is null) db.Add(f = new InloggningsForsok { Id = nyckel });
        if (now - f.SenastUtc > O.Minne) f.Misslyckade = 0;
        f.Misslyckade++;
        f.SenastUtc = now;
        TimeSpan? vanta = null;
        if (f.Misslyckade >= O.FriaForsok)
        {
            var steg = Math.Min(f.Misslyckade - O.FriaForsok, 20);
            vanta = TimeSpan.FromTicks(Math.Min(O.ForstaVantan.Ticks << steg, O.LangstaVantan.Ticks));
            f.VantaTillUtc = now + vanta;
        }
        // Old pairs go as new ones come, so the table holds only the recent past.
        await db.Set<InloggningsForsok>().Where(x => x.SenastUtc < now - O.Minne && x.Id != nyckel).ExecuteDeleteAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.Entry(f).State = EntityState.Detached; } // the same pair failing twice at once: one count is enough
        return vanta;
    }

    public Task LyckatAsync(string nyckel, CancellationToken ct) =>
        db.Set<InloggningsForsok>().Where(f => f.Id == nyckel).ExecuteDeleteAsync(ct);
}
