using ChefsRekrytering.Aterkoppling;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChefsRekrytering.Tests.Aterkoppling;

/// <summary>
/// The anonymity is in the schema, read from the EF model itself: the answer table has no column that leads to the one
/// who answered or to the participation row (its only person is the chef it is about), no time, and a key the database
/// does not number; the participation table has nothing of the answer.
/// </summary>
public class AnonymitetsmodellTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task SvarstabellenHarIngetSomLederTilltDenSomSvarade()
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var svar = db.Model.FindEntityType(typeof(AterkopplingSvar))!;
        var deltagande = db.Model.FindEntityType(typeof(AterkopplingDeltagande))!;

        // Exactly these columns: what was answered, about whom, in which round. Nothing else may be added unseen.
        Assert.Equal(["Betyg", "ChefPersonId", "ForvaltningId", "Fritext", "Id", "KommunId", "OmgangId"],
            svar.GetProperties().Select(p => p.Name).Order().ToArray());
        // No time of any kind.
        Assert.DoesNotContain(svar.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)
            || p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateOnly) || p.ClrType == typeof(DateOnly?) || p.ClrType == typeof(TimeOnly));
        // A random key the portal makes, never a sequence that follows the order of insertion.
        var key = Assert.Single(svar.FindPrimaryKey()!.Properties);
        Assert.Equal(typeof(Guid), key.ClrType);
        Assert.Equal(ValueGenerated.Never, key.ValueGenerated);
        // Its keys lead to the round and to the chef it is about, and to nothing else: not to the participation, not to an account.
        Assert.Equal([(typeof(Aterkopplingsomgang), "OmgangId"), (typeof(Person), "ChefPersonId")],
            svar.GetForeignKeys().Select(f => (f.PrincipalEntityType.ClrType, Assert.Single(f.Properties).Name)).OrderBy(f => f.Name == "ChefPersonId").ToArray());
        Assert.DoesNotContain(svar.GetProperties(), p => p.Name.Contains("Deltagande") || p.Name.Contains("User") || p.Name == "PersonId");
        // The chef's person id is the only person column, and it is the subject: checked against the command, which sets
        // it to the answerer's chef (SvarsreglerTests), never to the answerer.
        Assert.DoesNotContain(deltagande.GetForeignKeys(), f => f.PrincipalEntityType == svar);
        Assert.DoesNotContain(svar.GetForeignKeys(), f => f.PrincipalEntityType == deltagande);
        // The participation says who and which round, nothing of what or when.
        Assert.Equal(["Id", "KommunId", "OmgangId", "PersonId"], deltagande.GetProperties().Select(p => p.Name).Order().ToArray());
    }
}
