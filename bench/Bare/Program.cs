// The baseline: `dotnet new web` with request logging off, so the figure is what Kestrel and routing cost on this
// machine in this run, nothing of the portal.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.MapGet("/", () => "Hello World!");
app.Run();
