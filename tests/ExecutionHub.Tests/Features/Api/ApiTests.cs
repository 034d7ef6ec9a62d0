using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Features.Dashboard;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Feedback;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>
/// The integration API through the real HTTP pipeline: key, scope, court, idempotency, problem details, call log.
/// Long because it is one contract, asserted call by call over one host shared by the class (starting it is the slow part).
/// </summary>
public sealed class ApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly JsonSerializerOptions Json = ApiProblems.Json;

    private async Task<ExecutionCase> DemoCaseAsync(int skip = 0)
    {
        await using var db = await host.App.DbAsync();
        var court = await host.DemoCourtIdAsync();
        return await db.Cases.Include(c => c.Parties)
            .Where(c => c.CourtId == court && c.Status != CaseStatus.Closed)
            .OrderBy(c => c.Id).Skip(skip).FirstAsync();
    }

    private static object Referral(string caseNumber, string? reference = "FY-1") => new
    {
        caseNumber,
        type = "DebtorWhereabouts",
        request = "请核实被执行人现住址及作息",
        clientReference = reference,
        target = new { kind = "Person", name = "钱多多", identityNumber = "11010519491231002X", address = "平凉路100弄3号" },
        details = new { lastKnownAddresses = "平凉路100弄3号" },
    };

    private async Task<int> MatterCountAsync()
    {
        await using var db = await host.App.DbAsync();
        return await db.Matters.CountAsync();
    }

    [Fact]
    public async Task Referral_creates_one_received_matter_that_names_the_client_and_reads_back_with_its_clock_and_reference()
    {
        var @case = await DemoCaseAsync();
        using var api = host.Client(await host.CourtSystemKeyAsync());

        var response = await api.PostAsJsonAsync("/api/v1/matters", Referral(@case.CaseNumber, "FY-2026-000123"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<ReferralCreated>(Json))!;
        Assert.Equal($"/api/v1/matters/{created.Id}", response.Headers.Location!.OriginalString);

        var matter = (await api.GetFromJsonAsync<ApiMatter>(created.Href, Json))!;
        Assert.Equal(MatterStatus.Received, matter.Status);
        Assert.Equal(MatterSource.CourtExOfficio, matter.Source);
        Assert.Equal("FY-2026-000123", matter.ClientReference);
        Assert.Equal(@case.CaseNumber, matter.CaseNumber);
        Assert.Equal(TestApp.Start.UtcDateTime.AddHours(72), matter.Clock.DueAtUtc);
        Assert.Equal(72, matter.Clock.HoursLeft);
        Assert.False(matter.Clock.IsOverdue);
        Assert.Equal("钱*多", matter.Target.Name);
        Assert.DoesNotContain("19491231", matter.Target.IdentityNumber, StringComparison.Ordinal);
        Assert.Null(matter.Feedback);

        await host.CallLogWrittenAsync();
        await using var db = await host.App.DbAsync();
        var timeline = await db.Timeline.Where(t => t.MatterId == created.Id).OrderBy(t => t.Id).ToListAsync();
        Assert.All(timeline, t => Assert.Equal(ApiHost.CourtSystemName, t.ActorName));
        Assert.Contains(timeline, t => t.Event == "Timeline.ReceivedThroughApi" && t.Detail == "FY-2026-000123");
        Assert.Contains(await db.ApiCalls.Where(c => c.Method == "POST" && c.Path == "/api/v1/matters").ToListAsync(),
            c => c.ClientName == ApiHost.CourtSystemName && c.StatusCode == 201);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_gives_one_matter_and_the_first_answer_again()
    {
        var @case = await DemoCaseAsync(1);
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var before = await MatterCountAsync();
        var key = Guid.NewGuid().ToString("N");

        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/matters") { Content = JsonContent.Create(Referral(@case.CaseNumber)) };
            request.Headers.Add("Idempotency-Key", key);
            return await api.SendAsync(request);
        }

        var first = await SendAsync();
        var second = await SendAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await MatterCountAsync());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_create_one_matter()
    {
        var @case = await DemoCaseAsync(2);
        var before = await MatterCountAsync();
        var key = Guid.NewGuid().ToString("N");
        var courtSystem = await host.CourtSystemKeyAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var api = host.Client(courtSystem);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/matters") { Content = JsonContent.Create(Referral(@case.CaseNumber)) };
            request.Headers.Add("Idempotency-Key", key);
            return (await api.SendAsync(request)).StatusCode;
        }));

        Assert.Equal(before + 1, await MatterCountAsync());
        Assert.Contains(HttpStatusCode.Created, responses);
        Assert.All(responses, status => Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Conflict, status.ToString()));
    }

    [Fact]
    public async Task A_missing_unknown_or_revoked_key_is_refused_with_401_problem_details()
    {
        using var anonymous = host.Client(null);
        var missing = await anonymous.GetAsync("/api/v1/statistics/headline");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);

        using var unknown = host.Client("ehk_nothing0_this-key-was-never-issued");
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/api/v1/statistics/headline")).StatusCode);

        var issued = await host.RegisterAsync("撤销测试客户端", await host.DemoCourtIdAsync(), ApiScopes.StatisticsRead);
        using var api = host.Client(issued.Key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/statistics/headline")).StatusCode);

        await host.App.SendAsync(new RevokeApiClient(issued.ClientId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/statistics/headline")).StatusCode);
    }

    [Fact]
    public async Task A_rotated_key_replaces_the_old_one_at_once()
    {
        var issued = await host.RegisterAsync("轮换测试客户端", await host.DemoCourtIdAsync(), ApiScopes.StatisticsRead);
        var rotated = await host.App.SendAsync(new RotateApiClientKey(issued.ClientId));

        using var old = host.Client(issued.Key);
        using var fresh = host.Client(rotated.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/statistics/headline")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/statistics/headline")).StatusCode);
    }

    [Fact]
    public async Task Should_let_the_published_demo_key_read_and_refuse_it_every_write()
    {
        var @case = await DemoCaseAsync();
        using var api = host.Client(DemoApiClient.Key);
        var matters = await MatterCountAsync();
        int milestones;
        await using (var db = await host.App.DbAsync())
        {
            milestones = await db.Milestones.CountAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/statistics/headline")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/feedback?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/matters", Referral(@case.CaseNumber))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync(
            $"/api/v1/cases/{Uri.EscapeDataString(@case.CaseNumber)}/milestones", new { kind = "AssetSeizure", occurredOn = "2026-11-26" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/imports/ledger", new ByteArrayContent([]))).StatusCode);

        Assert.Equal(matters, await MatterCountAsync());
        await using var after = await host.App.DbAsync();
        Assert.Equal(milestones, await after.Milestones.CountAsync());
    }

    [Fact]
    public async Task A_key_without_the_scope_gets_403_and_nothing_is_created()
    {
        var @case = await DemoCaseAsync();
        var issued = await host.RegisterAsync("只读统计客户端", await host.DemoCourtIdAsync(), ApiScopes.StatisticsRead);
        using var api = host.Client(issued.Key);
        var before = await MatterCountAsync();

        var response = await api.PostAsJsonAsync("/api/v1/matters", Referral(@case.CaseNumber));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await MatterCountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/feedback")).StatusCode);
    }

    [Fact]
    public async Task A_bad_body_is_400_with_field_errors_named_as_in_the_body_and_nothing_is_saved()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var before = await MatterCountAsync();

        var response = await api.PostAsJsonAsync("/api/v1/matters", new
        {
            caseNumber = "not a case number",
            type = "AssetClueVerification",
            request = "",
            target = new { kind = "Person", name = "", phone = "12345" },
            details = new { clueKind = "Vehicle", vehiclePlate = "" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var field in new[] { "caseNumber", "request", "target.name", "target.phone", "details.vehiclePlate" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, $"no error for {field}: {errors}");
        }

        Assert.Equal(before, await MatterCountAsync());

        // A value of the wrong kind is named too, not answered with an empty 400.
        var unreadable = await api.PostAsync("/api/v1/matters", new StringContent("""{"caseNumber":"(2025)沪0110执1号","type":"Teleportation"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        using var unreadableProblem = JsonDocument.Parse(await unreadable.Content.ReadAsStringAsync());
        Assert.True(unreadableProblem.RootElement.GetProperty("errors").TryGetProperty("type", out _), unreadableProblem.RootElement.ToString());
        Assert.Equal(before, await MatterCountAsync());
    }

    [Fact]
    public async Task An_unknown_case_number_is_422_and_nothing_is_saved()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var before = await MatterCountAsync();

        var response = await api.PostAsJsonAsync("/api/v1/matters", Referral("(2026)沪0110执99999号"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, await MatterCountAsync());
    }

    [Fact]
    public async Task A_client_of_another_court_cannot_read_this_courts_matter_nor_refer_on_its_case_and_cannot_tell_whether_the_number_exists()
    {
        var (otherCourt, _) = await host.OtherCourtAsync();
        var other = await host.RegisterAsync("外院系统", otherCourt.Id, ApiScopes.MattersRead, ApiScopes.MattersWrite);
        using var api = host.Client(other.Key);
        int demoMatterId;
        await using (var db = await host.App.DbAsync())
        {
            var demoCourt = await host.DemoCourtIdAsync();
            demoMatterId = await db.Matters.Where(m => m.CourtId == demoCourt).Select(m => m.Id).FirstAsync();
        }

        var read = await api.GetAsync($"/api/v1/matters/{demoMatterId}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/matters/987654")).StatusCode);

        var @case = await DemoCaseAsync(3);
        var (matters, parties) = await CountsAsync();
        var existing = await api.PostAsJsonAsync("/api/v1/matters", Referral(@case.CaseNumber, "WY-7"));
        var missing = await api.PostAsJsonAsync("/api/v1/matters", Referral("(2026)沪0110执99998号", "WY-7"));

        // The same answer, word for word, for a number this court has and one it has not: the refusal follows the number's court code alone.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, existing.StatusCode);
        Assert.Equal(missing.StatusCode, existing.StatusCode);
        Assert.Equal(await WithoutTraceAsync(missing), await WithoutTraceAsync(existing));
        Assert.Equal((matters, parties), await CountsAsync());
    }

    [Fact]
    public async Task An_entrustment_from_another_court_creates_its_own_case_record_at_the_street_and_never_touches_this_courts_parties()
    {
        var organisation = await host.OtherOrganisationAsync();
        var other = await host.RegisterAsync("外院委托系统", organisation.Court.Id, ApiScopes.MattersRead, ApiScopes.MattersWrite);
        using var api = host.Client(other.Key);
        var demoCase = await DemoCaseAsync(4);
        int demoRespondent;
        await using (var db = await host.App.DbAsync())
        {
            // The hand-built judge holds the judge role, as a court's judge would.
            var judgeRole = await db.Roles.Where(r => r.Name == Roles.Judge).Select(r => r.Id).SingleAsync();
            if (!await db.UserRoles.AnyAsync(r => r.UserId == organisation.Judge.Id && r.RoleId == judgeRole))
            {
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = organisation.Judge.Id, RoleId = judgeRole });
                await db.SaveChangesAsync();
            }

            demoRespondent = await db.CaseParties.Where(p => p.CaseId == demoCase.Id && p.Role == PartyRole.Respondent).Select(p => p.Id).FirstAsync();
        }

        var (_, partiesBefore) = await CountsAsync();
        var demoPartiesBefore = await PartiesOfCourtAsync(await host.DemoCourtIdAsync());
        const string caseNumber = "(2026)沪0199执7001号";
        var withoutCase = await api.PostAsJsonAsync("/api/v1/matters", Referral(caseNumber, "WY-8"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutCase.StatusCode);

        var response = await api.PostAsJsonAsync("/api/v1/matters", EntrustedReferral(caseNumber, demoCase.StreetId, organisation.Judge.UserName!));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<ReferralCreated>(Json))!;
        var matter = (await api.GetFromJsonAsync<ApiMatter>(created.Href, Json))!;
        Assert.Equal(MatterSource.OtherCourtEntrustment, matter.Source);
        Assert.Equal(caseNumber, matter.CaseNumber);
        await using (var db = await host.App.DbAsync())
        {
            var record = await db.Cases.Include(c => c.Parties).SingleAsync(c => c.CaseNumber == caseNumber);
            Assert.Equal(organisation.Court.Id, record.CourtId);
            Assert.Equal(demoCase.StreetId, record.StreetId);
            Assert.Equal(organisation.Judge.Id, record.JudgeId);
            Assert.Equal("钱多多", Assert.Single(record.Parties).Name);
        }

        Assert.Equal(partiesBefore + 1, (await CountsAsync()).Parties);
        Assert.Equal(demoPartiesBefore, await PartiesOfCourtAsync(await host.DemoCourtIdAsync()));

        // Its own record from now on: a second referral needs no case; a party id of this court's case is not one of its respondents.
        var again = await api.PostAsJsonAsync("/api/v1/matters", Referral(caseNumber, "WY-9"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var foreignParty = await api.PostAsJsonAsync("/api/v1/matters", new
        {
            caseNumber,
            type = "DebtorWhereabouts",
            request = "请核实被执行人现住址",
            target = new { partyId = demoRespondent },
            details = new { lastKnownAddresses = "平凉路100弄3号" },
        });
        Assert.Equal(HttpStatusCode.NotFound, foreignParty.StatusCode);
        Assert.Equal(demoPartiesBefore, await PartiesOfCourtAsync(await host.DemoCourtIdAsync()));
    }

    private static object EntrustedReferral(string caseNumber, int street, string judge) => new
    {
        caseNumber,
        type = "EntrustedInvestigation",
        request = "请协助核查被执行人在辖区内的居住情况",
        clientReference = "WY-8",
        target = new { kind = "Person", name = "钱多多", identityNumber = "11010519491231002X", address = "平凉路100弄3号" },
        details = new { requestingCourt = "测试区人民法院", requestingCaseNumber = caseNumber, letterReference = "测委〔2026〕8号" },
        @case = new { street, judge, cause = "民间借贷纠纷", amountOwed = 80000 },
    };

    private static async Task<string> WithoutTraceAsync(HttpResponseMessage response)
    {
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString();
    }

    private async Task<(int Matters, int Parties)> CountsAsync()
    {
        await using var db = await host.App.DbAsync();
        return (await db.Matters.CountAsync(), await db.CaseParties.CountAsync());
    }

    private async Task<int> PartiesOfCourtAsync(int courtId)
    {
        await using var db = await host.App.DbAsync();
        return await db.CaseParties.CountAsync(p => db.Cases.Any(c => c.Id == p.CaseId && c.CourtId == courtId));
    }

    [Fact]
    public async Task The_feedback_feed_pages_in_order_and_a_new_feedback_appears_after_the_last_cursor()
    {
        using var api = host.Client(DemoApiClient.Key);
        var demoCourt = await host.DemoCourtIdAsync();
        var seen = new List<FeedbackItem>();
        string? cursor = null;
        FeedbackPage page;
        do
        {
            page = (await api.GetFromJsonAsync<FeedbackPage>($"/api/v1/feedback?limit=7{(cursor is null ? "" : "&since=" + cursor)}", Json))!;
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (page.HasMore);

        Assert.NotEmpty(seen);
        await using (var db = await host.App.DbAsync())
        {
            // Every feedback of the court's matters, each once, in the order it was recorded.
            var expected = await db.Timeline.Where(t => t.Event == "Timeline.MatterFedBack" && db.Matters.Any(m => m.Id == t.MatterId && m.CourtId == demoCourt))
                .OrderBy(t => t.Id).Select(t => t.MatterId!.Value).ToListAsync();
            Assert.Equal(expected, seen.Select(i => i.MatterId));
        }

        Assert.Empty((await api.GetFromJsonAsync<FeedbackPage>($"/api/v1/feedback?since={cursor}", Json))!.Items);

        // A coordinator feeds one back in the UI; the feed gives exactly that one after the cursor.
        // (Set-up: a dispatched matter whose tasks are settled, so it can be consolidated and fed back.)
        await using var read = await host.App.DbAsync();
        var consolidated = await read.Matters
            .Where(m => m.CourtId == demoCourt && m.Status == MatterStatus.Dispatched && m.PausedAtUtc == null && m.Type == MatterType.DebtorWhereabouts && m.Tasks.Any())
            .Select(m => new { m.Id, m.Version, m.StreetId }).FirstAsync();
        await read.Tasks.Where(t => t.MatterId == consolidated.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, VerificationTaskStatus.Waived));
        var coordinator = await read.Users.Where(u => u.StreetId == consolidated.StreetId && u.UserName!.StartsWith("coord.")).Select(u => u.UserName!).FirstAsync();
        await host.App.SignInAsAsync(coordinator);
        await host.App.SendAsync(new FeedBackMatter(consolidated.Id, consolidated.Version, "被执行人现居平凉路。", MatterOutcome.Found));

        var next = (await api.GetFromJsonAsync<FeedbackPage>($"/api/v1/feedback?since={cursor}", Json))!;
        var item = Assert.Single(next.Items);
        Assert.Equal(consolidated.Id, item.MatterId);
        Assert.Equal("被执行人现居平凉路。", item.Feedback);
        Assert.Equal(MatterOutcome.Found, item.Outcome);
        var matter = (await api.GetFromJsonAsync<ApiMatter>($"/api/v1/matters/{consolidated.Id}", Json))!;
        Assert.Equal("被执行人现居平凉路。", matter.Feedback!.Text);
        Assert.True(matter.Clock.IsStopped);

        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/feedback?since=garbage!")).StatusCode);
    }

    [Fact]
    public async Task A_milestone_is_recorded_on_the_clients_court_case_and_queues_the_applicant_sms()
    {
        await using var read = await host.App.DbAsync();
        var demoCourt = await host.DemoCourtIdAsync();
        var @case = await read.Cases.Where(c => c.CourtId == demoCourt && c.Status == CaseStatus.InExecution
                && c.Parties.Any(p => p.Role == PartyRole.Applicant && !p.OptedOutOfMessages))
            .OrderBy(c => c.Id).FirstAsync();
        using var api = host.Client(await host.CourtSystemKeyAsync());

        var response = await api.PostAsJsonAsync($"/api/v1/cases/{Uri.EscapeDataString(@case.CaseNumber)}/milestones",
            new { kind = "AssetSeizure", occurredOn = "2026-11-26", amount = 50000, note = "查封车辆一辆" });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<MilestoneCreated>(Json))!;
        await using var db = await host.App.DbAsync();
        var milestone = await db.Milestones.SingleAsync(m => m.Id == created.Id);
        Assert.Equal(@case.Id, milestone.CaseId);
        Assert.Equal(MilestoneKind.AssetSeizure, milestone.Kind);
        Assert.Contains(await db.Timeline.Where(t => t.CaseId == @case.Id && t.Event == "Timeline.MilestoneRecorded").ToListAsync(), t => t.ActorName == ApiHost.CourtSystemName);
        Assert.True(await db.Outbox.AnyAsync(o => o.Key.StartsWith($"milestone:{created.Id}:")), "no applicant SMS queued");

        var (_, otherCase) = await host.OtherCourtAsync();
        var foreign = await api.PostAsJsonAsync($"/api/v1/cases/{Uri.EscapeDataString(otherCase.CaseNumber)}/milestones",
            new { kind = "AssetSeizure", occurredOn = "2026-11-26" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var future = await api.PostAsJsonAsync($"/api/v1/cases/{Uri.EscapeDataString(@case.CaseNumber)}/milestones",
            new { kind = "PaymentReceived", occurredOn = "2026-12-30" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }

    [Fact]
    public async Task Headline_figures_through_the_api_equal_the_judges_dashboard_for_the_same_period()
    {
        using var api = host.Client(DemoApiClient.Key);
        var json = await api.GetStringAsync("/api/v1/statistics/headline?from=2026-10-01&to=2026-11-27");

        await host.App.SignInAsAsync("judge.wang");
        var dashboard = await host.App.SendAsync(new GetHeadlineFigures(new DashboardFilter(DashboardPeriod.Custom, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 27))));
        using var figures = JsonDocument.Parse(json);
        var root = figures.RootElement;
        // Every card of the dashboard has its field, and nothing else is sent.
        Assert.Equal(HeadlineTable.Rows(dashboard).Select(r => r.Key).Order(), HeadlineFields.All.Select(f => f.Figure).Order());
        Assert.Equal(HeadlineFields.All.Select(f => f.Field), root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(dashboard.WhereaboutsVerified, root.GetProperty("whereaboutsVerified").GetInt32());
        Assert.Equal(dashboard.AssetCluesVerified, root.GetProperty("assetCluesVerified").GetInt32());
        Assert.Equal(Math.Round(dashboard.AverageCycleHours!.Value, 2), root.GetProperty("averageFeedbackCycleHours").GetDouble());
        Assert.Equal(Math.Round(dashboard.OnTimeRate!.Value, 4), root.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(Math.Round(dashboard.MedianCycleHours!.Value, 2), root.GetProperty("medianCycleHours").GetDouble());
        Assert.Equal(Math.Round(dashboard.Percentile90CycleHours!.Value, 2), root.GetProperty("p90CycleHours").GetDouble());
        Assert.True(dashboard.FedBack > 0);
        Assert.Equal(dashboard.FedBack, root.GetProperty("fedBack").GetInt32());
        Assert.Equal(dashboard.Open, root.GetProperty("open").GetInt32());
        Assert.Equal(dashboard.DueSoon, root.GetProperty("dueSoon").GetInt32());
        Assert.Equal(dashboard.Overdue, root.GetProperty("overdue").GetInt32());
        Assert.Equal(dashboard.FedBackThisWeek, root.GetProperty("fedBackThisWeek").GetInt32());

        var empty = JsonDocument.Parse(await api.GetStringAsync("/api/v1/statistics/headline?from=2020-01-01&to=2020-01-31")).RootElement;
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("averageFeedbackCycleHours").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("onTimeRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("medianCycleHours").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("p90CycleHours").ValueKind);
        Assert.Equal(0, empty.GetProperty("fedBack").GetInt32());
    }

    [Fact]
    public async Task A_call_is_answered_while_another_writer_holds_the_database_and_is_logged_once_it_lets_go()
    {
        using var api = host.Client(Web.Features.Demo.DemoApiClient.Key);
        // Well under SQLite's 30 s busy timeout, which a call used to wait out for its log row.
        api.Timeout = TimeSpan.FromSeconds(10);
        await using (var writer = await host.App.DbAsync())
        {
            await using var transaction = await writer.Database.BeginTransactionAsync();
            await writer.Database.ExecuteSqlRawAsync("UPDATE ApiClients SET Name = Name WHERE 0");

            var response = await api.GetAsync("/api/v1/statistics/headline?from=2026-01-01&to=2026-01-31");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.CallLogWrittenAsync();
        await using var db = await host.App.DbAsync();
        Assert.True(await db.ApiCalls.AnyAsync(c => c.Path == "/api/v1/statistics/headline" && c.ClientName == Web.Features.Demo.DemoApiClient.Name && c.StatusCode == 200));
    }

    [Fact]
    public async Task The_call_log_records_refused_calls_too_with_the_client_name_when_the_key_is_valid()
    {
        var issued = await host.RegisterAsync("日志测试客户端", await host.DemoCourtIdAsync(), ApiScopes.StatisticsRead);
        using var api = host.Client(issued.Key);
        await api.GetAsync("/api/v1/statistics/headline");
        await api.GetAsync("/api/v1/feedback");
        await host.CallLogWrittenAsync();

        await host.App.SignInAsAsync("admin");
        var detail = await host.App.SendAsync(new GetApiClient(issued.ClientId));
        Assert.Equal(2, detail.TotalCalls);
        Assert.Equal([403, 200], detail.Calls.Select(c => c.StatusCode));
        Assert.Equal("/api/v1/feedback", detail.Calls[0].Path);
        await using var db = await host.App.DbAsync();
        Assert.True(await db.ApiCalls.AnyAsync(c => c.ApiClientId == issued.ClientId && c.ClientName == "日志测试客户端"));
        Assert.NotNull((await db.ApiClients.SingleAsync(c => c.Id == issued.ClientId)).LastUsedAtUtc);
    }
}

public sealed class ApiRateLimitTests(RateLimitedApiHost host) : IClassFixture<RateLimitedApiHost>
{
    [Fact]
    public async Task Calls_over_the_clients_limit_get_429_with_retry_after_while_another_client_is_unaffected()
    {
        var court = await host.DemoCourtIdAsync();
        var busy = await host.RegisterAsync("频繁客户端", court, ApiScopes.StatisticsRead);
        var calm = await host.RegisterAsync("正常客户端", court, ApiScopes.StatisticsRead);
        using var api = host.Client(busy.Key);
        var now = host.App.Clock.GetUtcNow();
        host.App.Clock.Advance(TimeSpan.FromSeconds(60 - now.Second + 25) - TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerSecond));

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/statistics/headline")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/statistics/headline")).StatusCode);
        var limited = await api.GetAsync("/api/v1/statistics/headline");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        // The seconds left in the minute, not the window's length.
        Assert.Equal(TimeSpan.FromSeconds(35), limited.Headers.RetryAfter?.Delta);
        using var other = host.Client(calm.Key);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/statistics/headline")).StatusCode);
    }
}
