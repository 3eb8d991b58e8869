using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>
/// The portal configured with Kalix's and Älvsbyn's own OpenID Providers: the two real oidc-provider issuers
/// infra/services.sh starts (infra/oidc/provider.mjs). Kalix's HR group gives the HR role.
/// </summary>
public static class TestOidc
{
    public static string Leverantor(string kommun) => TestServices.Require(kommun == "kalix" ? "CHEFS_TEST_OIDC_A" : "CHEFS_TEST_OIDC_B");

    public static T MedOidc<T>(this T portal) where T : PortalFactory
    {
        foreach (var kommun in new[] { "kalix", "alvsbyn" })
        {
            var k = $"Portal:Oidc:Kommuner:{kommun}";
            portal.With($"{k}:Authority", Leverantor(kommun)).With($"{k}:ClientId", "chefsrekrytering")
                .With($"{k}:ClientSecret", "test-hemlighet-chefsrekrytering").With($"{k}:AnstallningsnummerClaim", "employee_number")
                .With($"{k}:TillatHttp", "true");
        }
        portal.With("Portal:Oidc:Kommuner:kalix:Roller:hr-gruppen:0", Roller.HR);
        return portal;
    }
}
