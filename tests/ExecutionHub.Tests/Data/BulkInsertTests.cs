using System.Data.Common;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ExecutionHub.Tests.Data;

/// <summary>
/// The ledger import writes matters with <see cref="BulkInsert{T}"/>, not through EF's save: a matter written that
/// way must be stored exactly as the save stores it, column by column, and read back alike through EF — so a
/// property added to the model, a converter or an owned JSON type cannot be written wrong without this failing.
/// </summary>
public sealed class BulkInsertTests : IAsyncLifetime
{
    private static readonly DateTime Now = TestApp.Start.UtcDateTime;

    private TestApp app = default!;
    private HandBuiltData data = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Should_store_a_bulk_written_matter_exactly_as_the_save_stores_it()
    {
        var @case = await data.AddCaseAsync(data.Judge);
        var saved = Matter(@case, "ZX-2026-00001", data.Judge.Id);
        var written = Matter(@case, "ZX-2026-00002", data.Judge.Id);
        await using (var db = await app.DbAsync())
        {
            db.SavesHistory = true;
            db.Matters.Add(saved);
            await db.SaveChangesAsync();
        }

        await using (var db = await app.DbAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var bulk = new BulkInsert<Matter>(db, [nameof(Web.Domain.Matter.Reference)]);
            await bulk.InsertAsync([written], CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.NotEqual(0, written.Id);
        Assert.NotEqual(saved.Id, written.Id);
        var rows = await StoredRowsAsync(saved.Id, written.Id);
        Assert.Contains("Details", rows[0].Keys);
        foreach (var column in rows[0].Keys.Except(["Id", "Reference", "ImportKey"]))
        {
            Assert.True(Equals(rows[0][column], rows[1][column]), $"{column}: saved {rows[0][column]}, bulk-written {rows[1][column]}");
        }

        Assert.Equal(("ZX-2026-00002", "key-ZX-2026-00002"), (rows[1]["Reference"], rows[1]["ImportKey"]));

        await using var read = await app.DbAsync();
        var back = await read.Matters.AsNoTracking().Where(m => m.Id == saved.Id || m.Id == written.Id).OrderBy(m => m.Id).ToListAsync();
        var entityType = read.Model.FindEntityType(typeof(Matter))!;
        foreach (var property in entityType.GetProperties().Where(p => p.Name is not ("Id" or "Reference" or "ImportKey")))
        {
            Assert.True(Equals(property.GetGetter().GetClrValue(back[0]), property.GetGetter().GetClrValue(back[1])), property.Name);
        }

        foreach (var navigation in entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership))
        {
            var (first, second) = (navigation.GetGetter().GetClrValue(back[0]), navigation.GetGetter().GetClrValue(back[1]));
            Assert.Equal(first is null, second is null);
            if (first is null || second is null)
            {
                continue;
            }

            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => p.GetJsonPropertyName() is not null))
            {
                Assert.True(Equals(property.GetGetter().GetClrValue(first), property.GetGetter().GetClrValue(second)), $"{navigation.Name}.{property.Name}");
            }
        }
    }

    [Fact]
    public async Task Should_refuse_to_write_outside_a_transaction()
    {
        await using var db = await app.DbAsync();
        await using var bulk = new BulkInsert<TimelineEntry>(db, []);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            bulk.InsertAsync([new TimelineEntry { CaseId = 1, AtUtc = Now, ActorId = "a", ActorName = "a", Event = "e" }], CancellationToken.None));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Should_write_each_statement_of_a_long_insert_with_its_own_rows(DatabaseProvider provider)
    {
        await using var own = await TestApp.CreateAsync(provider: provider);
        var ownData = await new HandBuiltData(own).WithOrganisationAsync();
        var @case = await ownData.AddCaseAsync(ownData.Judge);
        // Several statements, the last one shorter: each prepared once, then run again with the next rows.
        var matters = Enumerable.Range(1, 7 * BulkInsert<Matter>.ParametersPerStatement / 40 + 1)
            .Select(i => Matter(@case, $"ZX-2026-{i:00000}", ownData.Judge.Id)).ToList();

        await using (var db = await own.DbAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var bulk = new BulkInsert<Matter>(db, [nameof(Web.Domain.Matter.Reference)]);
            await bulk.InsertAsync(matters, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var check = await own.DbAsync();
        var stored = await check.Matters.Select(m => new { m.Id, m.Reference, m.ImportKey }).ToDictionaryAsync(m => m.Id);
        Assert.Equal(matters.Count, stored.Count);
        Assert.All(matters, m => Assert.Equal((m.Reference, m.ImportKey), (stored[m.Id].Reference, stored[m.Id].ImportKey)));
    }

    /// <summary>A matter with every kind of value a ledger row gives it: converted times and money, enums, JSON details, an imported history with feedback.</summary>
    private static Matter Matter(ExecutionCase @case, string reference, string judgeId)
    {
        var received = Now.AddDays(-3);
        var matter = Web.Domain.Matter.Receive(
            @case,
            @case.Parties.Single(p => p.Role == PartyRole.Respondent),
            MatterType.AssetClueVerification,
            MatterSource.OtherCourtEntrustment,
            reference,
            received,
            judgeId,
            "请求 · 台账第 3 行",
            new MatterDetails { ClueKind = AssetClueKind.Income, Employer = "某某贸易有限公司", AmountRequested = 1234.56m });
        matter.ImportKey = "key-" + reference;
        matter.ClientReference = "CR-7";
        matter.ApplyDeadlinePolicy(DeadlinePolicy.Default(MatterType.AssetClueVerification), WorkingCalendar.WeekdaysOnly);
        matter.RecordImportedHistory(received.AddHours(1), received.AddHours(30), null, "工资收入属实", MatterOutcome.Confirmed, Now);
        return matter;
    }

    /// <summary>The two matters' rows as stored, column by column, in id order.</summary>
    private async Task<List<Dictionary<string, object?>>> StoredRowsAsync(int first, int second)
    {
        await using var db = await app.DbAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"Matters\" WHERE \"Id\" IN ({first}, {second}) ORDER BY \"Id\"";
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        Assert.Equal(2, rows.Count);
        return rows;
    }
}
