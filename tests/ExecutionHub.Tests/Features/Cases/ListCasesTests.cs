using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Cases;

/// <summary>The case list over hand-built cases whose judges, parties and activity times the tests name.</summary>
public sealed class ListCasesTests : IAsyncLifetime
{
    private static readonly DateTime Now = TestApp.Start.UtcDateTime;

    private TestApp app = default!;
    private HandBuiltData data = default!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateAsync();
        data = await new HandBuiltData(app).WithOrganisationAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Should_list_a_judges_own_cases_by_default_and_the_whole_court_on_request_but_never_another_courts()
    {
        var mine = await data.AddCaseAsync(data.Judge);
        var colleagues = await data.AddCaseAsync(data.OtherJudge);
        var (otherCourtsJudge, otherStreet) = await OtherCourtAsync();
        var otherCourts = await data.AddCaseAsync(otherCourtsJudge, street: otherStreet);
        data.ActAs(data.Judge, Roles.Judge);

        var own = await app.SendAsync(new ListCases());
        var court = await app.SendAsync(new ListCases { WholeCourt = true });

        Assert.Equal([mine.Id], own.Rows.Select(r => r.Id));
        Assert.Equal(1, own.Total);
        Assert.Equal([colleagues.Id, mine.Id], court.Rows.Select(r => r.Id).Order().Reverse());
        Assert.Equal(2, court.Total);
        Assert.DoesNotContain(otherCourts.Id, court.Rows.Select(r => r.Id));
        Assert.Equal(("法官乙", "测试街道"), court.Rows.Where(r => r.Id == colleagues.Id).Select(r => (r.JudgeName, r.StreetName)).Single());
    }

    [Fact]
    public async Task Should_not_take_a_judges_cases_of_a_former_court_into_their_own_list()
    {
        var (otherCourtsJudge, otherStreet) = await OtherCourtAsync();
        await data.AddCaseAsync(data.Judge, street: otherStreet);
        var mine = await data.AddCaseAsync(data.Judge);
        data.ActAs(data.Judge, Roles.Judge);

        var own = await app.SendAsync(new ListCases());

        Assert.Equal([mine.Id], own.Rows.Select(r => r.Id));
        Assert.NotNull(otherCourtsJudge);
    }

    [Fact]
    public async Task Should_list_a_coordinators_street_whoever_the_judge_and_ignore_the_court_switch()
    {
        var here = await data.AddCaseAsync(data.Judge);
        var alsoHere = await data.AddCaseAsync(data.OtherJudge);
        var elsewhere = await data.AddCaseAsync(data.Judge, street: await SecondStreetAsync());
        data.ActAsStreet(Roles.Coordinator, data.Street.Id);

        var page = await app.SendAsync(new ListCases { WholeCourt = true });

        Assert.Equal([alsoHere.Id, here.Id], page.Rows.Select(r => r.Id));
        Assert.DoesNotContain(elsewhere.Id, page.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Should_find_a_case_by_its_whole_number_in_either_bracket_style_or_by_its_beginning()
    {
        var first = await NumberedAsync("(2026)沪0199执2001号");
        var second = await NumberedAsync("(2026)沪0199执2002号");
        await NumberedAsync("(2026)沪0199执3001号");
        data.ActAs(data.Judge, Roles.Judge);

        var whole = await app.SendAsync(new ListCases { Search = "（2026）沪0199执2001号" });
        var beginning = await app.SendAsync(new ListCases { Search = "2026沪0199执200" });
        var bracketed = await app.SendAsync(new ListCases { Search = "(2026)沪0199执200" });
        var nothing = await app.SendAsync(new ListCases { Search = "(2025)沪0199执" });

        Assert.Equal([first.Id], whole.Rows.Select(r => r.Id));
        Assert.Equal([second.Id, first.Id], beginning.Rows.Select(r => r.Id));
        Assert.Equal(beginning.Rows.Select(r => r.Id), bracketed.Rows.Select(r => r.Id));
        Assert.Empty(nothing.Rows);
        Assert.Equal(0, nothing.Total);
    }

    [Fact]
    public async Task Should_find_cases_by_a_partys_whole_name_or_its_first_characters_and_show_every_person_masked()
    {
        var zhang = await data.AddCaseAsync(data.Judge);
        var zhou = await data.AddCaseAsync(data.Judge);
        var company = await data.AddCaseAsync(data.Judge);
        await NameAsync(zhang, applicant: "李四", respondent: "张三丰");
        await NameAsync(zhou, applicant: "张小明", respondent: "周五");
        await NameAsync(company, applicant: "王五", respondent: "上海张氏置业有限公司", respondentKind: PartyKind.Organisation);
        data.ActAs(data.Judge, Roles.Judge);

        var whole = await app.SendAsync(new ListCases { Search = "张三丰" });
        var surname = await app.SendAsync(new ListCases { Search = "张" });
        var organisation = await app.SendAsync(new ListCases { Search = "上海张氏" });

        var row = Assert.Single(whole.Rows);
        Assert.Equal(zhang.Id, row.Id);
        Assert.Equal(["李*"], row.Applicants);
        Assert.Equal(["张*丰"], row.Respondents);
        Assert.Equal([zhou.Id, zhang.Id], surname.Rows.Select(r => r.Id));
        Assert.Equal(["张*明"], surname.Rows[0].Applicants);
        Assert.DoesNotContain(surname.Rows.SelectMany(r => r.Applicants.Concat(r.Respondents)), n => n is "张三丰" or "张小明" or "李四" or "周五");
        Assert.Equal(["上海张氏置业有限公司"], Assert.Single(organisation.Rows).Respondents);
    }

    [Fact]
    public async Task Should_filter_by_case_status_and_by_having_an_open_matter()
    {
        var working = await data.AddCaseAsync(data.Judge);
        var settled = await data.AddCaseAsync(data.Judge, CaseStatus.Settled);
        var done = await data.AddCaseAsync(data.Judge);
        await data.AddMatterAsync(working, Now.AddHours(-5), MatterStatus.Dispatched);
        await data.AddMatterAsync(working, Now.AddHours(-4), MatterStatus.Consolidated);
        await data.AddMatterAsync(settled, Now.AddHours(-3), MatterStatus.Received);
        await data.AddMatterAsync(done, Now.AddHours(-2), MatterStatus.Closed);
        await data.AddMatterAsync(done, Now.AddHours(-1), MatterStatus.FedBack);
        data.ActAs(data.Judge, Roles.Judge);

        var settledOnly = await app.SendAsync(new ListCases { Status = CaseStatus.Settled });
        var open = await app.SendAsync(new ListCases { OpenMattersOnly = true });
        var openInExecution = await app.SendAsync(new ListCases { OpenMattersOnly = true, Status = CaseStatus.InExecution });
        var all = await app.SendAsync(new ListCases());

        Assert.Equal([settled.Id], settledOnly.Rows.Select(r => r.Id));
        Assert.Equal([settled.Id, working.Id], open.Rows.Select(r => r.Id).Order().Reverse());
        Assert.Equal([working.Id], openInExecution.Rows.Select(r => r.Id));
        Assert.Equal(
            [(working.Id, 2), (settled.Id, 1), (done.Id, 0)],
            all.Rows.Select(r => (r.Id, r.OpenMatters)).OrderBy(r => r.Id));
    }

    [Fact]
    public async Task Should_put_the_case_with_the_latest_line_on_its_timeline_first_and_a_case_without_one_at_its_filing_day()
    {
        var quiet = await data.AddCaseAsync(data.Judge, filedOn: new DateOnly(2026, 11, 26));
        var busy = await data.AddCaseAsync(data.Judge);
        var recent = await data.AddCaseAsync(data.Judge);
        await LineAsync(busy, Now.AddDays(-3));
        await LineAsync(busy, Now.AddHours(-2));
        await LineAsync(recent, Now.AddHours(-6));
        data.ActAs(data.Judge, Roles.Judge);

        var page = await app.SendAsync(new ListCases());

        // Entered today, filed yesterday and untouched since: it counts from 00:00 on 26 November in Shanghai.
        Assert.Equal(
            [(busy.Id, Now.AddHours(-2)), (recent.Id, Now.AddHours(-6)), (quiet.Id, new DateTime(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc))],
            page.Rows.Select(r => (r.Id, r.LastActivityAtUtc)));
    }

    [Fact]
    public async Task Should_move_a_case_up_when_a_use_case_writes_its_timeline_and_never_back_down_for_an_older_line()
    {
        var first = await data.AddCaseAsync(data.Judge);
        var second = await data.AddCaseAsync(data.Judge);
        await LineAsync(first, Now.AddHours(-3));
        await LineAsync(second, Now.AddHours(-2));
        data.ActAs(data.Judge, Roles.Judge);
        app.Clock.Advance(TimeSpan.FromMinutes(10));

        await app.SendAsync(new SetCaseTags(first.Id, CaseTags.UrbanRenewal));
        await LineAsync(first, Now.AddDays(-30));

        var page = await app.SendAsync(new ListCases());
        Assert.Equal([(first.Id, Now.AddMinutes(10)), (second.Id, Now.AddHours(-2))], page.Rows.Select(r => (r.Id, r.LastActivityAtUtc)));
    }

    [Fact]
    public async Task Should_date_a_quiet_case_by_its_first_line_even_when_history_recorded_later_is_older_than_its_filing_day()
    {
        var @case = await data.AddCaseAsync(data.Judge, filedOn: new DateOnly(2026, 11, 26));
        await LineAsync(@case, Now.AddDays(-20));
        await LineAsync(@case, Now.AddDays(-30));
        data.ActAs(data.Judge, Roles.Judge);

        var row = Assert.Single((await app.SendAsync(new ListCases())).Rows);

        Assert.Equal(Now.AddDays(-20), row.LastActivityAtUtc);
    }

    [Fact]
    public async Task Should_page_on_the_server_in_a_stable_order_with_the_total_count()
    {
        var ids = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await data.AddCaseAsync(data.Judge)).Id);
        }

        data.ActAs(data.Judge, Roles.Judge);

        var pages = new List<CaseListPage>();
        for (var page = 0; page < 3; page++)
        {
            pages.Add(await app.SendAsync(new ListCases { Page = page, PageSize = 3 }));
        }

        // Every case was created at the same moment: the newest id comes first and no case repeats or goes missing.
        Assert.All(pages, p => Assert.Equal(7, p.Total));
        Assert.Equal([3, 3, 1], pages.Select(p => p.Rows.Count));
        Assert.Equal(Enumerable.Reverse(ids), pages.SelectMany(p => p.Rows).Select(r => r.Id));
    }

    [Fact]
    public async Task Should_refuse_grid_workers_and_street_officers_and_a_page_size_over_a_hundred()
    {
        await data.AddCaseAsync(data.Judge);

        data.ActAsStreet(Roles.StreetOfficer, data.Street.Id);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListCases()));
        data.ActAsStreet(Roles.GridWorker, data.Street.Id);
        await Assert.ThrowsAsync<RequestRefusedException>(() => app.SendAsync(new ListCases()));
        data.ActAs(data.Judge, Roles.Judge);
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(new ListCases { PageSize = 101 }));
    }

    [Theory]
    [InlineData("(2025)沪0110", "(2025)沪0110")]
    [InlineData("（2025）沪0110执1", "(2025)沪0110执1")]
    [InlineData("2025沪0110执12", "(2025)沪0110执12")]
    [InlineData("2025", "(2025")]
    [InlineData("2025)", "(2025)")]
    [InlineData("张三", null)]
    [InlineData("202", null)]
    public void Should_read_the_beginning_of_a_case_number_in_its_stored_form(string typed, string? stored) =>
        Assert.Equal(stored, ListCasesHandler.CaseNumberPrefix(typed));

    private async Task LineAsync(ExecutionCase @case, DateTime atUtc)
    {
        await using var db = await app.DbAsync();
        db.Timeline.Add(new TimelineEntry { CaseId = @case.Id, AtUtc = atUtc, ActorId = data.Judge.Id, ActorName = "法官甲", Event = "Timeline.MilestoneRecorded" });
        await db.SaveChangesAsync();
    }

    private async Task<ExecutionCase> NumberedAsync(string caseNumber)
    {
        var @case = await data.AddCaseAsync(data.Judge);
        await using var db = await app.DbAsync();
        await db.Cases.Where(c => c.Id == @case.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CaseNumber, caseNumber));
        return @case;
    }

    private async Task NameAsync(ExecutionCase @case, string applicant, string respondent, PartyKind respondentKind = PartyKind.Person)
    {
        await using var db = await app.DbAsync();
        await db.CaseParties.Where(p => p.CaseId == @case.Id && p.Role == PartyRole.Applicant).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, applicant));
        await db.CaseParties.Where(p => p.CaseId == @case.Id && p.Role == PartyRole.Respondent)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, respondent).SetProperty(p => p.Kind, respondentKind));
    }

    private async Task<Street> SecondStreetAsync()
    {
        await using var db = await app.DbAsync();
        var street = new Street { Name = "第二街道", CourtId = data.Court.Id };
        db.Streets.Add(street);
        await db.SaveChangesAsync();
        return street;
    }

    private async Task<(AppUser Judge, Street Street)> OtherCourtAsync()
    {
        await using var db = await app.DbAsync();
        var court = new Court { Name = "另一区人民法院", CaseCode = "沪0198" };
        var street = new Street { Name = "另一街道", Court = court };
        var judge = new AppUser { UserName = "j3", DisplayName = "法官丙", CreatedAtUtc = Now };
        db.AddRange(court, street, judge);
        await db.SaveChangesAsync();
        judge.CourtId = court.Id;
        await db.SaveChangesAsync();
        return (judge, street);
    }
}
