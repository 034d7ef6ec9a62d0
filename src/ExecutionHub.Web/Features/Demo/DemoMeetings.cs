using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>
/// What a new coordinator of 平凉路街道 sees of mediation and joint meetings: a settlement reached at
/// the window seven weeks ago whose first instalment is paid, second overdue and third to come; two
/// matters flagged hard cases; a joint meeting held twelve days ago with minutes, decisions and
/// action items (one overdue, one open, one done); and the next meeting in five days.
/// </summary>
internal sealed class DemoMeetings(AppDbContext db, DateTime now)
{
    public const string StreetName = "平凉路街道";

    private DateOnly Today => DateOnly.FromDateTime(now + LocalDay.Offset);

    public async Task SeedAsync(int courtId, CancellationToken ct)
    {
        var street = await db.Streets.SingleOrDefaultAsync(s => s.CourtId == courtId && s.Name == StreetName, ct);
        if (street is null || await db.Meetings.AnyAsync(m => m.StreetId == street.Id, ct))
        {
            return;
        }

        var coordinator = await db.Users.SingleAsync(u => u.UserName == "coord.chen", ct);
        var judge = await db.Users.SingleAsync(u => u.UserName == "judge.wang", ct);
        var agencies = await db.PartnerAgencies.Where(a => a.CourtId == courtId).ToDictionaryAsync(a => a.Kind, a => a.Id, ct);
        await SeedSettlementAsync(street, coordinator, ct);
        var hardCases = await FlagHardCasesAsync(street, judge, ct);
        SeedPastMeeting(street, coordinator, judge, agencies, hardCases);
        SeedNextMeeting(street, coordinator, agencies, hardCases);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Puts the street's open risk warnings on the demo's next meeting, as scheduling would have; runs
    /// after the first warnings run (the meetings are seeded before there are warnings). Looks before it writes.
    /// </summary>
    public static async Task AddOpenWarningsToNextMeetingAsync(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var next = await db.Meetings.Include(m => m.AgendaItems)
            .Where(m => m.StartsAtUtc > now && db.Streets.Any(s => s.Id == m.StreetId && s.Name == StreetName))
            .OrderBy(m => m.StartsAtUtc).FirstOrDefaultAsync(ct);
        if (next is null || next.AgendaItems.Any(a => a.Source == AgendaSource.RiskWarning))
        {
            return;
        }

        var warnings = await Features.Meetings.Agenda.OpenWarningsAsync(db, next.StreetId, ct);
        foreach (var item in next.AgendaItems)
        {
            item.Position += warnings.Count;
        }

        next.AgendaItems.AddRange(warnings);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedSettlementAsync(Street street, AppUser coordinator, CancellationToken ct)
    {
        // A mediation visit at the window about a case still in execution, if the log has one; else the street's first such case.
        var visit = await db.WindowVisits.Where(v => v.StreetId == street.Id && v.Purpose == VisitPurpose.ExecutionMediation && v.CaseId != null)
            .Where(v => db.Cases.Any(c => c.Id == v.CaseId && c.Status == CaseStatus.InExecution))
            .OrderBy(v => v.VisitedAtUtc).FirstOrDefaultAsync(ct);
        var caseId = visit?.CaseId ?? await db.Cases.Where(c => c.StreetId == street.Id && c.Status == CaseStatus.InExecution).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct);
        var @case = await db.Cases.Include(c => c.Parties).SingleAsync(c => c.Id == caseId, ct);
        var heldOn = visit is null ? Today.AddDays(-49) : DateOnly.FromDateTime(visit.VisitedAtUtc + LocalDay.Offset);
        var heldAt = LocalDay.StartUtc(heldOn).AddHours(10);
        var total = Math.Max(3_000m, Math.Round(Math.Min(@case.AmountOwed, 60_000m) / 3m, 0) * 3m);
        var each = total / 3m;

        var milestone = new CaseMilestone
        {
            CaseId = @case.Id, Kind = MilestoneKind.Settlement, OccurredOn = heldOn, Amount = total,
            Note = "窗口调解达成和解，分 3 期履行", RecordedById = coordinator.Id, RecordedAtUtc = heldAt,
        };
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(ct);

        var dues = new[] { Today.AddDays(-40), Today.AddDays(-10), Today.AddDays(20) };
        var session = new MediationSession
        {
            StreetId = street.Id, CaseId = @case.Id, WindowVisitId = visit?.Id, HeldOn = heldOn, MediatorId = coordinator.Id,
            Result = MediationResult.Settlement, SettlementAmount = total, Notes = "被执行人承认欠款，表示收入有限，双方同意分三期履行。",
            MilestoneId = milestone.Id, RecordedById = coordinator.Id, RecordedAtUtc = heldAt,
            Attendees =
            [
                new MediationAttendee { Kind = AttendeeKind.Applicant, PartyId = @case.Parties.First(p => p.Role == PartyRole.Applicant).Id },
                new MediationAttendee { Kind = AttendeeKind.Respondent, PartyId = @case.Parties.First(p => p.Role == PartyRole.Respondent).Id },
                new MediationAttendee { Kind = AttendeeKind.Relative },
            ],
            Instalments = dues.Select((due, i) => Instalment.Plan(i + 1, each, due)).ToList(),
        };
        foreach (var instalment in session.Instalments)
        {
            instalment.CaseId = @case.Id;
            instalment.StreetId = street.Id;
        }

        var first = session.Instalments[0];
        first.MarkPaid(each, dues[0].AddDays(-1), coordinator.Id, LocalDay.StartUtc(dues[0]).AddHours(-14));
        // Alerts before today were the old days' business: the sweep at start-up says "overdue" for the second once, no stale "due soon".
        db.Mediations.Add(session);
        @case.Status = CaseStatus.Settled;
        AddTimeline(@case.Id, coordinator, heldAt, "Timeline.MilestoneRecorded", $"执行和解 {heldOn:yyyy-MM-dd} {total:N2}");
        AddTimeline(@case.Id, coordinator, heldAt, "Timeline.MediationSettled", $"{heldOn:yyyy-MM-dd} · {total:N2} · 分 3 期");
        AddTimeline(@case.Id, coordinator, first.PaidRecordedAtUtc!.Value, "Timeline.InstalmentPaid", $"#1 · {each:N2} · {first.PaidOn:yyyy-MM-dd}");
    }

    private async Task<List<Matter>> FlagHardCasesAsync(Street street, AppUser judge, CancellationToken ct)
    {
        var matters = await db.Matters.Where(m => m.StreetId == street.Id && m.Status == MatterStatus.Dispatched && !m.IsHardCase)
            .OrderBy(m => m.ReceivedAtUtc).Take(2).ToListAsync(ct);
        var reasons = new[] { "被执行人长期下落不明，名下多辆车辆未能查控，需公安协助", "涉众案件：同一公司拖欠多名务工人员报酬，需人社部门协同" };
        for (var i = 0; i < matters.Count; i++)
        {
            var at = now.AddDays(-14 - i);
            matters[i].SetHardCase(true, reasons[i], at);
            db.Timeline.Add(new TimelineEntry
            {
                CaseId = matters[i].CaseId, MatterId = matters[i].Id, AtUtc = at, ActorId = judge.Id, ActorName = judge.DisplayName,
                Event = "Timeline.HardCaseFlagged", Detail = reasons[i],
            });
        }

        return matters;
    }

    private void SeedPastMeeting(Street street, AppUser coordinator, AppUser judge, Dictionary<PartnerAgencyKind, int> agencies, List<Matter> hardCases)
    {
        var held = LocalDay.StartUtc(Today.AddDays(-12)).AddHours(14);
        var meeting = new JointMeeting
        {
            StreetId = street.Id, CourtId = street.CourtId, Title = "平凉路街道涉执工作第四季度联席会议", StartsAtUtc = held,
            Place = "平凉路街道综治中心二楼会议室", CreatedById = coordinator.Id, CreatedAtUtc = held.AddDays(-7),
            Minutes = "杨浦法院执行局、平凉路街道、平凉路派出所、区人社局参会。会议通报了工作站近期查人找物情况，研究了两件疑难案件，明确了分工和完成时限。",
            MinutesRecordedAtUtc = held.AddHours(3),
            Agencies = [new MeetingAgency { AgencyId = agencies[PartnerAgencyKind.Police] }, new MeetingAgency { AgencyId = agencies[PartnerAgencyKind.HumanResourcesAndSocialSecurity] }],
            Participants = [new MeetingParticipant { UserId = coordinator.Id }, new MeetingParticipant { UserId = judge.Id }],
        };
        var position = 1;
        foreach (var matter in hardCases)
        {
            meeting.AgendaItems.Add(new AgendaItem
            {
                Source = AgendaSource.HardCase, MatterId = matter.Id, Title = $"{matter.Reference}：{matter.HardCaseReason}", Position = position++,
                Decision = position == 2 ? "派出所协助核查被执行人实际居住地及车辆停放位置。" : "人社局核查该公司社保缴纳及用工情况，街道牵头组织约谈。",
            });
        }

        meeting.AgendaItems.Add(new AgendaItem { Source = AgendaSource.Manual, Title = "定海路片区城市更新地块涉执风险研判", Position = position, Decision = "由街道持续关注，下次会议通报。" });
        db.Meetings.Add(meeting);

        ActionItem Item(string description, int? agency, string? person, DateOnly due)
        {
            var item = new ActionItem { Meeting = meeting, StreetId = street.Id, Description = description, OwnerAgencyId = agency, OwnerUserId = person };
            item.SetDue(due);
            return item;
        }

        var overdue = Item("核查被执行人社保缴纳单位及近六个月缴费记录", agencies[PartnerAgencyKind.HumanResourcesAndSocialSecurity], null, Today.AddDays(-3));
        var open = Item("协助核查被执行人实际居住地及早晚出入规律", agencies[PartnerAgencyKind.Police], null, Today.AddDays(7));
        var done = Item("整理疑难案件清单报送执行局", null, coordinator.Id, Today.AddDays(-6));
        done.Complete("清单已于会后两日报送执行局王振华法官。", coordinator.Id, held.AddDays(2));
        db.ActionItems.AddRange(overdue, open, done);
    }

    private void SeedNextMeeting(Street street, AppUser coordinator, Dictionary<PartnerAgencyKind, int> agencies, List<Matter> hardCases)
    {
        var next = new JointMeeting
        {
            StreetId = street.Id, CourtId = street.CourtId, Title = "平凉路街道涉执工作联席会议（十二月）", StartsAtUtc = LocalDay.StartUtc(Today.AddDays(5)).AddHours(14).AddMinutes(30),
            Place = "平凉路街道综治中心二楼会议室", CreatedById = coordinator.Id, CreatedAtUtc = now.AddDays(-1),
            Agencies =
            [
                new MeetingAgency { AgencyId = agencies[PartnerAgencyKind.Police] },
                new MeetingAgency { AgencyId = agencies[PartnerAgencyKind.Procuratorate] },
                new MeetingAgency { AgencyId = agencies[PartnerAgencyKind.HumanResourcesAndSocialSecurity] },
            ],
            Participants = [new MeetingParticipant { UserId = coordinator.Id }],
        };
        var position = 1;
        foreach (var matter in hardCases)
        {
            next.AgendaItems.Add(new AgendaItem { Source = AgendaSource.HardCase, MatterId = matter.Id, Title = $"{matter.Reference}：{matter.HardCaseReason}", Position = position++ });
        }

        next.AgendaItems.Add(new AgendaItem { Source = AgendaSource.Manual, Title = "上次会议督办事项落实情况通报", Position = position });
        db.Meetings.Add(next);
    }

    private void AddTimeline(int caseId, AppUser actor, DateTime at, string timelineEvent, string detail) =>
        db.Timeline.Add(new TimelineEntry { CaseId = caseId, AtUtc = at, ActorId = actor.Id, ActorName = actor.DisplayName, Event = timelineEvent, Detail = detail });
}
