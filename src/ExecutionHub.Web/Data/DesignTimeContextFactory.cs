using ExecutionHub.Web.Data.PostgreSql;
using ExecutionHub.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExecutionHub.Web.Data;

/// <summary>
/// The context <c>dotnet ef</c> works with, for one provider: SQLite unless the arguments after <c>--</c> say
/// <c>--provider PostgreSql</c>. No server is needed (adding a migration or writing a script reads the model only),
/// so the PostgreSQL string is a placeholder. The commands are in docs/architecture.md, "Database provider".
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var provider = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault() ?? nameof(DatabaseProvider.Sqlite);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (Enum.Parse<DatabaseProvider>(provider, ignoreCase: true) == DatabaseProvider.PostgreSql)
        {
            PostgreSqlDatabase.Use(options, "Host=localhost;Database=executionhub;Username=executionhub");
        }
        else
        {
            SqliteDatabase.Use(options, "Data Source=data/executionhub.db");
        }

        return new AppDbContext(options.Options);
    }
}
