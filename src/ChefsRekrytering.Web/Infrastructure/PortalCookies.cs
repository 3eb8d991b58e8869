namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>The portal's cookie names, in one place for the options that set them and the code that reads them.</summary>
public static class PortalCookies
{
    public const string Inloggning = "chefsrekrytering";
    public const string Formular = "chefsrekrytering.af";
    public const string Meddelande = "chefsrekrytering.meddelande";
}
