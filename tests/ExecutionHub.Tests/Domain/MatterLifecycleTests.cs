using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

public sealed class MatterLifecycleTests
{
    private static readonly DateTime Received = new(2026, 11, 27, 1, 0, 0, DateTimeKind.Utc);

    private static Matter NewMatter() => StandInCase.Receive(MatterType.DebtorWhereabouts, Received, "ZX-2026-0001");

    private static VerificationTask AddTask(Matter matter) 
    {
        var task = new VerificationTask { Matter = matter, AssigneeId = "grid", AssignedAtUtc = Received, DueAtUtc = Received.AddHours(48) };
        matter.Tasks.Add(task);
        return task;
    }

    private static Finding Found() => new() { VisitedAtUtc = Received.AddHours(5), PersonFound = true, CurrentAddress = "平凉路1号" };

    [Fact]
    public void A_matter_is_due_exactly_72_hours_after_receipt()
    {
        var matter = NewMatter();

        Assert.Equal(Received.AddHours(72), matter.DueAtUtc);
        Assert.Equal(TimeSpan.FromHours(72), matter.Clock(Received).TimeLeft);
        Assert.False(matter.Clock(Received.AddHours(72)).IsOverdue);
        Assert.True(matter.Clock(Received.AddHours(72).AddSeconds(1)).IsOverdue);
    }

    [Fact]
    public void The_whole_happy_path_runs_received_to_closed()
    {
        var matter = NewMatter();
        matter.Register(Received.AddMinutes(10));
        var task = AddTask(matter);
        matter.MarkDispatched(Received.AddMinutes(20));
        task.Submit(Found(), Received.AddHours(6));
        task.Accept(Received.AddHours(7));
        matter.Consolidate("被执行人现居平凉路1号。", MatterOutcome.Found, Received.AddHours(8));
        matter.FeedBack(Received.AddHours(9));
        matter.Acknowledge(Received.AddHours(10));
        matter.Close(Received.AddHours(11));

        Assert.Equal(MatterStatus.Closed, matter.Status);
        Assert.Equal(TimeSpan.FromHours(9), matter.Clock(Received.AddDays(5)).FeedbackCycle);
        Assert.True(matter.Clock(Received.AddDays(5)).IsStopped);
        Assert.False(matter.Clock(Received.AddDays(5)).IsOverdue);
    }

    [Fact]
    public void A_ten_hour_pause_moves_the_due_time_and_is_left_out_of_the_feedback_cycle()
    {
        var matter = NewMatter();
        var task = AddTask(matter);
        matter.MarkDispatched(Received);
        matter.Pause("等待法院补充材料", Received.AddHours(2));

        Assert.Equal(TimeSpan.FromHours(70), matter.Clock(Received.AddHours(9)).TimeLeft);
        Assert.True(matter.Clock(Received.AddHours(9)).IsPaused);

        matter.Resume(Received.AddHours(12));
        task.Submit(Found(), Received.AddHours(20));
        task.Accept(Received.AddHours(20));
        matter.Consolidate("找到了", MatterOutcome.Found, Received.AddHours(21));
        matter.FeedBack(Received.AddHours(30));

        Assert.Equal(Received.AddHours(82), matter.DueAtUtc);
        Assert.Equal(Received.AddHours(58), task.DueAtUtc);
        Assert.Equal(TimeSpan.FromHours(10), matter.Clock(Received.AddHours(40)).Paused);
        Assert.Equal(TimeSpan.FromHours(20), matter.Clock(Received.AddHours(40)).FeedbackCycle);
    }

    [Fact]
    public void Pause_resume_and_extension_each_give_the_deadline_a_new_version()
    {
        var matter = NewMatter();
        matter.Pause("等待法院", Received.AddHours(1));
        matter.Resume(Received.AddHours(2));
        matter.Extend(Received.AddHours(100), "法官批准延期", Received.AddHours(3));

        Assert.Equal(4, matter.DeadlineVersion);
        Assert.Equal(Received.AddHours(100), matter.DueAtUtc);
    }

    [Fact]
    public void An_extension_must_move_the_due_time_later()
    {
        var matter = NewMatter();

        var refused = Assert.Throws<DomainRuleException>(() => matter.Extend(Received.AddHours(10), "太早", Received.AddHours(1)));

        Assert.Equal("Rule.Matter.ExtensionMustBeLater", refused.MessageKey);
        Assert.Equal(Received.AddHours(72), matter.DueAtUtc);
    }

    [Fact]
    public void A_returned_matter_fed_back_again_keeps_its_first_cycle()
    {
        var matter = NewMatter();
        var task = AddTask(matter);
        matter.MarkDispatched(Received);
        task.Submit(Found(), Received.AddHours(3));
        task.Accept(Received.AddHours(3));
        matter.Consolidate("初步反馈", MatterOutcome.Found, Received.AddHours(4));
        matter.FeedBack(Received.AddHours(5));

        matter.ReturnForMoreWork("请补充作息规律", Received.AddHours(6));
        var second = AddTask(matter);
        matter.MarkDispatched(Received.AddHours(7));
        second.Submit(Found(), Received.AddHours(20));
        second.Accept(Received.AddHours(21));
        matter.Consolidate("补充反馈", MatterOutcome.Found, Received.AddHours(22));
        matter.FeedBack(Received.AddHours(23));

        Assert.Equal(1, matter.ReturnCount);
        Assert.Equal(TimeSpan.FromHours(5), matter.Clock(Received.AddHours(30)).FeedbackCycle);
        Assert.Equal(Received.AddHours(23), matter.FedBackAtUtc);
    }

    [Fact]
    public void Consolidation_waits_until_every_task_is_accepted_or_waived()
    {
        var matter = NewMatter();
        var done = AddTask(matter);
        var open = AddTask(matter);
        matter.MarkDispatched(Received);
        done.Submit(Found(), Received.AddHours(1));
        done.Accept(Received.AddHours(1));

        Assert.Equal("Rule.Matter.TasksNotSettled", Assert.Throws<DomainRuleException>(() => matter.Consolidate("x", MatterOutcome.Found, Received.AddHours(2))).MessageKey);

        open.Waive("该车辆已过户", Received.AddHours(2));
        matter.Consolidate("x", MatterOutcome.Found, Received.AddHours(2));
        Assert.Equal(MatterStatus.Consolidated, matter.Status);
    }

    public static TheoryData<string, Action<Matter>> IllegalMoves => new()
    {
        { "close a received matter", m => m.Close(Received) },
        { "feed back before consolidation", m => m.FeedBack(Received) },
        { "return a matter not fed back", m => m.ReturnForMoreWork("原因", Received) },
        { "consolidate without tasks", m => m.Consolidate("反馈", MatterOutcome.Found, Received) },
        { "resume a running clock", m => m.Resume(Received) },
        { "pause without a reason", m => m.Pause(" ", Received) },
        { "cancel without a reason", m => m.Cancel("", Received) },
        { "acknowledge before feedback", m => m.Acknowledge(Received) },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Illegal_moves_are_refused_and_change_nothing(string move, Action<Matter> act)
    {
        var matter = NewMatter();
        var before = (matter.Status, matter.DueAtUtc, matter.DeadlineVersion, matter.PausedAtUtc);

        Assert.Throws<DomainRuleException>(() => act(matter));

        Assert.True(before == (matter.Status, matter.DueAtUtc, matter.DeadlineVersion, matter.PausedAtUtc), move);
    }

    [Fact]
    public void A_closed_matter_cannot_be_paused_cancelled_or_extended()
    {
        var matter = NewMatter();
        var task = AddTask(matter);
        matter.MarkDispatched(Received);
        task.Submit(Found(), Received);
        task.Accept(Received);
        matter.Consolidate("x", MatterOutcome.Found, Received);
        matter.FeedBack(Received);
        matter.Close(Received);

        Assert.Throws<DomainRuleException>(() => matter.Pause("原因", Received));
        Assert.Throws<DomainRuleException>(() => matter.Cancel("原因", Received));
        Assert.Throws<DomainRuleException>(() => matter.Extend(Received.AddDays(9), "原因", Received));
    }

    [Fact]
    public void Cancelling_a_paused_matter_ends_the_pause_and_waives_open_tasks()
    {
        var matter = NewMatter();
        var task = AddTask(matter);
        matter.MarkDispatched(Received);
        matter.Pause("等待", Received.AddHours(1));

        matter.Cancel("申请人撤回", Received.AddHours(3));

        Assert.Equal(MatterStatus.Cancelled, matter.Status);
        Assert.False(matter.IsPaused);
        Assert.Equal(TimeSpan.FromHours(2), matter.Clock(Received.AddHours(5)).Paused);
        Assert.Equal(VerificationTaskStatus.Waived, task.Status);
    }

    [Fact]
    public void A_grid_worker_cannot_submit_while_the_matter_is_paused()
    {
        var matter = NewMatter();
        var task = AddTask(matter);
        matter.MarkDispatched(Received);
        matter.Pause("等待", Received.AddHours(1));

        Assert.Equal("Rule.Task.MatterPaused", Assert.Throws<DomainRuleException>(() => task.Submit(Found(), Received.AddHours(2))).MessageKey);
        Assert.Equal(VerificationTaskStatus.Assigned, task.Status);
    }

    [Fact]
    public void A_returned_finding_can_be_submitted_again()
    {
        var matter = NewMatter();
        var task = AddTask(matter);
        matter.MarkDispatched(Received);
        task.Submit(Found(), Received.AddHours(1));
        task.ReturnToAssignee("请补充照片", Received.AddHours(2));

        task.Submit(Found(), Received.AddHours(3));

        Assert.Equal(VerificationTaskStatus.Submitted, task.Status);
    }

    public static TheoryData<string> ClockStates => ["running", "paused", "fed back", "cancelled while paused"];

    /// <summary>A page lets a clock it has read run on by itself; it must show what a fresh reading would.</summary>
    [Theory]
    [MemberData(nameof(ClockStates))]
    public void Should_read_the_same_when_a_clock_is_run_forward_as_when_it_is_read_again_later(string state)
    {
        var matter = NewMatter();
        var task = AddTask(matter);
        matter.MarkDispatched(Received.AddHours(1));
        switch (state)
        {
            case "paused":
                matter.Pause("等待材料", Received.AddHours(2));
                break;
            case "fed back":
                task.Submit(Found(), Received.AddHours(5));
                task.Accept(Received.AddHours(6));
                matter.Consolidate("被执行人现居平凉路1号。", MatterOutcome.Found, Received.AddHours(7));
                matter.FeedBack(Received.AddHours(8));
                break;
            case "cancelled while paused":
                matter.Pause("等待材料", Received.AddHours(2));
                matter.Cancel("申请人撤回", Received.AddHours(5));
                break;
        }

        var readAt = Received.AddHours(10);
        foreach (var elapsed in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromHours(70), TimeSpan.FromDays(9) })
        {
            var ranOn = matter.Clock(readAt).After(elapsed);
            var fresh = matter.Clock(readAt + elapsed);
            Assert.Equal((fresh.TimeLeft, fresh.IsOverdue, fresh.IsPaused, fresh.IsStopped), (ranOn.TimeLeft, ranOn.IsOverdue, ranOn.IsPaused, ranOn.IsStopped));
        }
    }

    [Fact]
    public void Should_not_run_a_clock_backwards_when_the_page_is_behind_the_reading()
    {
        var clock = NewMatter().Clock(Received);

        Assert.Equal(clock, clock.After(TimeSpan.FromMinutes(-5)));
    }

    [Fact]
    public void Should_refuse_a_past_feedback_that_lies_in_the_future_or_before_receipt()
    {
        var future = NewMatter();
        var early = NewMatter();
        var recorded = NewMatter();

        Assert.Equal("Rule.Matter.FedBackInFuture", Assert.Throws<DomainRuleException>(() => future.RecordPastFeedback("反馈", MatterOutcome.Found, Received.AddHours(30), Received.AddHours(20))).MessageKey);
        Assert.Equal("Rule.Matter.FedBackBeforeReceived", Assert.Throws<DomainRuleException>(() => early.RecordPastFeedback("反馈", MatterOutcome.Found, Received.AddHours(-1), Received.AddHours(20))).MessageKey);
        recorded.RecordPastFeedback("反馈", MatterOutcome.Found, Received.AddHours(10), Received.AddHours(20));
        Assert.Equal(10 * 3600, recorded.FeedbackCycleSeconds);
        Assert.True(recorded.FedBackOnTime);
    }
}
