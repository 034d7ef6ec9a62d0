using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Demo;

/// <summary>
/// Demo matters in every state, walked through the same domain transitions the app uses, each step
/// written to the timeline as its actor: eight weeks of closed history (most fed back inside 72
/// hours, some late, one returned and fed back again, one cancelled), matters waiting for the
/// judge, and today's work — received, registered, dispatched, findings to review, one paused,
/// some due within a day and some overdue.
/// </summary>
internal sealed class DemoMatters(AppDbContext db, Random random, DateTime now)
{
    private int lastMatterId;
    private int lastTaskId;
    private long lastTimelineId;

    private sealed record Actors(string JudgeId, string JudgeName, string CoordinatorId, string CoordinatorName, string WorkerId, string WorkerName, int WorkerGrid);

    private enum Stage
    {
        Received,
        Registered,
        Dispatched,
        Submitted,
        Paused,
        FedBack,
        Closed,
        Cancelled,
        ReturnedAndClosed,
    }

    public async Task SeedAsync(int courtId, int count, CancellationToken ct)
    {
        var cases = await db.Cases.Where(c => c.CourtId == courtId && c.Status == CaseStatus.InExecution)
            .Include(c => c.Parties).OrderBy(c => c.Id).Take(count).ToListAsync(ct);
        var users = await db.Users.Select(u => new { u.Id, u.DisplayName, u.UserName, u.StreetId, u.GridId, u.CourtId, Community = u.Grid != null ? (int?)u.Grid.CommunityId : null, GridStreet = u.Grid != null ? (int?)u.Grid.Community!.StreetId : null })
            .ToListAsync(ct);
        var coordinators = users.Where(u => u.UserName!.StartsWith("coord.", StringComparison.Ordinal)).ToDictionary(u => u.StreetId!.Value);
        var year = now.AddHours(8).Year.ToString(CultureInfo.InvariantCulture);

        // The keys are given here, in the order things happen, so the whole step is one save (it was ~240, one per
        // step of each matter's walk, to learn the keys its timeline names) and every fresh database gets the same ids.
        lastMatterId = await db.Matters.MaxAsync(m => (int?)m.Id, ct) ?? 0;
        lastTaskId = await db.Tasks.MaxAsync(t => (int?)t.Id, ct) ?? 0;
        lastTimelineId = await db.Timeline.MaxAsync(t => (long?)t.Id, ct) ?? 0;

        for (var i = 0; i < cases.Count; i++)
        {
            var @case = cases[i];
            var judge = users.Single(u => u.Id == @case.JudgeId);
            var coordinator = coordinators[@case.StreetId];
            var workers = users.Where(u => u.GridStreet == @case.StreetId).ToList();
            var worker = workers.FirstOrDefault(w => w.Community == @case.CommunityId) ?? workers[random.Next(workers.Count)];
            var actors = new Actors(judge.Id, judge.DisplayName, coordinator.Id, coordinator.DisplayName, worker.Id, worker.DisplayName, worker.GridId!.Value);
            var (stage, received) = Plan(i);
            var type = (i % 5) switch
            {
                0 or 3 => MatterType.DebtorWhereabouts,
                1 or 4 => MatterType.AssetClueVerification,
                _ => MatterType.HouseholdSurvey,
            };
            var matter = Matter.Receive(
                @case,
                @case.Parties.First(p => p.Role == PartyRole.Respondent),
                type,
                i % 9 == 4 ? MatterSource.PartyApplication : MatterSource.CourtExOfficio,
                $"ZX-{year}-{i + 1:00000}",
                received,
                i % 9 == 4 ? coordinator.Id : judge.Id,
                RequestText(type),
                Details(type, i));
            matter.Id = ++lastMatterId;
            matter.ScheduleAlerts();
            var creatorName = i % 9 == 4 ? coordinator.DisplayName : judge.DisplayName;
            Log(matter, received, matter.CreatedById, creatorName, "Timeline.MatterReceived");
            Walk(matter, stage, actors);

            // Added once its walk is done, with its tasks: nothing is tracked while the domain methods change it.
            db.Matters.Add(matter);
        }

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        // Keys given by hand: the database's own counters (PostgreSQL's identity sequences) move past them.
        await AppDatabase.AfterKeysGivenAsync(db, ct);
    }

    /// <summary>The first matters are history, the rest today's work; the mix covers every state.</summary>
    private (Stage Stage, DateTime Received) Plan(int i)
    {
        if (i < 40)
        {
            var received = now.AddDays(-random.Next(4, 56)).AddHours(-random.Next(0, 12));
            var stage = i switch
            {
                7 => Stage.Cancelled,
                13 => Stage.ReturnedAndClosed,
                < 35 => Stage.Closed,
                _ => Stage.FedBack,
            };
            return (stage, received);
        }

        return (i % 10) switch
        {
            0 or 1 => (Stage.Received, now.AddHours(-random.Next(1, 10))),
            2 => (Stage.Registered, now.AddHours(-random.Next(5, 30))),
            3 or 4 => (Stage.Dispatched, now.AddHours(-random.Next(10, 40))),
            5 => (Stage.Dispatched, now.AddHours(-random.Next(52, 68))),   // due within a day
            6 => (Stage.Dispatched, now.AddHours(-random.Next(75, 110))),  // overdue
            7 => (Stage.Submitted, now.AddHours(-random.Next(20, 50))),
            8 => (Stage.Paused, now.AddHours(-random.Next(20, 40))),
            _ => (Stage.Registered, now.AddHours(-random.Next(74, 90))),   // overdue before dispatch
        };
    }

    private void Walk(Matter matter, Stage stage, Actors a)
    {
        if (stage == Stage.Received)
        {
            return;
        }

        var t = matter.ReceivedAtUtc.AddMinutes(random.Next(20, 180));
        if (matter.Status == MatterStatus.Received)
        {
            matter.Register(t);
            Log(matter, t, a.CoordinatorId, a.CoordinatorName, "Timeline.MatterRegistered");
        }

        if (stage == Stage.Registered)
        {
            return;
        }

        if (stage == Stage.Cancelled)
        {
            t = t.AddHours(3);
            matter.Cancel("申请人与被执行人达成和解，撤回申请。", t);
            Log(matter, t, a.CoordinatorId, a.CoordinatorName, "Timeline.MatterCancelled", "申请人与被执行人达成和解，撤回申请。");
            return;
        }

        var task = Dispatch(matter, a, ref t);
        if (stage == Stage.Dispatched)
        {
            return;
        }

        if (stage == Stage.Paused)
        {
            t = t.AddHours(2);
            matter.Pause("等待法院补充被执行人近期照片。", t);
            Log(matter, t, a.CoordinatorId, a.CoordinatorName, "Timeline.MatterPaused", "等待法院补充被执行人近期照片。");
            return;
        }

        // Most feedback arrives inside the 72 hours; about one in six is late.
        var hoursToFinding = random.NextDouble() < 0.16 ? random.Next(70, 96) : random.Next(8, 50);
        // Never in the future, never before the task went out.
        var latest = now.AddMinutes(-random.Next(20, 120));
        t = matter.ReceivedAtUtc.AddHours(hoursToFinding);
        t = t > latest ? latest : t;
        t = t < task.AssignedAtUtc.AddMinutes(30) ? task.AssignedAtUtc.AddMinutes(30) : t;
        Submit(matter, task, a, t);
        if (stage == Stage.Submitted)
        {
            return;
        }

        t = t.AddHours(random.Next(1, 6));
        task.Accept(t);
        Log(matter, t, a.CoordinatorId, a.CoordinatorName, "Timeline.FindingAccepted", taskId: task.Id);
        FeedBack(matter, task, a, ref t);

        if (stage == Stage.ReturnedAndClosed)
        {
            t = t.AddHours(6);
            matter.ReturnForMoreWork("请补充核实其名下车辆的停放地点。", t);
            Log(matter, t, a.JudgeId, a.JudgeName, "Timeline.MatterReturned", "请补充核实其名下车辆的停放地点。");
            var second = Dispatch(matter, a, ref t);
            t = t.AddHours(random.Next(10, 30));
            Submit(matter, second, a, t);
            t = t.AddHours(2);
            second.Accept(t);
            Log(matter, t, a.CoordinatorId, a.CoordinatorName, "Timeline.FindingAccepted", taskId: second.Id);
            FeedBack(matter, second, a, ref t);
        }

        if (stage is Stage.Closed or Stage.ReturnedAndClosed)
        {
            t = t.AddHours(random.Next(2, 30));
            matter.Acknowledge(t);
            Log(matter, t, a.JudgeId, a.JudgeName, "Timeline.FeedbackAcknowledged");
            t = t.AddHours(random.Next(1, 48));
            matter.Close(t);
            Log(matter, t, a.JudgeId, a.JudgeName, "Timeline.MatterClosed");
        }
    }

    private VerificationTask Dispatch(Matter matter, Actors a, ref DateTime t)
    {
        t = t.AddMinutes(random.Next(10, 120));
        matter.MarkDispatched(t);
        var task = new VerificationTask
        {
            Id = ++lastTaskId,
            Matter = matter,
            AssigneeId = a.WorkerId,
            GridId = a.WorkerGrid,
            AssignedById = a.CoordinatorId,
            Instructions = "请于早晚时段上门走访，注意核实身份。",
            AssignedAtUtc = t,
            DueAtUtc = t + VerificationTask.DefaultSubDeadline < matter.DueAtUtc ? t + VerificationTask.DefaultSubDeadline : matter.DueAtUtc,
        };
        matter.Tasks.Add(task);
        task.ScheduleAlerts(matter);
        Log(matter, t, a.CoordinatorId, a.CoordinatorName, "Timeline.TaskDispatched", a.WorkerName, task.Id);
        return task;
    }

    private void Submit(Matter matter, VerificationTask task, Actors a, DateTime t)
    {
        var found = random.NextDouble() < 0.75;
        task.Submit(new Finding
        {
            VisitedAtUtc = t.AddHours(-1),
            PersonFound = matter.Type == MatterType.DebtorWhereabouts ? found : null,
            CurrentAddress = matter.Type == MatterType.DebtorWhereabouts && found ? $"上海市杨浦区{Road()}{random.Next(1, 900)}弄{random.Next(1, 40)}号" : null,
            DailyRoutine = matter.Type == MatterType.DebtorWhereabouts && found ? "工作日早上7点前出门，晚上8点后回家；周末多在家。" : null,
            VehicleSeen = matter.Type == MatterType.AssetClueVerification && matter.Details.ClueKind == AssetClueKind.Vehicle ? found : null,
            VehicleLocation = matter.Type == MatterType.AssetClueVerification && matter.Details.ClueKind == AssetClueKind.Vehicle && found ? "小区地下车库B2层" : null,
            Employer = matter.Details.ClueKind == AssetClueKind.Income ? matter.Details.Employer : null,
            EstimatedMonthlyIncome = matter.Details.ClueKind == AssetClueKind.Income ? random.Next(5, 20) * 1000 : null,
            HouseholdMembers = matter.Type == MatterType.HouseholdSurvey ? "夫妻二人及一子，子在读初中" : null,
            AbilityToPay = matter.Type == MatterType.HouseholdSurvey ? (found ? "有稳定收入，具备分期履行能力" : "收入微薄，履行能力有限") : null,
            Notes = found ? "经邻居和物业确认。" : "多次上门未见本人，邻居称已搬离。",
        }, t);
        Log(matter, t, a.WorkerId, a.WorkerName, "Timeline.FindingSubmitted", taskId: task.Id);
    }

    private void FeedBack(Matter matter, VerificationTask task, Actors a, ref DateTime t)
    {
        t = t.AddHours(random.Next(1, 8));
        var f = task.Finding!;
        matter.Consolidate($"经网格员{a.WorkerName}实地走访：{f.CurrentAddress ?? f.VehicleLocation ?? f.AbilityToPay ?? f.Employer ?? ""}{f.Notes}", MatterOutcomes.Suggest(matter.Type, [f]) ?? DefaultOutcome(matter.Type), t);
        matter.FeedBack(t);
        Log(matter, t, a.CoordinatorId, a.CoordinatorName, "Timeline.MatterFedBack");
    }

    private static MatterOutcome? DefaultOutcome(MatterType type) =>
        MatterOutcomes.IsRequiredFor(type) ? MatterOutcomes.AllowedFor(type)[0] : null;

    private void Log(Matter matter, DateTime at, string actorId, string actorName, string timelineEvent, string detail = "", int? taskId = null) =>
        db.Timeline.Add(new TimelineEntry
        {
            Id = ++lastTimelineId,
            CaseId = matter.CaseId,
            MatterId = matter.Id,
            TaskId = taskId,
            AtUtc = at,
            ActorId = actorId,
            ActorName = actorName,
            Event = timelineEvent,
            Detail = detail,
        });

    private string Road() => DemoNames.Streets.SelectMany(s => s.Communities).ElementAt(random.Next(10)).Road;

    private static string RequestText(MatterType type) => type switch
    {
        MatterType.DebtorWhereabouts => "被执行人下落不明，请核实其现居住地及日常作息规律。",
        MatterType.AssetClueVerification => "申请人提供了被执行人的财产线索，请实地核实。",
        _ => "请调查被执行人家庭经济状况，评估其履行能力。",
    };

    private MatterDetails Details(MatterType type, int i) => type switch
    {
        MatterType.DebtorWhereabouts => new MatterDetails { LastKnownAddresses = $"上海市杨浦区{Road()}{random.Next(1, 900)}弄{random.Next(1, 40)}号", CourtAlreadyTried = "电话无人接听，户籍地无人。" },
        MatterType.AssetClueVerification when i % 2 == 0 => new MatterDetails
        {
            ClueKind = AssetClueKind.Vehicle,
            VehiclePlate = $"沪{"ABCDEFGHJKLN"[random.Next(12)]}{random.Next(10000, 99999)}",
            VehicleModel = new[] { "大众朗逸", "丰田凯美瑞", "别克英朗", "比亚迪秦" }[random.Next(4)],
        },
        MatterType.AssetClueVerification => new MatterDetails
        {
            ClueKind = AssetClueKind.Income,
            Employer = $"上海{DemoNames.CompanyWords[random.Next(DemoNames.CompanyWords.Length)]}物流有限公司",
            Position = "驾驶员",
        },
        _ => new MatterDetails(),
    };
}
