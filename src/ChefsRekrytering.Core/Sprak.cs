using System.Globalization;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering;

/// <summary>
/// The languages the portal speaks. Everything is Swedish; an applicant may choose English for the public job pages,
/// the application form, their own page and the mails they get (the advert stays as written). The choice is stored
/// with the application, so every later mail and the private page follow it.
/// </summary>
public static class Sprak
{
    public const string Svenska = "sv";
    public const string Engelska = "en";

    public static readonly CultureInfo SvenskKultur = CultureInfo.GetCultureInfo("sv-SE");
    /// <summary>British English: day before month ("1 February 2027"), as a Swedish reader of English expects.</summary>
    public static readonly CultureInfo EngelskKultur = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"sv" or "en" from what someone sent; anything else is Swedish.</summary>
    public static string Normalisera(string? sprak) =>
        string.Equals(sprak?.Trim(), Engelska, StringComparison.OrdinalIgnoreCase) ? Engelska : Svenska;

    public static CultureInfo Kultur(string? sprak) => Normalisera(sprak) == Engelska ? EngelskKultur : SvenskKultur;

    /// <summary>The culture text is being written in now: the request's (English on an applicant's English page) or the
    /// mail's being rendered. Only the two languages above; anything else shows Swedish.</summary>
    public static CultureInfo Visning => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Engelska ? EngelskKultur : SvenskKultur;

    /// <summary>Runs with <paramref name="sprak"/> as the current culture, and puts the caller's back afterwards.</summary>
    public static async Task<T> MedAsync<T>(string? sprak, Func<Task<T>> arbete)
    {
        var (kultur, uiKultur) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Kultur(sprak);
        try { return await arbete(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (kultur, uiKultur); }
    }

    /// <summary>A time in Swedish time, worded in the current language: "torsdag 3 december 2026 kl. 10:00",
    /// "Thursday 3 December 2026 at 10:00".</summary>
    public static string Tid(DateTime utc) => Visning == EngelskKultur
        ? Calendar.SwedishTime.ToLocal(utc).ToString("dddd d MMMM yyyy 'at' HH:mm", EngelskKultur)
        : Calendar.SwedishTime.Format(utc);

    /// <summary>A document type as an applicant reads it in the current language.</summary>
    public static string Of(DokumentTyp typ) => Visning == EngelskKultur
        ? typ switch { DokumentTyp.CV => "CV", DokumentTyp.PersonligtBrev => "Cover letter", DokumentTyp.Avtal => "Agreement", _ => "Attachment" }
        : SwedishText.Of(typ);
}
