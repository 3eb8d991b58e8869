using System.Security.Claims;

namespace ChefsRekrytering.Documents;

/// <summary>
/// Who may read the documents of one kind of record, e.g. "Kandidat": the feature that owns the record
/// registers one. The municipality is already checked: a document of another municipality is never found.
/// </summary>
public interface IDocumentOwnerAccess
{
    string OwnerType { get; }
    Task<bool> CanReadAsync(ClaimsPrincipal user, int ownerId);
}

/// <summary>Asks the rule of the document's owner type. No rule means nobody may read it: deny by default.</summary>
public sealed class DocumentAccess(IEnumerable<IDocumentOwnerAccess> rules)
{
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Dokument doc)
    {
        var matching = rules.Where(r => string.Equals(r.OwnerType, doc.OwnerType, StringComparison.Ordinal)).ToList();
        if (matching.Count == 0) return false;
        // Two rules registered for one type: both must allow, so a second registration can never widen access.
        foreach (var rule in matching)
            if (!await rule.CanReadAsync(user, doc.OwnerId)) return false;
        return true;
    }
}
