namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// The portal's cookie names, in one place for the options that set them and the code that reads them. Over HTTPS they
/// carry the <c>__Host-</c> prefix: the browser then keeps them only if they are Secure, for this host alone (no Domain)
/// and the whole site, so no other site under the municipality's domain can set or overwrite them. Over plain HTTP
/// (Development and the tests) a browser refuses such names, so they go without.
/// </summary>
public sealed class PortalCookies(bool secure)
{
    private string Prefix => secure ? "__Host-" : "";

    public bool Secure => secure;
    public string Inloggning => Prefix + "chefsrekrytering";
    public string Formular => Prefix + "chefsrekrytering.af";
    public string Meddelande => Prefix + "chefsrekrytering.meddelande";
    /// <summary>The language an applicant chose for the public pages (<see cref="Sokandesprak"/>).</summary>
    public string Sprak => Prefix + "chefsrekrytering.sprak";
}
