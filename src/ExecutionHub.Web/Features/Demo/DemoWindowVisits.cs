using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>
/// Eight weeks of visits at each street's comprehensive window, on working days in office hours:
/// the applicants whose party applications are demo matters came to the window with their clue
/// first (those visits are linked to their matters, whose timelines say so), and everyday visits
/// for every purpose — a few clue submissions and applications still waiting to become matters.
/// </summary>
internal sealed class DemoWindowVisits(AppDbContext db, Random random, DateTime now, Func<string> personName, Func<string> phone)
{
    public const int EverydayVisitsPerStreet = 28;

    private sealed record Visit(VisitPurpose Purpose, VisitorKind Kind, string Notes, string Outcome);

    private static readonly System.Globalization.CultureInfo Chinese = new(Cultures.Chinese);

    public async Task SeedAsync(int courtId, CancellationToken ct)
    {
        var streets = await db.Streets.Where(s => s.CourtId == courtId).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var coordinators = await db.Users.Where(u => u.StreetId != null && u.UserName!.StartsWith("coord."))
            .ToDictionaryAsync(u => u.StreetId!.Value, u => new { u.Id, u.DisplayName }, ct);
        await SeedVisitsThatBecameMattersAsync(courtId, id => coordinators[id].Id, id => coordinators[id].DisplayName, ct);

        foreach (var streetId in streets)
        {
            var cases = await db.Cases.Where(c => c.StreetId == streetId && c.Status == CaseStatus.InExecution)
                .Include(c => c.Parties).OrderBy(c => c.Id).ToListAsync(ct);
            for (var i = 0; i < EverydayVisitsPerStreet; i++)
            {
                var visited = OfficeHours(random.Next(0, 56));
                var @case = cases[random.Next(cases.Count)];
                var visit = Everyday();
                var party = visit.Kind switch
                {
                    VisitorKind.Applicant => @case.Parties.FirstOrDefault(p => p.Role == PartyRole.Applicant),
                    VisitorKind.Respondent => @case.Parties.FirstOrDefault(p => p.Role == PartyRole.Respondent && p.Kind == PartyKind.Person),
                    _ => null,
                };

                // Someone asking how to apply has no execution case yet.
                var withCase = visit.Purpose != VisitPurpose.FilingConsultation && (party is not null || random.NextDouble() < 0.6);
                db.WindowVisits.Add(new WindowVisit
                {
                    StreetId = streetId,
                    VisitedAtUtc = visited,
                    VisitorKind = visit.Kind,
                    Purpose = visit.Purpose,
                    VisitorName = party?.Name ?? personName(),
                    VisitorPhone = party?.Phones.FirstOrDefault() ?? phone(),
                    CaseNumber = withCase ? @case.CaseNumber : null,
                    CaseId = withCase ? @case.Id : null,
                    Notes = visit.Notes,
                    Outcome = visit.Outcome,
                    StaffId = coordinators[streetId].Id,
                    LoggedAtUtc = Later(visited, random.Next(10, 40)),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The workstation's party applications about a person's whereabouts or assets began as clues handed in at the window.</summary>
    private async Task SeedVisitsThatBecameMattersAsync(int courtId, Func<int, string> coordinatorId, Func<int, string> coordinatorName, CancellationToken ct)
    {
        var matters = await db.Matters
            .Where(m => m.CourtId == courtId && m.Source == MatterSource.PartyApplication)
            .Where(m => m.Type == MatterType.AssetClueVerification || m.Type == MatterType.DebtorWhereabouts)
            .Include(m => m.Case!).ThenInclude(c => c.Parties)
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
        foreach (var matter in matters)
        {
            var applicant = matter.Case!.Parties.First(p => p.Role == PartyRole.Applicant);
            var visited = matter.ReceivedAtUtc.AddMinutes(-random.Next(20, 50));
            db.WindowVisits.Add(new WindowVisit
            {
                StreetId = matter.StreetId,
                VisitedAtUtc = visited,
                VisitorKind = VisitorKind.Applicant,
                Purpose = VisitPurpose.ClueSubmission,
                VisitorName = applicant.Name,
                VisitorPhone = applicant.Phones.FirstOrDefault() ?? phone(),
                CaseNumber = matter.Case.CaseNumber,
                CaseId = matter.CaseId,
                Notes = matter.Type == MatterType.DebtorWhereabouts
                    ? "申请人反映被执行人已搬离户籍地，近期常在新住处附近出入，提供了大致地址，请求核实。"
                    : "申请人提供被执行人的财产线索（车辆或收入来源），并出示了照片和聊天记录，请求核实。",
                Outcome = $"线索材料齐全，当场转为核查事项 {matter.Reference}，告知申请人 72 小时内反馈。",
                StaffId = coordinatorId(matter.StreetId),
                LoggedAtUtc = visited.AddMinutes(10),
                MatterId = matter.Id,
            });
            db.Timeline.Add(new TimelineEntry
            {
                CaseId = matter.CaseId,
                MatterId = matter.Id,
                AtUtc = matter.ReceivedAtUtc,
                ActorId = coordinatorId(matter.StreetId),
                ActorName = coordinatorName(matter.StreetId),
                Event = "Timeline.MatterFromWindowVisit",
                Detail = $"{ChinaTime.Format(visited)} · {UiText.Get($"VisitPurpose.{VisitPurpose.ClueSubmission}", Chinese)}",
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A mix like a real window's: mostly consultations and mediation, some clues and applications not yet registered.</summary>
    private Visit Everyday()
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.30 => Pick(
                new Visit(VisitPurpose.FilingConsultation, VisitorKind.Applicant, "民事判决已生效，对方一直未付款，咨询如何申请强制执行、需要准备哪些材料。", "已告知申请执行的条件、两年申请期限及所需材料，发放《申请执行须知》。"),
                new Visit(VisitPurpose.FilingConsultation, VisitorKind.Relative, "替年迈的父亲咨询调解书未履行时的执行立案流程。", "已指导通过上海法院诉讼服务网在线申请执行立案，并告知可委托代理人。"),
                new Visit(VisitPurpose.FilingConsultation, VisitorKind.Applicant, "询问执行立案后法院多久开始查控对方财产。", "已说明网络查控流程和一般时限，建议同时提供已知的财产线索。")),
            < 0.50 => Pick(
                new Visit(VisitPurpose.ExecutionMediation, VisitorKind.Applicant, "申请人与被执行人一同到窗口，协商欠款的还款方案，被执行人提出分期履行。", "双方初步同意分六期履行，约定下周到执行法官处签订执行和解协议。"),
                new Visit(VisitPurpose.ExecutionMediation, VisitorKind.Respondent, "被执行人主动到窗口，表示愿意还款但一次付清有困难，希望与申请人协商。", "已联系申请人，约定本周五在工作站调解。"),
                new Visit(VisitPurpose.ExecutionMediation, VisitorKind.Applicant, "双方就剩余款项和利息的计算有分歧，请求工作站协调。", "双方未达成一致，已记录分歧要点并告知执行法官。")),
            < 0.62 => Pick(
                new Visit(VisitPurpose.ClueSubmission, VisitorKind.Applicant, "申请人反映被执行人每天早上在附近菜场出摊，提供了照片，请求核实其经营收入。", "已收取照片材料，待核对案件信息后转为核查事项。"),
                new Visit(VisitPurpose.ClueSubmission, VisitorKind.Relative, "申请人家属反映被执行人近期开一辆白色轿车接送孩子，记下了部分车牌号。", "已记录线索，请申请人补充完整车牌号后转为核查事项。")),
            < 0.72 => new Visit(VisitPurpose.JudicialRelief, VisitorKind.Applicant, "申请人因交通事故致残、生活困难，案件暂无可供执行的财产，申请司法救助。", "已告知司法救助申请材料，收取困难证明和医疗票据复印件。"),
            < 0.82 => new Visit(VisitPurpose.ResumeExecution, VisitorKind.Applicant, "案件已终结本次执行程序，申请人发现被执行人在新单位上班，申请恢复执行。", "已收取在职线索材料，待核对后转为事项报法院。"),
            < 0.91 => new Visit(VisitPurpose.Other, VisitorKind.Respondent, "被执行人询问被限制消费后如何解除，称需要乘坐高铁外出务工。", "已告知履行完毕或提供有效担保后可向法院申请解除，并转告执行法官。"),
            _ => new Visit(VisitPurpose.Other, VisitorKind.Applicant, "询问法院扣划的案款何时能发放到账。", "已联系承办法官，告知案款正在审批，预计五个工作日内发放。"),
        };
    }

    private Visit Pick(params Visit[] visits) => visits[random.Next(visits.Length)];

    /// <summary>A working day <paramref name="daysAgo"/> back (weekends fall back to Friday), between 9:00 and 16:30 in Shanghai, before now.</summary>
    private DateTime OfficeHours(int daysAgo)
    {
        var day = DateOnly.FromDateTime(ChinaTime.ToLocal(now)).AddDays(-daysAgo);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        var visited = ChinaTime.ToUtc(day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(random.Next(0, 450)));
        return visited < now ? visited : OfficeHours(daysAgo + 1);
    }

    private DateTime Later(DateTime visited, int minutes) => visited.AddMinutes(minutes) is var logged && logged < now ? logged : now;
}
