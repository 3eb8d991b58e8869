using System.Linq.Expressions;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChefsRekrytering.Data;

/// <summary>
/// The one database of the portal. Every <see cref="IKommunEntity"/> is filtered to the current
/// municipality, so a query written without thought still cannot show another municipality's data.
/// Provider-specific subclasses (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>)
/// exist only to keep one set of migrations per provider.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<ApplicationUser>, IWorkflowJournal, IDataProtectionKeyContext
{
    // Contexts are pooled (a context's first use builds EF's internal services, a tenth of a signed-in request): the scope
    // that leases one hands it its municipality and clock (DataServiceExtensions), and nothing else lives on it.
    private CurrentKommun _kommun = new();
    private TimeProvider _clock = TimeProvider.System;

    protected AppDbContext(DbContextOptions options) : base(options) { }

    /// <summary>Called by the scope that leases this context from the pool, before anything else uses it.</summary>
    public AppDbContext For(CurrentKommun kommun, TimeProvider clock)
    {
        _kommun = kommun;
        _clock = clock;
        return this;
    }

    /// <summary>Read by the query filters on every query, so it follows the request's municipality.</summary>
    public string? CurrentKommunId => _kommun.Id;

    public DbSet<Kommun> Kommuner => Set<Kommun>();
    public DbSet<Enhet> Enheter => Set<Enhet>();
    public DbSet<Person> Personer => Set<Person>();
    public DbSet<WorkflowTransition> WorkflowTransitions => Set<WorkflowTransition>();
    public DbSet<Dokument> Dokument => Set<Dokument>();
    public DbSet<PendingBlobDeletion> PendingBlobDeletions => Set<PendingBlobDeletion>();
    /// <summary>Cookie and antiforgery keys, shared by every instance that shares the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DateTime UtcNow => _clock.GetUtcNow().UtcDateTime;

    void IWorkflowJournal.Record(WorkflowTransition transition) => WorkflowTransitions.Add(transition);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.BaseType is null))
        {
            if (typeof(IKommunEntity).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).HasIndex(nameof(IKommunEntity.KommunId));
                builder.Entity(entity.ClrType).HasQueryFilter(KommunFilter(entity.ClrType));
            }
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Every instant is stored as UTC and comes back marked as UTC on both providers.
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampBeforeSave();
        using var _ = NoSecondLook();
        foreach (var userId in AccountsWithNewSecurityStamp()) Set<UserSession>().Where(s => s.UserId == userId).ExecuteDelete();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampBeforeSave();
        using var _ = NoSecondLook();
        foreach (var userId in AccountsWithNewSecurityStamp())
            await Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Identity gives an account a new security stamp whenever its rights or credentials change (roles, "has left", a new
    /// password): every signed-in browser of that account is signed out on its next request. The sessions go before the
    /// save, in its transaction if there is one; should the save then fail, they are gone anyway, which is the safe side.
    /// </summary>
    private List<string> AccountsWithNewSecurityStamp() => ChangeTracker.Entries<ApplicationUser>()
        .Where(e => e.State == EntityState.Modified && e.Property(u => u.SecurityStamp).IsModified
            && e.Property(u => u.SecurityStamp).OriginalValue != e.Property(u => u.SecurityStamp).CurrentValue)
        .Select(e => e.Entity.Id).ToList();

    /// <summary>
    /// <see cref="StampBeforeSave"/> reads the entries, which compares every tracked row with its snapshot once, and
    /// writes its stamps through the entries, so the tracker knows them already. Reading the entries again and the save
    /// itself then need not compare everything a second and a third time; the setting is back as it was after the save.
    /// </summary>
    private AutoDetect NoSecondLook()
    {
        var was = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        return new(ChangeTracker, was);
    }

    private readonly record struct AutoDetect(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker Tracker, bool Was) : IDisposable
    {
        public void Dispose() => Tracker.AutoDetectChangesEnabled = Was;
    }

    private void StampBeforeSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IVersioned && entry.State is EntityState.Added or EntityState.Modified)
                entry.Property(nameof(IVersioned.Version)).CurrentValue = Guid.NewGuid();
            // Records cite a published policy version by id: what they cite must stay what was adopted.
            if (entry.Entity is Policies.Policyversion && entry.State is EntityState.Modified or EntityState.Deleted
                && entry.Property(nameof(Policies.Policyversion.Status)).OriginalValue is Policies.Policystatus.Publicerad)
                throw new InvalidOperationException("En publicerad version av ledarpolicyn kan inte ändras eller tas bort.");
            // A record is written into the municipality of the request unless it names one itself;
            // writing into another municipality than the signed-in user's is refused outright.
            if (entry.Entity is IKommunEntity k && entry.State == EntityState.Added)
            {
                if (string.IsNullOrEmpty(k.KommunId)) entry.Property(nameof(IKommunEntity.KommunId)).CurrentValue = _kommun.Required;
                else if (_kommun.Id is { } current && current != k.KommunId)
                    throw new InvalidOperationException("En post kan inte sparas i en annan kommun än användarens.");
            }
        }
    }

    private LambdaExpression KommunFilter(Type type)
    {
        var e = Expression.Parameter(type, "e");
        var body = Expression.Equal(
            Expression.Property(e, nameof(IKommunEntity.KommunId)),
            Expression.Property(Expression.Constant(this), nameof(CurrentKommunId)));
        return Expression.Lambda(body, e);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
