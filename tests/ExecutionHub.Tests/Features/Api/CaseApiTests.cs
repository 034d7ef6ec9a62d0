using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>
/// A court system registers and updates its cases by number and reads them back masked (issue 18.2): demo court 沪0110,
/// street 平凉路街道 (310110002), judges 011021 (王振华) and 011037 (李晓梅).
/// </summary>
public sealed class CaseApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Pingliang = "310110002";
    private const string PersonId = "11010519491231002X";
    private const string CreditCode = "91310000MA1FL4CT3U";

    private static object NewCase(string caseNumber, string? judge = "011021", object[]? parties = null) => new
    {
        caseNumber,
        street = Pingliang,
        judge,
        cause = "民间借贷纠纷",
        industry = "金融",
        amountOwed = 120000m,
        filedOn = "2025-03-12",
        parties = parties ??
        [
            new { role = "Applicant", kind = "Organisation", name = "上海某小额贷款有限公司", identityNumber = CreditCode },
            new { role = "Respondent", kind = "Person", name = "张三丰", identityNumber = PersonId, phones = new[] { "13800138000" }, addresses = new[] { "平凉路100弄3号" } },
        ],
    };

    private static string Path(string caseNumber) => "/api/v1/cases/" + Uri.EscapeDataString(caseNumber);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<List<TimelineEntry>> CaseTimelineAsync(string caseNumber)
    {
        await using var db = await host.App.DbAsync();
        var id = await db.Cases.Where(c => c.CaseNumber == caseNumber).Select(c => c.Id).SingleAsync();
        return await db.Timeline.Where(t => t.CaseId == id && t.MatterId == null).OrderBy(t => t.Id).ToListAsync();
    }

    [Fact]
    public async Task A_new_case_is_created_with_its_parties_and_read_back_by_number_with_personal_data_masked()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        const string number = "(2025)沪0110执70001号";

        var response = await api.PostAsJsonAsync("/api/v1/cases", NewCase(number));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var saved = await JsonOf(response);
        Assert.True(saved.GetProperty("created").GetBoolean());
        Assert.Equal(Path(number), response.Headers.Location!.OriginalString);

        var read = await api.GetAsync(Path(number));
        Assert.True(read.StatusCode == HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
        var body = await read.Content.ReadAsStringAsync();
        var @case = JsonDocument.Parse(body).RootElement;
        Assert.Equal(number, @case.GetProperty("caseNumber").GetString());
        Assert.Equal("民间借贷纠纷", @case.GetProperty("cause").GetString());
        Assert.Equal(120000m, @case.GetProperty("amountOwed").GetDecimal());
        Assert.Equal("2025-03-12", @case.GetProperty("filedOn").GetString());
        Assert.Equal("011021", @case.GetProperty("judge").GetProperty("code").GetString());
        Assert.Equal(Pingliang, @case.GetProperty("street").GetProperty("code").GetString());
        var parties = @case.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(["Applicant", "Respondent"], parties.Select(p => p.GetProperty("role").GetString()));
        Assert.Equal("上海某小额贷款有限公司", parties[0].GetProperty("name").GetString());
        Assert.Equal(PersonalData.MaskIdentityNumber(PersonId), parties[1].GetProperty("identityNumber").GetString());
        Assert.Equal(PersonalData.MaskName("张三丰"), parties[1].GetProperty("name").GetString());
        Assert.DoesNotContain(PersonId, body, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", body, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", body, StringComparison.Ordinal);

        var line = Assert.Single(await CaseTimelineAsync(number));
        Assert.Equal("Timeline.CaseRegisteredThroughApi", line.Event);
        Assert.Equal(ApiHost.CourtSystemName, line.ActorName);
    }

    [Fact]
    public async Task Sending_a_case_again_updates_what_changed_on_its_timeline_and_a_repeat_writes_nothing()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        const string number = "(2025)沪0110执70002号";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/cases", NewCase(number))).StatusCode);
        var update = new
        {
            caseNumber = number,
            street = Pingliang,
            judge = "011037",
            cause = "买卖合同纠纷",
            amountOwed = 90000m,
            parties = new object[]
            {
                new { role = "Respondent", kind = "Person", name = "张三丰", identityNumber = PersonId, phones = new[] { "13800138000", "13900139000" } },
                new { role = "Respondent", kind = "Organisation", name = "上海某贸易有限公司", identityNumber = CreditCode },
            },
        };

        var response = await api.PostAsJsonAsync("/api/v1/cases", update);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.False((await JsonOf(response)).GetProperty("created").GetBoolean());
        await using (var db = await host.App.DbAsync())
        {
            var @case = await db.Cases.Include(c => c.Parties).SingleAsync(c => c.CaseNumber == number);
            Assert.Equal(("买卖合同纠纷", 90000m, "金融", new DateOnly(2025, 3, 12)), (@case.Cause, @case.AmountOwed, @case.Industry, @case.FiledOn));
            Assert.Equal("011037", await db.Users.Where(u => u.Id == @case.JudgeId).Select(u => u.StaffNumber).SingleAsync());
            Assert.Equal(3, @case.Parties.Count);
            Assert.Equal(["13800138000", "13900139000"], @case.Parties.Single(p => p.IdentityNumber == PersonId).Phones);
            Assert.Equal(["平凉路100弄3号"], @case.Parties.Single(p => p.IdentityNumber == PersonId).Addresses);
        }

        var timeline = await CaseTimelineAsync(number);
        var updated = Assert.Single(timeline, t => t.Event == "Timeline.CaseUpdatedThroughApi");
        Assert.Contains("民间借贷纠纷 → 买卖合同纠纷", updated.Detail, StringComparison.Ordinal);
        Assert.Contains("王振华 → 李晓梅", updated.Detail, StringComparison.Ordinal);
        Assert.Contains("120000.00 → 90000.00", updated.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", updated.Detail, StringComparison.Ordinal);

        // The same body again changes nothing and writes nothing.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/cases", update)).StatusCode);
        Assert.Equal(timeline.Count, (await CaseTimelineAsync(number)).Count);
    }

    [Fact]
    public async Task A_party_whose_id_number_or_credit_code_fails_its_check_is_refused_naming_the_field()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        const string number = "(2025)沪0110执70003号";

        var response = await api.PostAsJsonAsync("/api/v1/cases", NewCase(number, parties:
        [
            new { role = "Applicant", kind = "Organisation", name = "上海某小额贷款有限公司", identityNumber = "91310000MA1FL4CT3X" },
            new { role = "Respondent", kind = "Person", name = "张三丰", identityNumber = "110105194912310021" },
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonOf(response);
        Assert.Equal("request.invalid", problem.GetProperty("code").GetString());
        var fields = problem.GetProperty("fieldErrors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains(("parties[0].identityNumber", "field.invalid"), fields);
        Assert.Contains(("parties[1].identityNumber", "field.invalid"), fields);
        await using var db = await host.App.DbAsync();
        Assert.False(await db.Cases.AnyAsync(c => c.CaseNumber == number));
    }

    [Fact]
    public async Task Refusals_carry_their_codes_another_courts_number_an_incomplete_case_an_unknown_judge_and_a_new_street()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());

        async Task<(HttpStatusCode, string?)> Send(object body)
        {
            var response = await api.PostAsJsonAsync("/api/v1/cases", body);
            return (response.StatusCode, (await JsonOf(response)).GetProperty("code").GetString());
        }

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "case.other_court"), await Send(NewCase("(2025)沪0199执70004号")));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "case.incomplete"), await Send(NewCase("(2025)沪0110执70004号", judge: null)));
        var unknownJudge = await api.PostAsJsonAsync("/api/v1/cases", NewCase("(2025)沪0110执70004号", judge: "nobody"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownJudge.StatusCode);
        var fieldError = Assert.Single((await JsonOf(unknownJudge)).GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal(("judge", "reference.unknown_judge", "nobody"),
            (fieldError.GetProperty("field").GetString(), fieldError.GetProperty("code").GetString(), fieldError.GetProperty("value").GetString()));

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/cases", NewCase("(2025)沪0110执70004号"))).StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "case.street_fixed"), await Send(new { caseNumber = "(2025)沪0110执70004号", street = "310110001" }));
    }

    [Fact]
    public async Task Writing_needs_matters_write_and_another_courts_case_reads_as_not_found()
    {
        var court = await host.DemoCourtIdAsync();
        var reader = await host.RegisterAsync("案件只读系统", court, ApiScopes.MattersRead);
        using var readOnly = host.Client(reader.Key);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/v1/cases", NewCase("(2025)沪0110执70005号"))).StatusCode);

        var other = await host.OtherCourtAsync();
        var response = await readOnly.GetAsync(Path(other.Case.CaseNumber));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("case.not_found", (await JsonOf(response)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await readOnly.GetAsync(Path("(2025)沪0110执79999号"))).StatusCode);

        var writer = await host.RegisterAsync("案件只写系统", court, ApiScopes.MattersWrite);
        using var writeOnly = host.Client(writer.Key);
        Assert.Equal(HttpStatusCode.Forbidden, (await writeOnly.GetAsync(Path("(2025)沪0110执79999号"))).StatusCode);
    }

    [Fact]
    public async Task A_case_an_import_created_is_completed_by_a_save_giving_its_cause_and_amount()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        const string number = "(2025)沪0110执70006号";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/cases", NewCase(number))).StatusCode);
        await using (var db = await host.App.DbAsync())
        {
            // As a ledger import leaves it.
            var imported = await db.Cases.SingleAsync(c => c.CaseNumber == number);
            (imported.Cause, imported.AmountOwed, imported.AwaitsCompletion) = ("待补充", 0m, true);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/cases", new { caseNumber = number, cause = "民间借贷纠纷" })).StatusCode);
        Assert.True((await JsonOf(await api.GetAsync(Path(number)))).GetProperty("awaitsCompletion").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/cases", new { caseNumber = number, cause = "民间借贷纠纷", amountOwed = 50000m })).StatusCode);

        Assert.False((await JsonOf(await api.GetAsync(Path(number)))).GetProperty("awaitsCompletion").GetBoolean());
        var completed = (await CaseTimelineAsync(number)).Last();
        Assert.Equal("Timeline.CaseUpdatedThroughApi", completed.Event);
        Assert.Contains("案件信息已补全", completed.Detail, StringComparison.Ordinal);
    }
}
