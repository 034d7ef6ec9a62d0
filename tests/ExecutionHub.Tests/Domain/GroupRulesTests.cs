using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

/// <summary>The rules of group assignment, routing and claiming that the handler tests do not reach.</summary>
public sealed class GroupRulesTests
{
    private static readonly DateTime Received = new(2026, 11, 27, 1, 0, 0, DateTimeKind.Utc);

    private static Matter Matter(MatterType type = MatterType.JudicialRelief, MatterStatus status = MatterStatus.Registered) =>
        StandInCase.Receive(type, Received, "ZX-2026-0003", "coord", new MatterDetails { ApplicantHardship = "困难", AmountRequested = 10_000m }, status);

    private static string Refusal(Action act) => Assert.Throws<DomainRuleException>(act).MessageKey;

    [Theory]
    [InlineData(MatterStatus.FedBack)]
    [InlineData(MatterStatus.Closed)]
    [InlineData(MatterStatus.Cancelled)]
    public void Only_an_open_application_is_routed(MatterStatus status)
    {
        var matter = Matter(status: status);

        Assert.Equal("Rule.Matter.RouteOnlyOpen", Refusal(() => matter.RouteApplication(ApplicationRoute.HearingGroup, 4)));
        Assert.Null(matter.Route);
    }

    [Fact]
    public void A_street_without_a_hearing_group_cannot_take_an_application_there()
    {
        var matter = Matter();

        Assert.Equal("Rule.Group.NoHearingGroup", Refusal(() => matter.RouteApplication(ApplicationRoute.HearingGroup, null)));
        Assert.Null(matter.Route);
    }

    [Fact]
    public void Routing_to_the_same_place_twice_is_refused()
    {
        var matter = Matter();
        matter.RouteApplication(ApplicationRoute.Judge, null);

        Assert.Equal("Rule.Matter.AlreadyRouted", Refusal(() => matter.RouteApplication(ApplicationRoute.Judge, null)));
    }

    [Fact]
    public void An_application_awaiting_the_hearing_group_stays_with_it_until_rerouted()
    {
        var matter = Matter();
        matter.RouteApplication(ApplicationRoute.HearingGroup, 4);

        Assert.Equal("Rule.Matter.AwaitingRecommendation", Refusal(() => matter.AssignToGroup(1)));
        Assert.Equal(4, matter.WorkingGroupId);
    }

    [Fact]
    public void A_recommendation_can_still_be_recorded_on_a_fed_back_application_and_is_kept_trimmed()
    {
        var matter = Matter();
        matter.RouteApplication(ApplicationRoute.HearingGroup, 4);
        matter.ForceStatus(MatterStatus.FedBack);

        matter.RecordRecommendation(ApplicationVerdict.Refused, "  有稳定收入  ", "liu", "刘建国", Received);

        Assert.Equal(("有稳定收入", 4, "刘建国"), (matter.Recommendation!.Text, matter.Recommendation.WorkingGroupId, matter.Recommendation.RecordedByName));
        Assert.False(matter.AwaitsRecommendation);
    }

    [Fact]
    public void A_recommendation_needs_its_reasons()
    {
        var matter = Matter();
        matter.RouteApplication(ApplicationRoute.HearingGroup, 4);

        Assert.Equal("Rule.ReasonRequired", Refusal(() => matter.RecordRecommendation(ApplicationVerdict.Granted, "  ", "liu", "刘建国", Received)));
        Assert.Null(matter.Recommendation);
    }

    [Fact]
    public void A_matter_is_assigned_to_a_group_only_while_open_and_not_twice_to_the_same()
    {
        var open = Matter(MatterType.DebtorWhereabouts);
        open.AssignToGroup(1);
        var closed = Matter(MatterType.DebtorWhereabouts, MatterStatus.Closed);

        Assert.Equal("Rule.Matter.AlreadyInGroup", Refusal(() => open.AssignToGroup(1)));
        Assert.Equal("Rule.Matter.AssignGroupOnlyOpen", Refusal(() => closed.AssignToGroup(1)));
    }

    [Fact]
    public void A_claimed_task_cannot_be_claimed_again()
    {
        var task = new VerificationTask { WorkingGroupId = 1, DueAtUtc = Received.AddHours(48) };
        task.Claim("liu", 7);

        Assert.Equal("Rule.Task.AlreadyClaimed", Refusal(() => task.Claim("wang", 8)));
        Assert.Equal(("liu", (int?)7), (task.AssigneeId, task.GridId));
    }

    [Fact]
    public void Sending_a_task_to_a_group_takes_it_from_its_holder_and_agency()
    {
        var task = new VerificationTask { AssigneeId = "sun", GridId = 3, PartnerAgencyId = null, DueAtUtc = Received.AddHours(48) };

        task.AssignToGroup(1);

        Assert.Equal(((string?)null, (int?)null, (int?)1, true), (task.AssigneeId, task.GridId, task.WorkingGroupId, task.AwaitsClaim));
        Assert.Equal("Rule.Task.AlreadyWithGroup", Refusal(() => task.AssignToGroup(1)));
    }
}
