using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Storage;

namespace ExecutionHub.Web.Features.Administration.Users;

/// <summary>
/// One administrative change to a user: a fresh scope (so the circuit holds no context), the
/// scope's <see cref="UserManager{TUser}"/> and the very context its store writes through, inside
/// one transaction. UserManager saves after each step; the transaction makes the steps and their
/// audit line land together or not at all.
/// </summary>
public sealed class UserChange : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;
    private readonly IDbContextTransaction transaction;

    private UserChange(AsyncServiceScope scope, UserManager<AppUser> users, AppDbContext db, IDbContextTransaction transaction)
    {
        this.scope = scope;
        this.transaction = transaction;
        Users = users;
        Db = db;
    }

    public UserManager<AppUser> Users { get; }

    public AppDbContext Db { get; }

    public static async Task<UserChange> BeginAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new UserChange(scope, users, db, transaction);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public async Task<AppUser> FindAsync(string userId) =>
        await Users.FindByIdAsync(userId) ?? throw new NotFoundException($"User {userId}");

    public async Task CommitAsync(UserContext actor, TimeProvider clock, string action, AppUser subject, string detail, CancellationToken cancellationToken)
    {
        Db.AddAudit(actor, clock, action, subject.UserName ?? subject.Id, detail);
        await CommitAsync(cancellationToken);
    }

    /// <summary>For a change to several users, whose audit lines the caller has added.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await scope.DisposeAsync();
    }
}
