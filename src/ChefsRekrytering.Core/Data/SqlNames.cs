using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Data;

/// <summary>
/// Table and column names for the few statements written as SQL (the work queue's claim, the nomination upsert), taken
/// from the EF model and double-quoted, which both SQLite and PostgreSQL accept: a renamed property cannot leave them behind.
/// </summary>
public static class SqlNames
{
    /// <summary>The quoted table of <typeparamref name="T"/> (null) or the quoted column of one of its properties.</summary>
    public static Func<string?, string> Of<T>(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return property => $"\"{(property is null ? entity.GetTableName() : entity.FindProperty(property)!.GetColumnName())}\"";
    }
}
