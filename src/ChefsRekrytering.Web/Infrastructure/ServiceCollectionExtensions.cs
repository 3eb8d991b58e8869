using ChefsRekrytering.Platsbanken;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Aterkoppling;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Chefsforsorjning;
using ChefsRekrytering.Data;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scim;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;

namespace ChefsRekrytering.Web.Infrastructure;

public static class ServiceCollectionExtensions
{
    /// <summary>Loads and validates every leadership policy now, so a malformed file stops the start with its name and field.</summary>
    public static IServiceCollection AddPortalPolicies(this IServiceCollection services, IConfiguration config)
    {
        var files = PolicyLibrary.LoadFrom(Path.Combine(PortalPaths.ContentFolder(config), "policies")).Filer;
        // The files are version 1; the published versions come from the database at start (PortalInitializer).
        services.AddSingleton(sp => new PolicyLibrary(files, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<PolicyLaddare>();
        services.AddScoped<Policypaverkan>();
        services.AddScoped<PolicyService>();
        services.AddHostedService<PolicyUppdaterare>();
        services.AddOptions<PortalOptions>().Bind(config.GetSection("Portal"));
        return services;
    }

    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var dataFolder = PortalPaths.DataFolder(config, env);
        services.AddPortalData(config, dataFolder);
        services.AddPortalNotifications(config, dataFolder, PortalPaths.ContentFolder(config));
        services.AddPortalDocuments(config, dataFolder);
        services.AddPortalRekrytering(PortalPaths.ContentFolder(config));
        services.AddPortalPlatsbanken(config);
        services.AddPortalIntroduktion(PortalPaths.ContentFolder(config));
        services.AddPortalAvveckling();
        services.AddPortalLedarakademin(PortalPaths.ContentFolder(config));
        services.AddPortalLedarskap();
        services.AddPortalAretsChef(config, PortalPaths.ContentFolder(config));
        services.AddPortalAterkoppling(config);
        services.AddPortalArkiv(config);
        services.AddPortalChefsforsorjning(config);
        services.AddPortalScim();
        services.AddScoped<PortalInitializer>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoRekryteringar>();
        services.AddPortalHealthChecks();
        // Keys in the database: every instance behind a load balancer can read every cookie. With a certificate
        // (DataProtection:CertificatePath, e.g. mounted from Key Vault) the keys are encrypted at rest as well.
        var dataProtection = services.AddDataProtection().SetApplicationName("ChefsRekrytering").PersistKeysToDbContext<AppDbContext>();
        if (config["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
            dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificate, config["DataProtection:CertificatePassword"]));
        else if (env.IsProduction())
            // Whoever reads the database could otherwise forge every cookie: sign in as anyone, with any role.
            throw new InvalidOperationException("I produktion måste nycklarna som skyddar inloggningskakorna krypteras: ange " +
                "DataProtection:CertificatePath (och DataProtection:CertificatePassword), ett PFX-certifikat med privat nyckel, till exempel från Key Vault.");
        CheckPublicUrl(config["Portal:PublicUrl"], env);
        return services;
    }

    /// <summary>
    /// The links in mails start with Portal:PublicUrl (<see cref="MailLinks"/>). Empty, they start with the address the
    /// server listens on: right for `dotnet run`, wrong behind a proxy or load balancer, where people would be sent to an
    /// address only the server knows. So Production needs it, and anything given must be an absolute http(s) address.
    /// </summary>
    private static void CheckPublicUrl(string? publicUrl, IHostEnvironment env)
    {
        if (string.IsNullOrWhiteSpace(publicUrl))
        {
            if (env.IsProduction())
                throw new InvalidOperationException("I produktion måste Portal:PublicUrl anges: portalens publika adress, till exempel " +
                    "https://rekrytering.kommun.se, som länkarna i mejlen pekar på. Utan den skulle länkarna peka på serverns interna adress.");
            return;
        }
        if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new InvalidOperationException($"Portal:PublicUrl ”{publicUrl}” är ingen webbadress: ange portalens publika adress med https://, " +
                "till exempel https://rekrytering.kommun.se.");
    }

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var security = SecurityOptions.From(config);
        var secure = security.SecureCookies ?? !(env.IsDevelopment() || env.IsEnvironment("Testing"));
        var cookiePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var cookies = new PortalCookies(secure);
        services.AddSingleton(cookies);
        services.AddPortalRateLimits(security);
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                // Failed passwords brake the address and source they came from (InloggningsBroms), never the account:
                // a lockout per account lets anyone lock anyone out. Lockout is only Admin's "has left".
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.AuthenticatorTokenProvider = EngangsAutentiserare.Namn;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<EngangsAutentiserare>(EngangsAutentiserare.Namn)
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddErrorDescriber<SwedishIdentityErrors>()
            .AddUserValidator<UnikAdressIHelaPortalen>();
        // The set-password links (welcome mail, "Glömt lösenordet?") say they hold for three days; Identity's default is one.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        services.AddPortalOidc(config, cookiePolicy);
        services.AddScoped<Kontoregister>();
        services.AddScoped<LokalInloggning>();
        services.AddScoped<LosenordService>();
        services.AddScoped<BehorighetService>();
        services.AddScoped<ChefsRekrytering.Kommuner.KommunService>();
        services.AddScoped<ChefsRekrytering.Organisation.OrganisationService>();
        services.AddScoped<ChefsRekrytering.Organisation.Personalimport.PersonalimportService>();
        services.AddScoped<ChefsRekrytering.Startsida.StartsidaService>();
        services.AddScoped<InloggningsBroms>();
        services.AddSingleton<Attrapphash>();
        services.AddOptions<InloggningsBromsOptions>().Bind(config.GetSection(InloggningsBromsOptions.Section));
        services.AddScoped<Tvastegsverifiering>();
        services.AddOptions<TvastegsOptions>().Bind(config.GetSection(TvastegsOptions.Section));
        services.AddOptions<Pages.Tillganglighet.TillganglighetOptions>().Bind(config.GetSection(Pages.Tillganglighet.TillganglighetOptions.Section));
        services.AddOptions<Pages.Personuppgifter.PersonuppgifterOptions>().Bind(config.GetSection(Pages.Personuppgifter.PersonuppgifterOptions.Section));
        var sessions = config.GetSection(UserSessionOptions.Section).Get<UserSessionOptions>() ?? new();
        if (sessions.Inaktivitet <= TimeSpan.Zero || sessions.Inaktivitet > sessions.Livslangd)
            throw new InvalidOperationException($"{UserSessionOptions.Section}:Inaktivitet måste vara större än noll och högst {UserSessionOptions.Section}:Livslangd.");
        services.AddSingleton(sessions);
        services.AddSingleton<SessionStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionStore>((o, store) => o.SessionStore = store);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/konto/logga-in";
            o.LogoutPath = "/konto/logga-ut";
            o.AccessDeniedPath = "/konto/atkomst-nekad";
            o.Cookie.Name = cookies.Inloggning;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = cookiePolicy;
            // The idle timeout; the session store ends a session Livslangd after sign-in however active it is.
            o.ExpireTimeSpan = sessions.Inaktivitet;
            o.SlidingExpiration = true;
            // The session is on the server (SessionStore) and every change of rights deletes it, so the next request is
            // already signed out: Identity's periodic security-stamp check has nothing left to find.
            o.Events.OnValidatePrincipal = _ => Task.CompletedTask;
        });

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = cookies.Formular;
            o.Cookie.SecurePolicy = cookiePolicy;
        });
        // The one-time messages ("Ärendet är startat") travel in a cookie too.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = cookies.Meddelande;
            o.Cookie.SecurePolicy = cookiePolicy;
        });
        services.AddAuthorizationBuilder()
            // Deny by default: a page without its own rule still needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPortalPolicies();
        return services;
    }

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration config)
    {
        // The server's name and version are nobody's business.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        // A year, for the portal's own host and any below it; browsers then never try plain HTTP.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddRazorPages(o =>
            {
                o.Conventions.Add(new FolderRoutes());
                o.Conventions.AuthorizeFolder("/Admin", Behorighet.Admin);
                // Every form is antiforgery-checked, whatever the page says.
                o.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute());
                o.Conventions.ConfigureFilter(new UnknownHandlerFilter());
            })
            .AddMvcOptions(o => o.Filters.AddService<Lasloggning>())
            .AddMvcOptions(o => o.ModelMetadataDetailsProviders.Add(new SwedishValidationMessages()))
            .AddMvcOptions(o => o.ModelMetadataDetailsProviders.Add(new EmptyStringsStayEmpty()))
            .AddMvcOptions(o => o.ModelMetadataDetailsProviders.Add(new SensibleDates()))
            .AddMvcOptions(SwedishValidationMessages.ConfigureBindingMessages)
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider()))
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new CleanTextBinderProvider()));
        services.AddSingleton<Lasloggning>();
        services.AddRouting(o => { o.LowercaseUrls = true; });
        services.AddLogging(logging => logging.KeepPrivateLinksOutOfLogs());
        // å, ä and ö are written as themselves, not as &#xE5;.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<Sokandesprak>();
        services.AddOptions<RequestLocalizationOptions>().Configure<Sokandesprak>((o, sokandesprak) =>
        {
            o.DefaultRequestCulture = new(Sprak.SvenskKultur);
            o.SupportedCultures = o.SupportedUICultures = [Sprak.SvenskKultur, Sprak.EngelskKultur];
            // Swedish everywhere; only an applicant's own choice on the applicant's pages makes English (never Accept-Language).
            o.RequestCultureProviders = [sokandesprak];
        });
        return services;
    }
}
