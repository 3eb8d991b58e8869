namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>Where the embedded defaults keep their files: one data folder (database, documents, mail pickup).</summary>
public static class PortalPaths
{
    public static string DataFolder(IConfiguration config, IHostEnvironment env) =>
        Path.GetFullPath(config["Storage:DataFolder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(env.ContentRootPath, "App_Data"));

    /// <summary>content/ ships beside the binaries (see the .csproj); a setting can point elsewhere.</summary>
    public static string ContentFolder(IConfiguration config) =>
        Path.GetFullPath(config["Content:Folder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "content"));
}
