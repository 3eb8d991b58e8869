using Microsoft.Extensions.FileProviders;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>A municipality's logo: the image a deployment puts at <c>wwwroot/img/kommuner/{id}.svg</c> (the demo
/// municipalities have simple emblems there), else a neutral shield. Derived from the id, so a new municipality needs
/// no database change to get one: dropping the file in is enough.</summary>
public sealed record KommunLogotyp(string Sokvag, bool Egen)
{
    public const string Neutral = "/img/kommuner/kommun.svg";

    public static KommunLogotyp For(IFileProvider webRoot, string kommunId)
    {
        var egen = $"/img/kommuner/{kommunId}.svg";
        return kommunId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && webRoot.GetFileInfo(egen).Exists
            ? new(egen, true) : new(Neutral, false);
    }

    /// <summary>The alt text: the municipality's own logo is named; the neutral shield says nothing (the name stands beside it).</summary>
    public string Alt(string kommun) => Egen ? $"{kommun}s logotyp" : "";
}
