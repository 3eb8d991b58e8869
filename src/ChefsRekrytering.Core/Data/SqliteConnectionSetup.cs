using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChefsRekrytering.Data;

/// <summary>
/// Each physical SQLite connection's settings, set once when it is first opened: WAL commits with synchronous=NORMAL,
/// and a busy timeout so a write outside a transaction waits for the lock instead of failing.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    /// <summary>The SQLite handles already configured: a pooled connection keeps its settings, so each physical connection
    /// is set up once, not on every open (an open per query otherwise cost a round of PRAGMAs each).</summary>
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    private static void Configure(DbConnection connection)
    {
        var handle = (connection as Microsoft.Data.Sqlite.SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        // WAL with synchronous=NORMAL: a commit reaches the operating system before it is acknowledged, so a killed
        // process loses nothing, and the fsync waits for the checkpoint instead of every commit (only a power cut can
        // lose the last commits; PostgreSQL is the choice where that matters).
        command.CommandText = $"PRAGMA busy_timeout = {(int)SqliteWriteGate.MaxWait.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
        if (handle is not null) Configured.AddOrUpdate(handle, handle);
    }
}
