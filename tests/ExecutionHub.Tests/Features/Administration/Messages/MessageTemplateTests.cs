using ExecutionHub.Tests.Features.Cases;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Messages;
using ExecutionHub.Web.Infrastructure;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Startup;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Administration.Messages;

public sealed class MessageTemplateTests
{
    [Fact]
    public async Task Start_up_gives_every_kind_its_built_in_template_once_and_keeps_the_administrators_edits()
    {
        await using var app = await TestApp.CreateAsync();
        await using (var db = await app.DbAsync())
        {
            Assert.Equal(Enum.GetValues<MilestoneKind>().Length, await db.MessageTemplates.CountAsync());
            var closure = await db.MessageTemplates.SingleAsync(t => t.Kind == MilestoneKind.Closure);
            Assert.Equal(MilestoneRules.DefaultTemplate(MilestoneKind.Closure), closure.Body);
            closure.Body = "{CaseNumber}已结案。";
            await db.SaveChangesAsync();
        }

        await app.Services.InitialiseDatabaseAsync();

        await using var check = await app.DbAsync();
        Assert.Equal(Enum.GetValues<MilestoneKind>().Length, await check.MessageTemplates.CountAsync());
        Assert.Equal("{CaseNumber}已结案。", await check.MessageTemplates.Where(t => t.Kind == MilestoneKind.Closure).Select(t => t.Body).SingleAsync());
    }

    [Fact]
    public async Task A_saved_template_is_the_text_of_the_next_milestone_message_and_is_audited()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await app.SignInAsAsync("admin");

        await app.SendAsync(new SaveMessageTemplate { Kind = MilestoneKind.PaymentReceived, Body = "  {Court}通知：{CaseNumber}于{Date}到账{Amount}元。 " });
        var templates = await app.SendAsync(new GetMessageTemplates());
        await app.SignInAsAsync("judge.wang");
        await app.SendAsync(scenario.Milestone(MilestoneKind.PaymentReceived, 300m, new DateOnly(2026, 11, 26)));

        var edited = templates.Templates.Single(t => t.Kind == MilestoneKind.PaymentReceived);
        Assert.Equal(("{Court}通知：{CaseNumber}于{Date}到账{Amount}元。", false), (edited.Body, edited.IsBuiltIn));
        Assert.All(templates.Templates.Where(t => t.Kind != MilestoneKind.PaymentReceived), t => Assert.True(t.IsBuiltIn));
        Assert.All(await scenario.OutboxAsync(), m => Assert.Equal($"上海市杨浦区人民法院通知：{scenario.Case.CaseNumber}于2026年11月26日到账300.00元。", m.Body));
        await using var db = await app.DbAsync();
        Assert.True(await db.Audit.AnyAsync(a => a.Action == "Templates.Saved" && a.Subject == "MessageTemplate PaymentReceived"));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("{CaseNumber}{Debtor}已结案。")]
    [InlineData("{casenumber}已结案。")]
    public async Task An_empty_text_or_an_unknown_placeholder_is_refused(string body)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");

        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new SaveMessageTemplate { Kind = MilestoneKind.Closure, Body = body }));
    }

    [Fact]
    public void A_text_longer_than_300_characters_is_refused_and_300_is_accepted()
    {
        var validator = new SaveMessageTemplateValidator();

        Assert.True(validator.Validate(new SaveMessageTemplate { Kind = MilestoneKind.Closure, Body = new string('字', 300) }).IsValid);
        Assert.False(validator.Validate(new SaveMessageTemplate { Kind = MilestoneKind.Closure, Body = new string('字', 301) }).IsValid);
    }

    [Theory]
    [InlineData("judge.wang")]
    [InlineData("coord.chen")]
    public async Task Only_an_administrator_edits_templates(string userName)
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync(userName);

        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new SaveMessageTemplate { Kind = MilestoneKind.Closure, Body = "已结案" }));
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new GetMessageTemplates()));
    }
}
