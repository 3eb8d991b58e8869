using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChefsRekrytering.Data;

/// <summary>
/// PostgreSQL advisory locks that let several instances share one database. Without them two replicas starting at once
/// on a new database both create the roles and municipalities (the second stops on a unique index) and both add the
/// recurring jobs (every nightly job then runs twice). SQLite is one file for one instance: nothing to take there.
/// </summary>
public static class Startlas
{
    // Fixed keys in pg_advisory_lock's single 64-bit space; any value works as long as no one else uses it.
    private const long StartNyckel = 0x4368_6566_7353_7461;        // "ChefsSta"
    public const long AterkommandeNyckel = 0x4368_6566_7352_6563;  // "ChefsRec"

    /// <summary>Waits until no other instance is starting on this database and holds that until disposed. Its own
    /// unpooled session: a pooled one would keep the lock after Close until the pool reset it, and a crashed instance's
    /// session ends with the process, so the lock is never left behind.</summary>
    public static async Task<IAsyncDisposable?> TaAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql()) return null;
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@k)", connection);
        command.Parameters.AddWithValue("k", StartNyckel);
        await command.ExecuteNonQueryAsync(ct);
        return connection; // closing the unpooled session releases the lock
    }

    /// <summary>A lock held until the surrounding transaction ends: for a read-then-insert that must not run twice at once.</summary>
    public static Task TransaktionslasAsync(AppDbContext db, long nyckel, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [nyckel], ct);
}
