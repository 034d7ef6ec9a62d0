using Bunit;
using ExecutionHub.Tests.Components;
using ExecutionHub.Web.Components.Shared;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.Messages;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Features.Administration.Messages;

public sealed class MessageTemplatesPageTests : BunitTestBase, IAsyncLifetime
{
    private TestApp app = default!;
    private AsyncServiceScope scope;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestApp.CreateAsync(demoData: true);
        await app.SignInAsAsync("admin");
        scope = app.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        Services.AddScoped(_ => provider.GetRequiredService<ISender>());
        Services.AddScoped(_ => provider.GetRequiredService<IValidator<SaveMessageTemplate>>());
        Services.AddSingleton(_ => provider.GetRequiredService<TimeProvider>());
        Services.AddScoped<UiSender>();
        RenderProviders();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_preview_follows_the_text_and_save_stores_it()
    {
        var cut = Render<MessageTemplatesPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal(7, cut.FindAll("[data-testid^=template-preview-]").Count));
        Assert.Contains("【上海市杨浦区人民法院】您申请执行的(2026)沪0110执1234号案件，双方当事人已于2026年11月27日达成执行和解，和解金额12,345.67元。",
            cut.Find("[data-testid=template-preview-Settlement]").TextContent, StringComparison.Ordinal);

        cut.Find("textarea[data-testid=template-body-Settlement]").Input("{CaseNumber}和解{Amount}元");
        await cut.WaitForAssertionAsync(() => Assert.Equal("(2026)沪0110执1234号和解12,345.67元", cut.Find("[data-testid=template-preview-Settlement]").TextContent.Trim()));
        await cut.Find("[data-testid=template-save-Settlement]").ClickAsync(new());

        await using var db = await app.DbAsync();
        Assert.Equal("{CaseNumber}和解{Amount}元", await db.MessageTemplates.Where(t => t.Kind == MilestoneKind.Settlement).Select(t => t.Body).SingleAsync());
    }

    [Fact]
    public async Task An_unknown_placeholder_is_shown_under_the_field_and_not_saved()
    {
        var cut = Render<MessageTemplatesPage>();
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("textarea[data-testid=template-body-Closure]")));

        cut.Find("textarea[data-testid=template-body-Closure]").Input("{被执行人}已结案");
        await cut.Find("[data-testid=template-save-Closure]").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Contains("不支持的占位符：{被执行人}", cut.Markup, StringComparison.Ordinal));
        await using var db = await app.DbAsync();
        Assert.Equal(MilestoneRules.DefaultTemplate(MilestoneKind.Closure), await db.MessageTemplates.Where(t => t.Kind == MilestoneKind.Closure).Select(t => t.Body).SingleAsync());
    }
}
