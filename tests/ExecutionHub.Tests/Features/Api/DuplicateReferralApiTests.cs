using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>A referral that repeats an open matter (same case, respondent and type) answers 409 naming it, unless the body says allowDuplicate.</summary>
public sealed class DuplicateReferralApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly JsonSerializerOptions Json = ApiProblems.Json;

    /// <summary>An open case of the demo court no other test of this class refers on.</summary>
    private async Task<string> CaseNumberAsync(int skip)
    {
        await using var db = await host.App.DbAsync();
        var court = await host.DemoCourtIdAsync();
        return await db.Cases.Where(c => c.CourtId == court && c.Status != CaseStatus.Closed)
            .OrderBy(c => c.Id).Skip(skip).Select(c => c.CaseNumber).FirstAsync();
    }

    private static object Referral(string caseNumber, bool? allowDuplicate = null, string? duplicateReason = null) => new
    {
        caseNumber,
        type = "DebtorWhereabouts",
        request = "请核实被执行人现住址及作息",
        target = new { kind = "Person", name = "孙有财", identityNumber = "11010519491231002X" },
        details = new { lastKnownAddresses = "平凉路100弄3号" },
        allowDuplicate,
        duplicateReason,
    };

    private static async Task<HttpResponseMessage> ReferAsync(HttpClient api, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/matters") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await api.SendAsync(request);
    }

    private async Task<int> MattersOnCaseAsync(string caseNumber)
    {
        await using var db = await host.App.DbAsync();
        return await db.Matters.CountAsync(m => m.Case!.CaseNumber == caseNumber);
    }

    [Fact]
    public async Task Should_answer_409_with_the_open_matters_id_and_reference_when_the_same_referral_comes_again()
    {
        var caseNumber = await CaseNumberAsync(4);
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var first = (await (await ReferAsync(api, Referral(caseNumber))).Content.ReadFromJsonAsync<ReferralCreated>(Json))!;
        var matters = await MattersOnCaseAsync(caseNumber);

        var again = await ReferAsync(api, Referral(caseNumber));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        await using var db = await host.App.DbAsync();
        var reference = await db.Matters.Where(m => m.Id == first.Id).Select(m => m.Reference).SingleAsync();
        Assert.Equal(
            ("https://executionhub.local/problems/matter.open_duplicate", 409, "matter.open_duplicate", first.Id, reference, first.Href),
            (root.GetProperty("type").GetString(), root.GetProperty("status").GetInt32(), root.GetProperty("code").GetString(),
             root.GetProperty("existingMatterId").GetInt32(), root.GetProperty("existingReference").GetString(), root.GetProperty("existingHref").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.Equal(matters, await MattersOnCaseAsync(caseNumber));
    }

    [Fact]
    public async Task Should_refer_another_when_the_body_says_allowDuplicate_and_say_so_on_its_timeline()
    {
        var caseNumber = await CaseNumberAsync(5);
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var first = (await (await ReferAsync(api, Referral(caseNumber))).Content.ReadFromJsonAsync<ReferralCreated>(Json))!;

        var withoutReason = await ReferAsync(api, Referral(caseNumber, allowDuplicate: true));
        var withReason = await ReferAsync(api, Referral(caseNumber, allowDuplicate: true, duplicateReason: "法院掌握了新的居住线索"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (withoutReason.StatusCode, withReason.StatusCode));
        await using var db = await host.App.DbAsync();
        var reference = await db.Matters.Where(m => m.Id == first.Id).Select(m => m.Reference).SingleAsync();
        async Task<string> DuplicateLineAsync(HttpResponseMessage created)
        {
            var id = (await created.Content.ReadFromJsonAsync<ReferralCreated>(Json))!.Id;
            return await db.Timeline.Where(t => t.MatterId == id && t.Event == "Timeline.DuplicateConfirmed").Select(t => t.Detail).SingleAsync();
        }

        var defaulted = await DuplicateLineAsync(withoutReason);
        Assert.Contains(reference, defaulted, StringComparison.Ordinal);
        Assert.Contains("allowDuplicate", defaulted, StringComparison.Ordinal);
        Assert.EndsWith("法院掌握了新的居住线索", await DuplicateLineAsync(withReason), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_replay_the_first_answer_for_a_repeated_idempotency_key_and_answer_409_to_the_same_referral_under_a_new_key()
    {
        var caseNumber = await CaseNumberAsync(6);
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var key = Guid.NewGuid().ToString("N");
        var first = await ReferAsync(api, Referral(caseNumber), key);

        var replay = await ReferAsync(api, Referral(caseNumber), key);
        var newKey = await ReferAsync(api, Referral(caseNumber), Guid.NewGuid().ToString("N"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict), (first.StatusCode, replay.StatusCode, newKey.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        await using var db = await host.App.DbAsync();
        Assert.Equal(1, await db.Matters.CountAsync(m => m.Case!.CaseNumber == caseNumber && m.ApiClientId != null));
    }
}
