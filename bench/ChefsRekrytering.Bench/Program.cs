using ChefsRekrytering.Bench;
using ChefsRekrytering.Web.Infrastructure;

// The portal's own Program.cs, with the bench data seeded after the portal's initialisation. The application is the
// portal's assembly, so its pages, views and settings are found as when it runs by itself.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = "ChefsRekrytering.Web" });

builder.Services
    .AddPortalPolicies(builder.Configuration)
    .AddPortalData(builder.Configuration, builder.Environment)
    .AddPortalIdentity(builder.Configuration, builder.Environment)
    .AddPortalWeb(builder.Configuration)
    .AddPortalBench(builder.Configuration);

var app = builder.Build();

// Under the portal's start lock: two bench instances on one database (bench/tva-instanser.sh) seed it once.
await app.InitializePortalAsync(services => services.SeedBenchDataAsync());
app.UsePortalPipeline();
app.MapPortalEndpoints();

app.Run();
