using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Meetings;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Meetings;

/// <summary>Joint meetings: scheduling one and its agenda (hard cases, risk warnings, topics), its minutes, who sees it, deleting it.</summary>
public sealed class MeetingTests
{
    [Fact]
    public async Task A_new_meetings_agenda_holds_the_streets_open_hard_cases()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var first = await scenario.FlagHardCaseAsync();
        var second = await scenario.FlagHardCaseAsync();

        var id = await scenario.ScheduleAsync();

        var meeting = await app.SendAsync(new GetMeeting(id));
        var hardCases = meeting.Agenda.Where(a => a.Source == AgendaSource.HardCase).ToList();
        Assert.Equal([first, second], hardCases.Select(a => a.MatterId));
        Assert.All(meeting.Agenda, a => Assert.True(a.Source == AgendaSource.HardCase || a.RiskWarningId is not null));
        Assert.Equal(2, meeting.Agencies.Count);
        Assert.False(meeting.Held);
        var timeline = (await app.SendAsync(new GetMatter(first))).Timeline;
        Assert.Contains(timeline, t => t.Event == "Timeline.PutOnMeetingAgenda" && t.Detail.StartsWith("平凉路街道涉执联席会议", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_meetings_agenda_opens_with_the_streets_open_risk_warnings_in_aggregate_words_and_leaves_closed_ones_out()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        long closedId;
        List<long> openIds;
        string respondent;
        await using (var db = await app.DbAsync())
        {
            var street = await db.Streets.SingleAsync(s => s.Name == "平凉路街道");
            var warnings = await db.RiskWarnings.Where(w => w.StreetId == street.Id).OrderBy(w => w.Id).ToListAsync();
            Assert.True(warnings.Count >= 2, "the demo street has open warnings");
            warnings[0].State = WarningState.Closed;
            await db.SaveChangesAsync();
            closedId = warnings[0].Id;
            openIds = warnings.Skip(1).Select(w => w.Id).ToList();
            var subject = warnings.First(w => w.SubjectPartyId != null).SubjectPartyId;
            respondent = (await db.CaseParties.SingleAsync(p => p.Id == subject)).Name;
        }

        var meeting = await app.SendAsync(new GetMeeting(await scenario.ScheduleAsync()));

        var onAgenda = meeting.Agenda.TakeWhile(a => a.Source == AgendaSource.RiskWarning).ToList();
        Assert.Equal(openIds.Order(), onAgenda.Select(a => a.RiskWarningId!.Value).Order());
        Assert.DoesNotContain(meeting.Agenda, a => a.RiskWarningId == closedId);
        Assert.All(onAgenda, a => Assert.DoesNotContain(respondent, a.Title, StringComparison.Ordinal));
        Assert.All(onAgenda, a => Assert.Contains("：", a.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_coordinator_puts_a_warning_raised_after_scheduling_on_the_agenda_once_and_only_an_open_one_of_the_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var id = await scenario.ScheduleAsync();
        long raisedLater, closed, otherStreet;
        await using (var db = await app.DbAsync())
        {
            // The meeting took the street's open warnings; one raised later, one closed and one of another street are not on it.
            var warnings = await db.RiskWarnings.Where(w => w.StreetId == scenario.StreetId).OrderBy(w => w.Id).ToListAsync();
            var later = new RiskWarning
            {
                Key = "test:later", StreetId = scenario.StreetId, Rule = RiskRuleKind.IndustrySpike, Severity = WarningSeverity.High,
                Industry = "房地产", CaseCount = 6, PreviousCount = 3, SuggestedAction = "排查开发商资金链和合同履约情况",
                PeriodStart = warnings[0].PeriodStart, PeriodEnd = warnings[0].PeriodEnd,
            };
            var shut = new RiskWarning
            {
                Key = "test:closed", StreetId = scenario.StreetId, Rule = RiskRuleKind.TaggedCases, State = WarningState.Closed,
                Tag = CaseTags.UrbanRenewal, CaseCount = 1, SuggestedAction = "关注", PeriodStart = warnings[0].PeriodStart, PeriodEnd = warnings[0].PeriodEnd,
            };
            var elsewhere = new RiskWarning
            {
                Key = "test:elsewhere", StreetId = await db.Streets.Where(s => s.Id != scenario.StreetId).Select(s => s.Id).FirstAsync(),
                Rule = RiskRuleKind.TaggedCases, Tag = CaseTags.UrbanRenewal, CaseCount = 4, SuggestedAction = "关注",
                PeriodStart = warnings[0].PeriodStart, PeriodEnd = warnings[0].PeriodEnd,
            };
            foreach (var w in new[] { later, shut, elsewhere })
            {
                (w.CreatedAtUtc, w.EvidenceAtUtc) = (TestApp.Start.UtcDateTime, TestApp.Start.UtcDateTime);
            }

            db.RiskWarnings.AddRange(later, shut, elsewhere);
            await db.SaveChangesAsync();
            (raisedLater, closed, otherStreet) = (later.Id, shut.Id, elsewhere.Id);
        }

        await app.SignInAsAsync("coord.chen");
        var options = await app.SendAsync(new GetMeetingOptions(scenario.StreetId));
        Assert.Contains(options.OpenWarnings!, w => w.WarningId == raisedLater);

        await app.SendAsync(new AddAgendaItem(id, "", RiskWarningId: raisedLater));
        var twice = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new AddAgendaItem(id, "", RiskWarningId: raisedLater)));
        Assert.Equal("Rule.Meeting.WarningAlreadyOnAgenda", twice.MessageKey);
        foreach (var refused in new[] { closed, otherStreet })
        {
            var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new AddAgendaItem(id, "", RiskWarningId: refused)));
            Assert.Equal("Rule.Meeting.NotAnOpenWarningOfStreet", refusal.MessageKey);
        }

        var meeting = await app.SendAsync(new GetMeeting(id));
        var item = Assert.Single(meeting.Agenda, a => a.RiskWarningId == raisedLater);
        Assert.Equal(AgendaSource.RiskWarning, item.Source);
        Assert.Contains("房地产", item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_adds_and_removes_agenda_items_but_only_hard_cases_of_the_street()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var id = await scenario.ScheduleAsync();
        var hard = await scenario.FlagHardCaseAsync();
        await app.SignInAsAsync("coord.chen");

        var topic = await app.SendAsync(new AddAgendaItem(id, "城市更新地块涉执风险研判"));
        await app.SendAsync(new AddAgendaItem(id, "", hard));
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new AddAgendaItem(id, "", hard)));
        int notHard;
        await using (var db = await app.DbAsync())
        {
            notHard = await db.Matters.Where(m => m.StreetId == scenario.StreetId && !m.IsHardCase).Select(m => m.Id).FirstAsync();
        }

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new AddAgendaItem(id, "", notHard)));
        Assert.Equal("Rule.Meeting.NotAHardCaseOfStreet", refusal.MessageKey);

        await app.SendAsync(new RemoveAgendaItem(id, topic));
        var meeting = await app.SendAsync(new GetMeeting(id));
        Assert.Equal([hard], meeting.Agenda.Where(a => a.Source != AgendaSource.RiskWarning).Select(a => a.MatterId));
    }

    [Fact]
    public async Task Another_streets_coordinator_cannot_see_or_change_the_meeting()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var id = await scenario.ScheduleAsync();
        await app.SignInAsAsync("coord.zhao");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetMeeting(id)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new AddAgendaItem(id, "越权议题")));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListMeetings(scenario.StreetId)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new DeleteMeeting(id)));
    }

    [Fact]
    public async Task Minutes_wait_for_the_meeting_then_save_with_a_decision_per_agenda_item()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        await scenario.FlagHardCaseAsync();
        var id = await scenario.ScheduleAsync();
        var meeting = await app.SendAsync(new GetMeeting(id));
        var item = Assert.Single(meeting.Agenda, a => a.Source == AgendaSource.HardCase);

        var early = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new RecordMinutes(id, meeting.Version, "纪要", [])));
        Assert.Equal("Rule.Meeting.NotYetHeld", early.MessageKey);

        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.SendAsync(new RecordMinutes(id, meeting.Version, "会议研究了疑难案件。", [new AgendaDecision(item.Id, "由派出所协助查找被执行人")]));

        var held = await app.SendAsync(new GetMeeting(id));
        Assert.True(held.Held);
        Assert.Equal("会议研究了疑难案件。", held.Minutes);
        Assert.Equal("由派出所协助查找被执行人", held.Agenda.Single(a => a.Id == item.Id).Decision);
    }

    [Fact]
    public async Task A_meeting_that_gave_action_items_cannot_be_deleted_one_without_can()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var busy = await scenario.ScheduleAsync();
        await scenario.AddActionItemAsync(busy);
        var idle = await scenario.ScheduleAsync();

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(new DeleteMeeting(busy)));
        Assert.Equal("Rule.Meeting.HasActionItems", refusal.MessageKey);
        await app.SendAsync(new DeleteMeeting(idle));

        await using var db = await app.DbAsync();
        Assert.True(await db.Meetings.AnyAsync(m => m.Id == busy));
        Assert.False(await db.Meetings.AnyAsync(m => m.Id == idle));
    }

    [Fact]
    public async Task A_new_coordinator_finds_a_settlement_with_an_overdue_instalment_and_an_upcoming_and_a_past_meeting_with_an_overdue_item()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var chen = await app.SignInAsAsync("coord.chen");

        var meetings = await app.SendAsync(new ListMeetings(chen.StreetId!.Value));
        Assert.Contains(meetings, m => m.Upcoming && m.AgendaItems > 0);
        var next = await app.SendAsync(new GetMeeting(meetings.Where(m => m.Upcoming).Select(m => m.Id).First()));
        Assert.Contains(next.Agenda, a => a.Source == AgendaSource.RiskWarning && a.RiskWarningId is not null);
        Assert.Contains(meetings, m => !m.Upcoming && m.OverdueActionItems == 1);
        var board = await app.SendAsync(new ListActionItems(OverdueOnly: true));
        Assert.Single(board.Rows);

        await using var db = await app.DbAsync();
        var session = await db.Mediations.Include(m => m.Instalments).SingleAsync(m => m.StreetId == chen.StreetId);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal([DueState.Done, DueState.Overdue, DueState.Due], session.Instalments.OrderBy(i => i.Number).Select(i => i.StateAt(now)));
        Assert.Equal(session.SettlementAmount, session.Instalments.Sum(i => i.Amount));
    }

    [Fact]
    public async Task The_meeting_options_offer_the_courts_agencies_invitable_people_and_the_streets_hard_cases()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        var hard = await scenario.FlagHardCaseAsync();
        await app.SignInAsAsync("coord.chen");

        var options = await app.SendAsync(new GetMeetingOptions(scenario.StreetId));

        Assert.Equal(4, options.Agencies.Count);
        Assert.Contains(options.People, p => p.Name == "王振华");
        Assert.Contains(options.People, p => p.Name == "何芳");
        Assert.DoesNotContain(options.People, p => p.Name == "赵磊");   // the other street's coordinator
        Assert.Equal([hard], options.HardCases.Select(h => h.MatterId));
    }

    [Fact]
    public async Task A_grid_worker_cannot_schedule_a_meeting()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MeetingScenario.ChensStreetAsync(app);
        await app.SignInAsAsync("grid.liu");

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ScheduleMeeting
        {
            StreetId = scenario.StreetId, Title = "越权", StartsAtLocal = new DateTime(2026, 12, 1, 14, 0, 0), Place = "x", AgencyIds = [scenario.HrId],
        }));
    }
}
