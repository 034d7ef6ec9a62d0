using ExecutionHub.Web.Data;
using ExecutionHub.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Demo;

/// <summary>
/// A first start seeds the demo in a few bulk saves: one save per entity (each with its interceptors, change
/// scan and savepoint) made the demo's matters alone ~240 saves and the first start seconds slower.
/// </summary>
public sealed class DemoSeedSavesTests
{
    // The accounts are still saved one by one, in their listed order (DemoDataTests pins why): 28 of them.
    private const int MostSaves = 45;

    [Fact]
    public async Task Should_seed_the_whole_demo_in_a_few_bulk_saves()
    {
        await using var app = await TestApp.CreateAsync();
        var factory = new CountingFactory(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider, factory);

        await seeder.SeedAsync();

        await using var db = await app.DbAsync();
        Assert.True(await db.Matters.CountAsync() >= DemoDataSeeder.MatterCount, "the demo is seeded");
        Assert.InRange(factory.Saves, 1, MostSaves);
    }

    [Fact]
    public async Task Should_save_the_demo_matters_their_tasks_and_timelines_in_one_save()
    {
        await using var app = await TestApp.CreateAsync();
        var factory = new CountingFactory(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider, factory);
        var steps = new List<(string Step, int Saves)>();
        var before = 0;

        await seeder.SeedAsync(step => { steps.Add((step, factory.Saves - before)); before = factory.Saves; }, CancellationToken.None);

        Assert.Contains(("demo matters", 1), steps);
    }

    /// <summary>The app's own context factory, counting every SaveChanges of the contexts it makes.</summary>
    private sealed class CountingFactory(IDbContextFactory<AppDbContext> inner) : IDbContextFactory<AppDbContext>
    {
        private int saves;

        public int Saves => Volatile.Read(ref saves);

        public AppDbContext CreateDbContext()
        {
            var db = inner.CreateDbContext();
            db.SavingChanges += (_, _) => Interlocked.Increment(ref saves);
            return db;
        }
    }
}
