using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.Authorization;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>The named authorization policies. Pages name one of these (or [AllowAnonymous]) explicitly.</summary>
public static class Behorighet
{
    public const string Inloggad = "Inloggad";
    public const string Admin = "Admin";
    public const string HR = "HR";
    public const string Chef = "Chef";
    public const string Rekrytering = "Rekrytering";
    public const string Jury = "Jury";
    /// <summary>HR and Admin: the requests for roles that need a second person, and the log of Admin's changes.</summary>
    public const string Behorigheter = "Behorigheter";
    /// <summary>HR and Admin: the municipality's own documents, its policy versions and templates.</summary>
    public const string Dokumentagare = "Dokumentagare";
    /// <summary>The portal administrator: adds municipalities (/portal/kommuner), and opens nothing else.</summary>
    public const string Portaladministrator = "Portaladministrator";

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder b) => b
        .AddPolicy(Inloggad, p => p.RequireAuthenticatedUser().RequireClaim(PortalClaims.Kommun))
        .AddPolicy(Admin, p => p.RequireClaim(PortalClaims.Kommun).RequireRole(Roller.Admin))
        .AddPolicy(HR, p => p.RequireClaim(PortalClaims.Kommun).RequireRole(Roller.HR))
        .AddPolicy(Chef, p => p.RequireClaim(PortalClaims.Kommun).RequireRole(Roller.Chef, Roller.HR))
        .AddPolicy(Rekrytering, p => p.RequireClaim(PortalClaims.Kommun).RequireRole(Roller.RekryterandeChef, Roller.HR))
        .AddPolicy(Jury, p => p.RequireClaim(PortalClaims.Kommun).RequireRole(Roller.Jury, Roller.HR))
        .AddPolicy(Behorigheter, p => p.RequireClaim(PortalClaims.Kommun).RequireRole(Roller.HR, Roller.Admin))
        .AddPolicy(Dokumentagare, p => p.RequireClaim(PortalClaims.Kommun).RequireRole(Roller.HR, Roller.Admin))
        .AddPolicy(Portaladministrator, p => p.RequireClaim(PortalClaims.Kommun).RequireRole(Roller.Portaladministrator));
}
