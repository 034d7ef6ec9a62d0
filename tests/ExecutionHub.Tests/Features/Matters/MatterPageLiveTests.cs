using Bunit;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using MudBlazor;

namespace ExecutionHub.Tests.Features.Matters;

/// <summary>The coordinator's matter page while others work on the matter: the buttons follow its state without a reload, and a feedback draft being written is kept.</summary>
public sealed class MatterPageLiveTests : LivePageTest
{
    private const string FeedbackText = "textarea[data-testid=feedback-text], [data-testid=feedback-text] textarea";

    [Fact]
    public async Task Should_offer_the_accept_button_within_two_seconds_of_the_worker_submitting_a_finding()
    {
        var (page, _) = await OpenAsCoordinatorAsync();
        Assert.Empty(page.FindAll("[data-testid=task-accept]"));

        await ChangeMatterAsync(Scenario.MatterId, m => m.Tasks.Single().Submit(new Finding { VisitedAtUtc = Now.AddHours(-1), PersonFound = true, CurrentAddress = "上海市杨浦区河间路200弄3号" }, Now));

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=task-accept]")), Live);
        Assert.Equal("待审核", page.Find("[data-testid=task-status]").TextContent.Trim());
    }

    [Fact]
    public async Task Should_keep_the_draft_and_say_the_matter_changed_then_refuse_the_first_send_and_take_the_second()
    {
        await Scenario.SubmitFindingAsync();
        await Scenario.AcceptFindingAsync();
        var (page, dialogs) = await OpenAsCoordinatorAsync();
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(FeedbackText)), Patience);
        const string draft = "经网格员走访核实，被执行人现居河间路200弄3号，每日早7点前在家。";
        page.Find(FeedbackText).Change(draft);

        await ChangeMatterAsync(Scenario.MatterId, m => m.SetHardCase(true, "被执行人多次失联", Now));

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=stale-notice]")), Live);
        Assert.Equal(draft, TextOf(page.Find(FeedbackText)));

        await SendFeedbackAsync(page, dialogs);
        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll("[data-testid=stale-notice]")), Patience);
        Assert.Equal(MatterStatus.Dispatched, (await Scenario.MatterAsync()).Status);
        Assert.Equal(draft, TextOf(page.Find(FeedbackText)));

        await SendFeedbackAsync(page, dialogs);
        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll(FeedbackText)), Patience);
        var sent = await Scenario.MatterAsync();
        Assert.Equal((MatterStatus.FedBack, draft), (sent.Status, sent.Feedback));
    }

    [Fact]
    public async Task Should_not_carry_a_draft_over_to_another_matter_opened_in_the_same_page()
    {
        await Scenario.SubmitFindingAsync();
        await Scenario.AcceptFindingAsync();
        var other = await WorkflowScenario.ReferAsync(App);
        await other.AcceptAsync();
        await other.DispatchToAsync("grid.liu");
        await other.SubmitFindingAsync();
        await other.AcceptFindingAsync();
        var (page, _) = await OpenAsCoordinatorAsync();
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(FeedbackText)), Patience);
        page.Find(FeedbackText).Change("只写给第一个事项的反馈。");

        var otherReference = (await other.MatterAsync()).Reference;

        page.Render(p => p.Add(x => x.Id, other.MatterId));

        await page.WaitForAssertionAsync(() => Assert.Equal(otherReference, page.Find("[data-testid=matter-reference]").TextContent), Patience);
        Assert.Contains("河间路200弄3号", TextOf(page.Find(FeedbackText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_follow_its_own_matter_and_not_another()
    {
        var (page, _) = await OpenAsCoordinatorAsync();
        var live = page.FindComponent<LiveRefresh>().Instance;

        Assert.True(live.Follows(ChangeOf(Scenario.MatterId)));
        Assert.False(live.Follows(ChangeOf(Scenario.MatterId + 1)));
    }

    private async Task<(IRenderedComponent<MatterPage> Page, IRenderedComponent<MudDialogProvider> Dialogs)> OpenAsCoordinatorAsync()
    {
        await Scenario.AsAsync("coord.chen");
        AddAuthorization().SetAuthorized("coord.chen").SetRoles(Roles.Coordinator);
        var dialogs = UseApplication(Scope).Dialogs;
        var page = Render<MatterPage>(p => p.Add(x => x.Id, Scenario.MatterId));
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=matter-actions]")), Patience);
        return (page, dialogs);
    }

    /// <summary>反馈法院, then yes in the confirmation (the button awaits the dialog: fire it and answer the dialog).</summary>
    private static async Task SendFeedbackAsync(IRenderedComponent<MatterPage> page, IRenderedComponent<MudDialogProvider> dialogs)
    {
        var sending = page.InvokeAsync(() => page.Find("[data-testid=action-feedback]").Click());
        await dialogs.WaitForAssertionAsync(() => Assert.NotEmpty(YesButtons(dialogs)), Patience);
        await YesButtons(dialogs)[0].ClickAsync(new());
        await sending.WaitAsync(Patience);
    }

    private static List<AngleSharp.Dom.IElement> YesButtons(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindAll("button").Where(b => b.TextContent.Contains("反馈法院", StringComparison.Ordinal)).ToList();
}
