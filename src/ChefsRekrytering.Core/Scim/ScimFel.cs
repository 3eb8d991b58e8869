namespace ChefsRekrytering.Scim;

/// <summary>
/// A SCIM request that is refused, as RFC 7644 §3.12 answers it: an HTTP status, the scimType where the RFC names one,
/// and a detail for the identity provider's log. Thrown before anything is saved, so a refused request changes nothing.
/// The detail never carries personal data: it may be written to the identity provider's provisioning log.
/// </summary>
public sealed class ScimFel(int status, string? scimType, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string? ScimType { get; } = scimType;

    public static ScimFel Syntax(string detail) => new(400, "invalidSyntax", detail);
    public static ScimFel Varde(string detail) => new(400, "invalidValue", detail);
    public static ScimFel Filter(string detail) => new(400, "invalidFilter", detail);
    public static ScimFel Sokvag(string detail) => new(400, "invalidPath", detail);
    public static ScimFel Unik(string detail) => new(409, "uniqueness", detail);
    public static ScimFel Saknas() => new(404, null, "Användaren finns inte.");
}
