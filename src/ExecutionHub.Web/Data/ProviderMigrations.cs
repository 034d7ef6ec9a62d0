using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace ExecutionHub.Web.Data;

/// <summary>
/// One <see cref="AppDbContext"/>, two sets of migrations in this assembly: SQLite's in <c>Data/Migrations/Sqlite</c>,
/// PostgreSQL's in <c>Data/Migrations/PostgreSql</c>. EF finds migrations and the model snapshot by their
/// <c>[DbContext]</c> attribute alone, so without this it would see both sets; with it, each provider sees the
/// migrations and snapshot of its own namespace only — at run time and for <c>dotnet ef</c> alike (the design-time
/// factory configures the same options).
/// </summary>
public static class ProviderMigrations
{
    public const string SqliteNamespace = "ExecutionHub.Web.Data.Migrations.Sqlite";
    public const string PostgreSqlNamespace = "ExecutionHub.Web.Data.Migrations.PostgreSql";

    /// <summary>The namespace of the migrations for the provider <paramref name="options"/> configure.</summary>
    internal static string NamespaceFor(IDbContextOptions options) =>
        options.Extensions.Any(e => e.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal)) ? PostgreSqlNamespace : SqliteNamespace;

    /// <summary>Every context option set the app, the tests and <c>dotnet ef</c> build goes through here.</summary>
    public static DbContextOptionsBuilder UseProviderMigrations(this DbContextOptionsBuilder options) =>
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
}

#pragma warning disable EF1001 // MigrationsAssembly is EF's own discovery; only its two lists are narrowed here.
internal sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly string ownNamespace = ProviderMigrations.NamespaceFor(options);
    private readonly Type contextType = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;
    private bool snapshotFound;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        migrations ??= new SortedList<string, TypeInfo>(
            base.Migrations.Where(m => m.Value.Namespace == ownNamespace).ToDictionary(m => m.Key, m => m.Value),
            StringComparer.Ordinal);

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!snapshotFound)
            {
                var type = Assembly.DefinedTypes
                    .FirstOrDefault(t => !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot))
                        && t.Namespace == ownNamespace
                        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType);
                snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
                snapshotFound = true;
            }

            return snapshot;
        }
    }
}
#pragma warning restore EF1001
