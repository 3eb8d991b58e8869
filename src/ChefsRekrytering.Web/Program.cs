using ChefsRekrytering.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddPortalPolicies(builder.Configuration)
    .AddPortalData(builder.Configuration, builder.Environment)
    .AddPortalIdentity(builder.Configuration, builder.Environment)
    .AddPortalWeb(builder.Configuration)
    .AddPortalTelemetri(builder.Configuration, builder.Environment);

var app = builder.Build();

await app.InitializePortalAsync();
app.UsePortalPipeline();
app.MapPortalEndpoints();

app.Run();
