using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

/// <summary>A matter from the historical ledger: its steps at the ledger's times, in order, and no alerts for deadlines long past.</summary>
public sealed class ImportedHistoryTests
{
    private static readonly DateTime Received = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 11, 27, 1, 30, 0, DateTimeKind.Utc);

    private static Matter NewMatter(MatterType type = MatterType.DebtorWhereabouts, DateTime? received = null) =>
        StandInCase.Receive(type, received ?? Received, "ZX-2026-00001", "coordinator");

    [Fact]
    public void Should_close_an_imported_matter_with_its_feedback_figures_at_the_ledgers_times()
    {
        var matter = NewMatter();

        matter.RecordImportedHistory(Received.AddHours(1), Received.AddHours(80), Received.AddHours(90), "找到本人", MatterOutcome.Found, Now);

        Assert.Equal(MatterStatus.Closed, matter.Status);
        Assert.Equal(Received, matter.RegisteredAtUtc);
        Assert.Equal(Received.AddHours(1), matter.DispatchedAtUtc);
        Assert.Equal(Received.AddHours(80), matter.FirstFedBackAtUtc);
        Assert.Equal(80 * 3600, matter.FeedbackCycleSeconds);
        Assert.False(matter.FedBackOnTime);
        Assert.Equal(Received.AddHours(90), matter.ClosedAtUtc);
        Assert.Null(matter.NextAlertAtUtc);
    }

    [Theory]
    [InlineData(null, 10, null, "Rule.Matter.ImportStepMissing")]
    [InlineData(5, null, 10, "Rule.Matter.ImportStepMissing")]
    [InlineData(5, 3, null, "Rule.Matter.ImportStepOutOfOrder")]
    [InlineData(-1, null, null, "Rule.Matter.ImportStepOutOfOrder")]
    [InlineData(5, 10_000, null, "Rule.Matter.ImportStepInFuture")]
    public void Should_refuse_steps_out_of_order_missing_or_in_the_future(int? dispatchedHours, int? fedBackHours, int? closedHours, string rule)
    {
        var matter = NewMatter();
        DateTime? At(int? hours) => hours is { } h ? Received.AddHours(h) : null;

        var refusal = Assert.Throws<DomainRuleException>(() => matter.RecordImportedHistory(At(dispatchedHours), At(fedBackHours), At(closedHours), "反馈", MatterOutcome.Found, Now));

        Assert.Equal(rule, refusal.MessageKey);
    }

    [Fact]
    public void Should_take_alerts_already_past_as_spent_and_keep_those_ahead()
    {
        var stale = NewMatter();
        var recent = NewMatter(received: Now.AddHours(-10));

        stale.RecordImportedHistory(null, null, null, null, null, Now);
        recent.RecordImportedHistory(Now.AddHours(-9), null, null, null, null, Now);

        Assert.Empty(stale.TakeDueAlerts(Now.AddDays(30)));
        Assert.Null(stale.NextAlertAtUtc);
        Assert.Equal(MatterStatus.Dispatched, recent.Status);
        Assert.Equal(recent.DueAtUtc.AddHours(-recent.DueSoonHours), recent.NextAlertAtUtc);
        Assert.Equal([AlertKind.DueSoon], recent.TakeDueAlerts(recent.DueAtUtc.AddHours(-1)));
    }
}
