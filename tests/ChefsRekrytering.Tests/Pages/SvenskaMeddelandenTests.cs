using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Pages;

/// <summary>
/// The messages a person gets that are not written on a page: the framework's validation and binding messages, Identity's,
/// the confirmation of a step, and a count with its noun. Every one in plain Swedish.
/// </summary>
public class SvenskaMeddelandenTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private static readonly Regex Engelska = new(@"(?<![\p{L}])(The|field|is|are|must|not|valid|invalid|required|value|Invalid|Passwords?|User|Role|Email|token)(?![\p{L}])");

    /// <summary>
    /// Every validation attribute .NET ships, given without a message of its own, reads Swedish once the portal's metadata
    /// has seen it, also those whose English default is their ErrorMessage ([EmailAddress] said "The e-post field is not a
    /// valid e-mail address").
    /// </summary>
    [Fact]
    public void VarjeValideringsattributUtanEgetMeddelandeTalarSvenska()
    {
        var typer = typeof(RequiredAttribute).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(ValidationAttribute)) && !t.IsAbstract && t != typeof(CustomValidationAttribute)).ToList();
        var provade = new List<string>();
        foreach (var typ in typer)
        {
            var attribut = Skapa(typ);
            var context = new ValidationMetadataProviderContext(ModelMetadataIdentity.ForType(typeof(string)), ModelAttributes.GetAttributesForType(typeof(string)));
            context.ValidationMetadata.ValidatorMetadata.Add(attribut);
            new SwedishValidationMessages().CreateValidationMetadata(context);

            var meddelande = attribut.FormatErrorMessage("e-postadress");
            Assert.False(Engelska.IsMatch(meddelande), $"{typ.Name}: {meddelande}");
            Assert.Matches(@"[åäö]|Fyll|Skriv|Ange|Välj|Kontrollera|Det ", meddelande);
            provade.Add(typ.Name);
        }
        Assert.Contains(nameof(EmailAddressAttribute), provade);
        Assert.True(provade.Count >= 15, string.Join(", ", provade));
    }

    [Fact]
    public void EgnaMeddelandenLamnasOrorda()
    {
        var egen = new EmailAddressAttribute { ErrorMessage = "E-postadressen är inte giltig. Skriv den som namn@exempel.se." };
        var context = new ValidationMetadataProviderContext(ModelMetadataIdentity.ForType(typeof(string)), ModelAttributes.GetAttributesForType(typeof(string)));
        context.ValidationMetadata.ValidatorMetadata.Add(egen);
        new SwedishValidationMessages().CreateValidationMetadata(context);
        Assert.Equal("E-postadressen är inte giltig. Skriv den som namn@exempel.se.", egen.FormatErrorMessage("e-post"));
    }

    /// <summary>An empty number or date field: the binder knows only the typed value ("The value '' is invalid"), so each
    /// field gets messages of its own that name it.</summary>
    [Fact]
    public async Task EttTomtTalfaltNamnerFaltet()
    {
        var client = await new Testdata(portal).InloggadAsync("rekryterande");
        var response = await client.PostFormAsync("/rekrytering/ny", new() { ["Input.Titel"] = "Enhetschef", ["Input.Omfattning"] = "" });
        var text = PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Fyll i omfattning.", text);

        var fel = await client.PostFormAsync("/rekrytering/ny", new() { ["Input.Titel"] = "Enhetschef", ["Input.Omfattning"] = "hundra" });
        Assert.Contains("”hundra” går inte att tolka som omfattning.", PortalClient.Parse(await fel.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent);
    }

    /// <summary>Every message Identity can give is overridden: a new one in a later .NET would otherwise arrive in English.</summary>
    [Fact]
    public void IdentitysAllaMeddelandenArSvenska()
    {
        var svenska = new SwedishIdentityErrors();
        var metoder = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsVirtual && m.ReturnType == typeof(IdentityError)).ToList();
        Assert.True(metoder.Count >= 20, $"bara {metoder.Count}");
        foreach (var metod in metoder)
        {
            var egen = typeof(SwedishIdentityErrors).GetMethod(metod.Name, metod.GetParameters().Select(p => p.ParameterType).ToArray())!;
            Assert.True(egen.DeclaringType == typeof(SwedishIdentityErrors), $"{metod.Name} har kvar sitt engelska meddelande");
            var argument = metod.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)8 : "HR").ToArray();
            var fel = (IdentityError)egen.Invoke(svenska, argument)!;
            Assert.Equal(metod.Name, fel.Code);
            Assert.False(Engelska.IsMatch(fel.Description), $"{metod.Name}: {fel.Description}");
        }
    }

    /// <summary>A step confirms itself as a person would say it, not as "Skicka för behovsprövning: klart.".</summary>
    [Fact]
    public async Task EttStegBekraftasMedEnVanligMening()
    {
        var data = new Testdata(portal);
        var agare = await data.PrincipalAsync("rekryterande");
        int id;
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var enhet = await db.Enheter.Where(e => e.Typ == global::ChefsRekrytering.Organisation.EnhetTyp.Enhet).Select(e => e.Id).FirstAsync();
            id = (await scope.ServiceProvider.GetRequiredService<RekryteringService>().SkapaAsync(new Behov("Enhetschef (meddelande)", enhet,
                "Nuvarande chef går i pension och enheten behöver en ny chef.", Anstallningsform.Tillsvidare, 100, null), agare)).Value;
        }
        var client = await data.InloggadAsync("rekryterande");
        var url = $"/rekrytering/{id}";
        var version = (await client.PageAsync(url)).QuerySelector("input[name='Version']")!.GetAttribute("value")!;
        var response = await client.PostFormAsync($"{url}?handler=Fire", new() { ["trigger"] = nameof(RekryteringsHandelse.SkickaForBehovsprovning), ["Version"] = version }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Behovet är skickat till HR för behovsprövning.", (await client.PageAsync(url)).QuerySelector("[role=status]")!.TextContent.Trim());
    }

    /// <summary>Every step of the processes whose steps are confirmed alike has its own sentence.</summary>
    [Fact]
    public void VarjeStegHarEnEgenBekraftelse()
    {
        foreach (var typ in new[] { typeof(RekryteringsHandelse), typeof(KandidatHandelse), typeof(KampanjHandelse), typeof(AvvecklingHandelse), typeof(IntroduktionHandelse) })
            foreach (var falt in typ.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var text = falt.GetCustomAttribute<DoneAttribute>()?.Text;
                Assert.True(text is not null, $"{typ.Name}.{falt.Name} saknar [Done]");
                Assert.DoesNotContain("klart", text, StringComparison.OrdinalIgnoreCase);
                Assert.EndsWith(".", text);
            }
        Assert.Equal("Rekryteringen är avbruten.", SwedishText.Done(RekryteringsHandelse.Avbryt));
    }

    [Theory]
    [InlineData(0, "0 rekryteringar")]
    [InlineData(1, "1 rekrytering")]
    [InlineData(2, "2 rekryteringar")]
    public void EttAntalFarRattFormPaSittOrd(int antal, string text) => Assert.Equal(text, SwedishText.Antal(antal, "rekrytering", "rekryteringar"));

    /// <summary>One recruitment in the list reads "1 rekrytering", not "1 rekryteringar": Älvsbyn's demo has one going on.</summary>
    [Fact]
    public async Task ListanRaknarEnRekryteringISingularis()
    {
        var sida = await (await new Testdata(portal).I("alvsbyn").InloggadAsync("hr")).PageAsync("/rekrytering");
        Assert.Single(sida.QuerySelectorAll("tbody tr"));
        Assert.Equal("1 rekrytering", sida.QuerySelector("caption")!.TextContent.Trim());
    }

    /// <summary>An attribute made with arguments that fit its kind.</summary>
    private static ValidationAttribute Skapa(Type typ)
    {
        foreach (var ctor in typ.GetConstructors().OrderBy(c => c.GetParameters().Length))
        {
            var parametrar = ctor.GetParameters();
            object?[] argument = parametrar.Select(p => p.ParameterType switch
            {
                var t when t == typeof(int) => (object?)1,
                var t when t == typeof(double) => 1.0,
                var t when t == typeof(string) => "Annat",
                var t when t == typeof(Type) => typeof(int),
                var t when t == typeof(object[]) => new object[] { "a" },
                var t when t == typeof(DataType) => DataType.Text,
                _ => null,
            }).ToArray();
            if (argument.Any(a => a is null)) continue;
            if (typ == typeof(RangeAttribute) && parametrar.Length == 2) argument = [1, 5];
            if (typ == typeof(LengthAttribute)) argument = [1, 5];
            return (ValidationAttribute)ctor.Invoke(argument);
        }
        throw new InvalidOperationException($"{typ.Name} gick inte att skapa");
    }
}
