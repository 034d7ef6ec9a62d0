using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

public sealed class ApplicationDecisionRulesTests
{
    private static readonly DateTime Received = new(2026, 11, 27, 1, 0, 0, DateTimeKind.Utc);

    private static Matter Application(MatterType type, MatterStatus status = MatterStatus.Registered, decimal? requested = 10_000m) =>
        StandInCase.Receive(type, Received, "ZX-2026-0002", details: new MatterDetails { ApplicantHardship = "困难", AmountRequested = requested, NewAssetClue = "线索" }, status: status);

    private static string Refusal(Action decide) => Assert.Throws<DomainRuleException>(decide).MessageKey;

    [Theory]
    [InlineData(MatterStatus.Closed)]
    [InlineData(MatterStatus.Cancelled)]
    public void A_closed_or_cancelled_application_can_no_longer_be_decided(MatterStatus status)
    {
        var matter = Application(MatterType.ResumeExecution, status);

        Assert.Equal("Rule.Matter.DecideOnlyOpenOrFedBack", Refusal(() => matter.DecideApplication(ApplicationVerdict.Granted, "理由", null, null, "judge", "法官", Received)));
        Assert.Null(matter.Decision);
    }

    [Fact]
    public void A_fed_back_application_can_be_decided_and_keeps_its_status()
    {
        var matter = Application(MatterType.JudicialRelief, MatterStatus.FedBack);

        matter.DecideApplication(ApplicationVerdict.Granted, " 困难属实 ", 10_000m, " 建议全额救助 ", "judge", "法官", Received);

        Assert.Equal(MatterStatus.FedBack, matter.Status);
        Assert.Equal("困难属实", matter.Decision!.Reason);
        Assert.Equal("建议全额救助", matter.Decision.GroupRecommendation);
        Assert.Equal(10_000m, matter.Decision.AmountGranted);
    }

    [Fact]
    public void Granted_relief_needs_an_amount_and_a_refusal_or_a_resumption_takes_none()
    {
        Assert.Equal("Rule.Matter.AmountGrantedRequired", Refusal(() => Application(MatterType.JudicialRelief).DecideApplication(ApplicationVerdict.Granted, "理由", null, null, "judge", "法官", Received)));
        Assert.Equal("Rule.Matter.AmountGrantedOnlyForGrantedRelief", Refusal(() => Application(MatterType.JudicialRelief).DecideApplication(ApplicationVerdict.Refused, "理由", 100m, null, "judge", "法官", Received)));
        Assert.Equal("Rule.Matter.AmountGrantedOnlyForGrantedRelief", Refusal(() => Application(MatterType.ResumeExecution).DecideApplication(ApplicationVerdict.Granted, "理由", 100m, null, "judge", "法官", Received)));
    }

    [Fact]
    public void A_decision_needs_a_reason()
    {
        Assert.Equal("Rule.ReasonRequired", Refusal(() => Application(MatterType.ResumeExecution).DecideApplication(ApplicationVerdict.Refused, "  ", null, null, "judge", "法官", Received)));
    }
}
