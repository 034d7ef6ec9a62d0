using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Api;

public sealed class ApiRecordsRetentionTests
{
    [Fact]
    public async Task The_daily_job_deletes_call_log_rows_after_90_days_and_idempotency_keys_after_48_hours_and_a_second_run_deletes_nothing_more()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await app.DbAsync())
        {
            var clientId = await db.ApiClients.Select(c => c.Id).FirstAsync();
            await db.ApiCalls.ExecuteDeleteAsync();
            // More old rows than one batch, so the job must go round more than once.
            db.ApiCalls.AddRange(Enumerable.Range(0, ApiRecordsRetention.BatchSize + 5).Select(i => Call(now.AddDays(-91).AddMinutes(-i))));
            db.ApiCalls.AddRange(Call(now.AddDays(-89)), Call(now.AddHours(-1)));
            db.IdempotentRequests.AddRange(
                Key(clientId, "old-answered", now.AddHours(-49), 201),
                Key(clientId, "old-abandoned", now.AddHours(-72), null),
                Key(clientId, "recent", now.AddHours(-47), 201));
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<ApiRecordsRetention>();
            await job.RunAsync();
            await job.RunAsync();
        }

        await using var check = await app.DbAsync();
        Assert.Equal([now.AddHours(-1), now.AddDays(-89)], await check.ApiCalls.OrderByDescending(c => c.AtUtc).Select(c => c.AtUtc).ToListAsync());
        Assert.Equal(["recent"], await check.IdempotentRequests.Select(r => r.Key).ToListAsync());
    }

    [Fact]
    public async Task The_retention_is_read_from_configuration()
    {
        await using var app = await TestApp.CreateAsync(demoData: true, new Dictionary<string, string?>
        {
            ["Retention:ApiCallLogDays"] = "7",
            ["Retention:IdempotencyHours"] = "1",
        });
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await app.DbAsync())
        {
            var clientId = await db.ApiClients.Select(c => c.Id).FirstAsync();
            await db.ApiCalls.ExecuteDeleteAsync();
            db.ApiCalls.AddRange(Call(now.AddDays(-8)), Call(now.AddDays(-6)));
            db.IdempotentRequests.AddRange(Key(clientId, "two-hours", now.AddHours(-2), 201), Key(clientId, "half-an-hour", now.AddMinutes(-30), 201));
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiRecordsRetention>().RunAsync();
        }

        await using var check = await app.DbAsync();
        Assert.Equal([now.AddDays(-6)], await check.ApiCalls.Select(c => c.AtUtc).ToListAsync());
        Assert.Equal(["half-an-hour"], await check.IdempotentRequests.Select(r => r.Key).ToListAsync());
    }

    private static ApiCall Call(DateTime atUtc) => new()
    {
        ClientName = "",
        Method = "GET",
        Path = "/api/v1/matters",
        StatusCode = 401,
        AtUtc = atUtc,
    };

    private static IdempotentRequest Key(int clientId, string key, DateTime createdAtUtc, int? status) => new()
    {
        ApiClientId = clientId,
        Key = key,
        RequestHash = new string('0', 64),
        StatusCode = status,
        ResponseBody = status is null ? null : "{}",
        CreatedAtUtc = createdAtUtc,
    };
}
