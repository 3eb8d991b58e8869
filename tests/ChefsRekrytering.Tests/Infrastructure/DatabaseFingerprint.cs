using System.Security.Cryptography;
using System.Text;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>
/// Every row of every table of the model, as one hash: a form that was refused must leave it as it was, whichever table
/// it could have touched, including tables added after this was written. Left out are only the tables that legitimately
/// change while a person merely uses the portal.
/// </summary>
public static class DatabaseFingerprint
{
    /// <summary>Reading a confidential page logs the read; a signed-in request renews its session; a failed sign-in is
    /// counted; the first protected cookie creates a key.</summary>
    public static readonly IReadOnlySet<Type> ChangesOnUse = new HashSet<Type>
    {
        typeof(AuditEvent), typeof(UserSession), typeof(InloggningsForsok),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
    };

    /// <summary>The hash, and its parts per table, so a failure can name what changed.</summary>
    public sealed record Fingerprint(string Hash, IReadOnlyDictionary<string, string> Tables)
    {
        public IEnumerable<string> ChangedSince(Fingerprint before) => Tables.Keys.Where(t => before.Tables.GetValueOrDefault(t) != Tables[t]);
    }

    public static async Task<Fingerprint> OfAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChefsRekrytering.Data.AppDbContext>();
        var tables = db.Model.GetEntityTypes().Where(e => !ChangesOnUse.Contains(e.ClrType))
            .Select(e => e.GetTableName()).OfType<string>().Distinct().Order().ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var perTable = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    rows.Add(string.Join("\u001f", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            var content = Encoding.UTF8.GetBytes($"{table}:{rows.Count}\n{string.Join("\n", rows)}\n");
            perTable[table] = Convert.ToHexString(SHA256.HashData(content));
            hash.AppendData(content);
        }
        return new(Convert.ToHexString(hash.GetHashAndReset()), perTable);
    }
}
