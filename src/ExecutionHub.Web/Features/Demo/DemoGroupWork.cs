using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>
/// The 4+1+X work a new user should find waiting: in the first street, a judicial relief
/// application routed to the hearing-and-relief group and awaiting its recommendation, and a
/// verification task sent to the execution investigation group for a member to claim.
/// </summary>
internal sealed class DemoGroupWork(AppDbContext db, DateTime now)
{
    public const string StreetName = "平凉路街道";

    public async Task SeedAsync(int courtId, CancellationToken ct)
    {
        if (await db.Matters.AnyAsync(m => m.CourtId == courtId && m.Route != null, ct) || await db.Tasks.AnyAsync(t => t.WorkingGroupId != null, ct))
        {
            return;
        }

        var street = await db.Streets.SingleAsync(s => s.CourtId == courtId && s.Name == StreetName, ct);
        var groups = await db.WorkingGroups.Where(g => g.StreetId == street.Id).ToDictionaryAsync(g => g.Kind, ct);
        var coordinator = await db.Users.Where(u => u.StreetId == street.Id && u.UserName!.StartsWith("coord.")).OrderBy(u => u.UserName).FirstAsync(ct);
        var @case = await db.Cases.Include(c => c.Parties)
            .Where(c => c.StreetId == street.Id && c.Status == CaseStatus.InExecution && c.Parties.Any(p => p.Role == PartyRole.Respondent))
            .OrderBy(c => c.Id).FirstAsync(ct);

        var received = now.AddHours(-3);
        var relief = Matter.Receive(
            @case,
            @case.Parties.First(p => p.Role == PartyRole.Respondent),
            MatterType.JudicialRelief,
            MatterSource.PartyApplication,
            await Matters.Registration.MatterReferences.NextAsync(db, now, ct),
            received,
            coordinator.Id,
            "申请人因生活困难、执行款长期未能到位，申请司法救助。",
            new MatterDetails
            {
                ApplicantHardship = "申请人年逾七旬，独居，依靠低保生活；被执行人至今未履行，医疗费用难以负担。",
                AmountRequested = 20000m,
            });
        relief.Register(received);
        relief.RouteApplication(ApplicationRoute.HearingGroup, groups[WorkingGroupKind.HearingAndRelief].Id);
        db.Matters.Add(relief);
        await db.SaveChangesAsync(ct);
        Log(relief, received, coordinator, "Timeline.MatterReceived", "当事人申请");
        Log(relief, received, coordinator, "Timeline.MatterRegistered");
        Log(relief, received.AddMinutes(5), coordinator, "Timeline.ApplicationRoutedToGroup", groups[WorkingGroupKind.HearingAndRelief].Name);

        // A matter of the street still being verified, with time left for one more task.
        var open = await db.Matters.Include(m => m.Tasks)
            .Where(m => m.StreetId == street.Id && m.Status == MatterStatus.Dispatched && m.PausedAtUtc == null && m.DueAtUtc > now.AddHours(12))
            .OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            var investigation = groups[WorkingGroupKind.ExecutionInvestigation];
            var assigned = now.AddHours(-1);
            var task = new VerificationTask
            {
                WorkingGroupId = investigation.Id,
                AssignedById = coordinator.Id,
                Instructions = "请组内成员认领：向物业和邻居核实被执行人近期是否仍在此居住。",
                AssignedAtUtc = assigned,
                DueAtUtc = new[] { now.AddHours(VerificationTask.DefaultSubDeadline.TotalHours), open.DueAtUtc }.Min(),
            };
            open.Tasks.Add(task);
            task.ScheduleAlerts(open);
            await db.SaveChangesAsync(ct);
            Log(open, assigned, coordinator, "Timeline.TaskAssignedToGroup", investigation.Name, task.Id);
        }

        await db.SaveChangesAsync(ct);
    }

    private void Log(Matter matter, DateTime at, AppUser actor, string timelineEvent, string detail = "", int? taskId = null) =>
        db.Timeline.Add(new TimelineEntry
        {
            CaseId = matter.CaseId,
            MatterId = matter.Id,
            TaskId = taskId,
            AtUtc = at,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            Event = timelineEvent,
            Detail = detail,
        });
}
