using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Imports;
using ExecutionHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ExecutionHub.Tests.Features.Imports.LedgerScenario;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>
/// Reference data for an integrating system (issue 18.1): the court's streets and judges with their codes, and the codes
/// accepted wherever a street, community or judge is named. Demo court 沪0110 (平凉路街道 310110002, judge.wang 011021)
/// and the hand-built court 沪0199 (测试街道, judges j1 and j2 without staff numbers).
/// </summary>
public sealed class ReferenceApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Pingliang = "310110002";

    private static StringContent CsvBody(byte[] csv) => new(Encoding.UTF8.GetString(csv), Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Streets_list_the_clients_own_court_only_with_codes_communities_and_grids()
    {
        var other = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync("名录读取系统", await host.DemoCourtIdAsync(), ApiScopes.ReferenceRead);
        using var api = host.Client(client.Key);

        var response = await api.GetAsync("/api/v1/streets");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var streets = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal(["平凉路街道", "定海路街道"], streets.Select(s => s.GetProperty("name").GetString()));
        Assert.DoesNotContain(streets, s => s.GetProperty("id").GetInt32() == other.Street.Id);
        var pingliang = streets[0];
        Assert.Equal(Pingliang, pingliang.GetProperty("code").GetString());
        var communities = pingliang.GetProperty("communities").EnumerateArray().ToList();
        Assert.Equal(6, communities.Count);
        Assert.Equal(("平凉一居委", "310110002001"), (communities[0].GetProperty("name").GetString(), communities[0].GetProperty("code").GetString()));
        Assert.All(communities, c => Assert.StartsWith(Pingliang, c.GetProperty("code").GetString(), StringComparison.Ordinal));
        var grids = pingliang.GetProperty("grids").EnumerateArray().ToList();
        Assert.Equal(12, grids.Count);
        var communityIds = communities.Select(c => c.GetProperty("id").GetInt32()).ToHashSet();
        Assert.All(grids, g => Assert.Contains(g.GetProperty("community").GetInt32(), communityIds));

        // The other court sees its own street, whose code is not set yet: null, and the id serves.
        var otherClient = await host.RegisterAsync("外院名录系统", other.Court.Id, ApiScopes.ReferenceRead);
        using var otherApi = host.Client(otherClient.Key);
        var otherStreet = Assert.Single(JsonDocument.Parse(await otherApi.GetStringAsync("/api/v1/streets")).RootElement.EnumerateArray());
        Assert.Equal(other.Street.Id, otherStreet.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Judges_list_the_courts_active_judges_by_id_code_and_name_and_nothing_else()
    {
        var client = await host.RegisterAsync("法官名录系统", await host.DemoCourtIdAsync(), ApiScopes.ReferenceRead);
        using var api = host.Client(client.Key);
        await using (var db = await host.App.DbAsync())
        {
            // A third judge whose account was disabled: no longer one to name.
            var wang = await db.Users.SingleAsync(u => u.UserName == "judge.wang");
            db.Users.Add(new Web.Data.AppUser { UserName = "judge.gone", NormalizedUserName = "JUDGE.GONE", DisplayName = "离职法官", CourtId = wang.CourtId, IsDisabled = true, CreatedAtUtc = TestApp.Start.UtcDateTime });
            await db.SaveChangesAsync();
        }

        var judges = JsonDocument.Parse(await api.GetStringAsync("/api/v1/judges")).RootElement.EnumerateArray().ToList();

        Assert.Equal(
            [("011021", "王振华"), ("011037", "李晓梅")],
            judges.Select(j => (j.GetProperty("code").GetString(), j.GetProperty("name").GetString())).OrderBy(j => j.Item1, StringComparer.Ordinal));
        Assert.All(judges, j => Assert.Equal(["code", "id", "name"], j.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));

        // Without a staff number the user name is the code; another court's judges are not listed.
        var other = await host.OtherOrganisationAsync();
        var otherClient = await host.RegisterAsync("外院法官名录", other.Court.Id, ApiScopes.ReferenceRead);
        using var otherApi = host.Client(otherClient.Key);
        var otherJudges = JsonDocument.Parse(await otherApi.GetStringAsync("/api/v1/judges")).RootElement.EnumerateArray()
            .ToDictionary(j => j.GetProperty("id").GetString()!, j => j.GetProperty("code").GetString());
        Assert.Equal(new[] { other.Judge.Id, other.OtherJudge.Id }.Order(), otherJudges.Keys.Order());
        Assert.Equal("j2", otherJudges[other.OtherJudge.Id]);
    }

    [Fact]
    public async Task Reference_data_needs_a_key_and_the_reference_read_scope()
    {
        var reader = await host.RegisterAsync("只读统计系统", await host.DemoCourtIdAsync(), ApiScopes.StatisticsRead, ApiScopes.MattersRead);
        using var withoutScope = host.Client(reader.Key);
        using var anonymous = host.Client(null);

        foreach (var path in new[] { "/api/v1/streets", "/api/v1/judges" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await withoutScope.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_ledger_import_names_the_street_judge_and_communities_by_their_codes()
    {
        var data = await host.OtherOrganisationAsync();
        await using (var db = await host.App.DbAsync())
        {
            await db.Streets.Where(s => s.Id == data.Street.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Code, "CS-01"));
            await db.Communities.Where(c => c.Id == data.Community.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Code, "CS-01-A"));
            await db.Users.Where(u => u.Id == data.Judge.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StaffNumber, "99001"));
        }

        var client = await host.RegisterAsync("代码导入系统", data.Court.Id, ApiScopes.ImportsWrite);
        using var api = host.Client(client.Key);
        var rows = FedBackRows
            .Select((row, i) => With(With(With(row, LedgerFile.CaseNumber, $"(2026)沪0199执{800 + i}号"), LedgerFile.Street, "CS-01"),
                LedgerFile.Community, row[LedgerFile.IndexOf(LedgerFile.Community)].Length == 0 ? "" : "CS-01-A"))
            .ToArray();

        var response = await api.PostAsync("/api/v1/imports/ledger?street=CS-01&judgeId=99001", CsvBody(Csv(rows)));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var after = await host.App.DbAsync();
        var cases = await after.Cases.Where(c => c.CaseNumber.StartsWith("(2026)沪0199执80")).ToListAsync();
        Assert.Equal(6, cases.Count);
        Assert.All(cases, c => Assert.Equal((data.Street.Id, data.Judge.Id), (c.StreetId, c.JudgeId)));
        Assert.Equal(5, cases.Count(c => c.CommunityId == data.Community.Id));
    }

    [Theory]
    [InlineData(Pingliang, null, "street")]
    [InlineData("no-such-street", null, "street")]
    [InlineData(null, "011021", "judgeId")]
    [InlineData(null, "nobody", "judgeId")]
    public async Task A_ledger_import_naming_another_courts_or_an_unknown_street_or_judge_is_422_naming_the_field(string? street, string? judge, string field)
    {
        var data = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync($"越界代码导入系统 {street}{judge}", data.Court.Id, ApiScopes.ImportsWrite);
        using var api = host.Client(client.Key);
        await using var before = await host.App.DbAsync();
        var count = await before.Matters.CountAsync();

        var response = await api.PostAsync(
            $"/api/v1/imports/ledger?street={Uri.EscapeDataString(street ?? data.Street.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))}&judgeId={Uri.EscapeDataString(judge ?? data.Judge.Id)}",
            CsvBody(Csv(FedBackRows)));

        await AssertUnknownAsync(response, field);
        await using var after = await host.App.DbAsync();
        Assert.Equal(count, await after.Matters.CountAsync());
    }

    [Fact]
    public async Task A_referral_names_a_new_cases_street_and_judge_by_their_codes()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        const string caseNumber = "(2026)沪0110执98801号";

        var response = await api.PostAsJsonAsync("/api/v1/matters", NewCaseReferral(caseNumber, Pingliang, "011021"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await using var db = await host.App.DbAsync();
        var record = await db.Cases.SingleAsync(c => c.CaseNumber == caseNumber);
        Assert.Equal("平凉路街道", await db.Streets.Where(s => s.Id == record.StreetId).Select(s => s.Name).SingleAsync());
        Assert.Equal("judge.wang", await db.Users.Where(u => u.Id == record.JudgeId).Select(u => u.UserName).SingleAsync());
    }

    [Fact]
    public async Task A_referral_still_takes_a_street_id_as_a_number()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        int streetId;
        await using (var db = await host.App.DbAsync())
        {
            streetId = await db.Streets.Where(s => s.Code == "310110001").Select(s => s.Id).SingleAsync();
        }

        var response = await api.PostAsJsonAsync("/api/v1/matters", NewCaseReferral("(2026)沪0110执98802号", streetId, "judge.li"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await using var after = await host.App.DbAsync();
        Assert.Equal(streetId, (await after.Cases.SingleAsync(c => c.CaseNumber == "(2026)沪0110执98802号")).StreetId);
    }

    [Fact]
    public async Task A_referral_naming_another_courts_street_code_or_an_unknown_judge_is_422_naming_the_field()
    {
        var other = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync("外院转交系统", other.Court.Id, ApiScopes.MattersWrite);
        using var api = host.Client(client.Key);
        await using var before = await host.App.DbAsync();
        var cases = await before.Cases.CountAsync();

        // 平凉路街道's code means nothing to court 沪0199: refused as if it did not exist.
        await AssertUnknownAsync(await api.PostAsJsonAsync("/api/v1/matters", NewCaseReferral("(2026)沪0199执8803号", Pingliang, "j1")), "case.street");
        await AssertUnknownAsync(await api.PostAsJsonAsync("/api/v1/matters", NewCaseReferral("(2026)沪0199执8803号", other.Street.Id, "011021")), "case.judge");

        await using var after = await host.App.DbAsync();
        Assert.Equal(cases, await after.Cases.CountAsync());
    }

    [Fact]
    public async Task Headline_figures_narrow_to_a_street_named_by_code_and_refuse_another_courts()
    {
        var reader = await host.RegisterAsync("代码统计系统", await host.DemoCourtIdAsync(), ApiScopes.StatisticsRead);
        using var api = host.Client(reader.Key);
        int streetId;
        await using (var db = await host.App.DbAsync())
        {
            streetId = await db.Streets.Where(s => s.Code == Pingliang).Select(s => s.Id).SingleAsync();
        }

        var byCode = await api.GetStringAsync($"/api/v1/statistics/headline?from=2026-10-01&to=2026-11-27&street={Pingliang}");
        var byId = await api.GetStringAsync($"/api/v1/statistics/headline?from=2026-10-01&to=2026-11-27&street={streetId}");
        var court = await api.GetStringAsync("/api/v1/statistics/headline?from=2026-10-01&to=2026-11-27");

        Assert.Equal(byId, byCode);
        Assert.NotEqual(court, byCode);
        var other = await host.OtherOrganisationAsync();
        var otherReader = await host.RegisterAsync("外院代码统计系统", other.Court.Id, ApiScopes.StatisticsRead);
        using var otherApi = host.Client(otherReader.Key);
        await AssertUnknownAsync(await otherApi.GetAsync($"/api/v1/statistics/headline?street={Pingliang}"), "street");
    }

    private static async Task AssertUnknownAsync(HttpResponseMessage response, string field)
    {
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, json);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(json).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
    }

    private static object NewCaseReferral(string caseNumber, object street, string judge) => new
    {
        caseNumber,
        type = "DebtorWhereabouts",
        request = "请核实被执行人现住址",
        clientReference = "CODE-1",
        target = new { kind = "Person", name = "周八", identityNumber = "11010519491231002X", address = "平凉路100弄3号" },
        details = new { lastKnownAddresses = "平凉路100弄3号" },
        @case = new { street, judge, cause = "民间借贷纠纷", amountOwed = 50000 },
    };
}
