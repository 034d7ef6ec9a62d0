using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

/// <summary>How a matter comes into being (<see cref="Matter.Receive"/>) and takes its type's deadline policy.</summary>
public sealed class MatterReceiptTests
{
    private static readonly DateTime Received = new(2026, 11, 27, 1, 0, 0, DateTimeKind.Utc);

    private static ExecutionCase Case(int id = 7) =>
        new() { Id = id, CaseNumber = "（2026）沪0110执7号", CourtId = 3, StreetId = 5, JudgeId = "judge.wang", Cause = "借款合同纠纷", Industry = "个人借贷" };

    private static CaseParty Respondent(int id = 11) =>
        new() { Id = id, Role = PartyRole.Respondent, Name = "张三丰", IdentityNumber = "310110198502023456" };

    [Fact]
    public void Should_copy_court_street_and_judge_from_the_case_and_fall_due_72_hours_after_receipt()
    {
        var details = new MatterDetails { LastKnownAddresses = "平凉路1号" };

        var matter = Matter.Receive(Case(), Respondent(), MatterType.DebtorWhereabouts, MatterSource.CourtExOfficio, "ZX-2026-00042", Received, "coord.chen", "请核实", details);

        Assert.Equal((3, 5, "judge.wang"), (matter.CourtId, matter.StreetId, matter.JudgeId));
        Assert.Equal((7, 11), (matter.CaseId, matter.TargetPartyId));
        Assert.Equal(("ZX-2026-00042", MatterType.DebtorWhereabouts, MatterSource.CourtExOfficio, "coord.chen", "请核实"), (matter.Reference, matter.Type, matter.Source, matter.CreatedById, matter.Request));
        Assert.Same(details, matter.Details);
        Assert.Equal((MatterStatus.Received, Received.AddHours(72)), (matter.Status, matter.DueAtUtc));
        Assert.Equal(LocalDay.Of(Received), matter.ReceivedOn);
    }

    [Fact]
    public void Should_link_a_case_and_party_not_yet_saved_by_reference_so_one_save_inserts_them_first()
    {
        var @case = Case(id: 0);
        var target = Respondent(id: 0);

        var matter = Matter.Receive(@case, target, MatterType.DebtorWhereabouts, MatterSource.PartyApplication, "ZX-2026-00043", Received, "coord.chen");

        Assert.Same(@case, matter.Case);
        Assert.Same(target, matter.TargetParty);
    }

    [Fact]
    public void Should_link_a_saved_case_and_party_by_id_only_so_a_context_that_did_not_read_them_adds_no_copy()
    {
        var matter = Matter.Receive(Case(), Respondent(), MatterType.DebtorWhereabouts, MatterSource.CourtExOfficio, "ZX-2026-00044", Received, "judge.wang");

        Assert.Null(matter.Case);
        Assert.Null(matter.TargetParty);
    }

    [Fact]
    public void Should_take_the_due_time_and_alert_thresholds_of_its_types_policy_counted_from_receipt()
    {
        var matter = Matter.Receive(Case(), Respondent(), MatterType.DebtorWhereabouts, MatterSource.CourtExOfficio, "ZX-2026-00045", Received, "judge.wang");

        matter.ApplyDeadlinePolicy(new DeadlinePolicy { FeedbackWindowHours = 48, DueSoonHours = 12, EscalationHours = 6 }, WorkingCalendar.WeekdaysOnly);

        Assert.Equal((Received.AddHours(48), 12, 6), (matter.DueAtUtc, matter.DueSoonHours, matter.EscalationHours));
        Assert.Equal(Received.AddHours(36), matter.NextAlertAtUtc);
    }

    [Fact]
    public void Should_count_the_same_statuses_open_for_a_view_holding_only_the_status_as_for_the_matter()
    {
        foreach (var status in Enum.GetValues<MatterStatus>())
        {
            var matter = StandInCase.Receive(MatterType.DebtorWhereabouts, Received, status: status);

            Assert.Equal(matter.IsOpen, Matter.IsOpenStatus(status));
        }
    }
}
