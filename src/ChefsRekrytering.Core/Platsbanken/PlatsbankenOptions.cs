namespace ChefsRekrytering.Platsbanken;

/// <summary>
/// Arbetsförmedlingen's "Direct Transferred Job Posting" API (Direktöverförda annonser). Off until the employer id, the
/// client id and the client secret are all set: then every published advert is sent to Platsbanken.
/// </summary>
public sealed class PlatsbankenOptions
{
    public const string Section = "Platsbanken";
    public const string Sandbox = "https://apier.arbetsformedlingen.se/direct-transferred-job-posting/v1/sandbox/";
    public const string Produktion = "https://apier.arbetsformedlingen.se/direct-transferred-job-posting/v1/prod/";

    /// <summary>The employer's customer number at Arbetsförmedlingen (organisationsnummer, digits only), sent as <c>Employer-Id</c>.</summary>
    public string? EmployerId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The API's base address, ending in "/": <see cref="Sandbox"/> (default) or <see cref="Produktion"/>.</summary>
    public string BaseAddress { get; set; } = Sandbox;
    /// <summary>The address Arbetsförmedlingen writes to about the adverts (<c>jobAdResponsibleEmail</c>), and the
    /// contact's address when the recruiting manager's account has none.</summary>
    public string? AnsvarigEpost { get; set; }
    /// <summary>Municipalities' concept ids beyond the verified ones in <see cref="Platsbankstaxonomi.Kommuner"/>: label → id.</summary>
    public Dictionary<string, string> Kommunbegrepp { get; set; } = [];

    public bool Konfigurerat =>
        !string.IsNullOrWhiteSpace(EmployerId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
