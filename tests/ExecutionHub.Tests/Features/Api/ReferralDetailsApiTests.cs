using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>A referral's details hold its type's fields, each within its length: anything else is a 400 naming the field, and nothing is saved.</summary>
public sealed class ReferralDetailsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<string> CaseNumberAsync()
    {
        await using var db = await host.App.DbAsync();
        var court = await host.DemoCourtIdAsync();
        return await db.Cases.Where(c => c.CourtId == court && c.Status != CaseStatus.Closed)
            .OrderBy(c => c.Id).Select(c => c.CaseNumber).FirstAsync();
    }

    private static object Referral(string caseNumber, object details) => new
    {
        caseNumber,
        type = "DebtorWhereabouts",
        request = "请核实被执行人现住址及作息",
        target = new { kind = "Person", name = "孙有财", identityNumber = "11010519491231002X" },
        details,
    };

    private async Task<int> MattersOnCaseAsync(string caseNumber)
    {
        await using var db = await host.App.DbAsync();
        return await db.Matters.CountAsync(m => m.Case!.CaseNumber == caseNumber);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task Should_answer_400_naming_the_field_and_save_nothing_for_a_detail_of_a_million_characters()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var caseNumber = await CaseNumberAsync();
        var before = await MattersOnCaseAsync(caseNumber);

        using var response = await api.PostAsJsonAsync("/api/v1/matters", Referral(caseNumber, new { lastKnownAddresses = "平凉路100弄3号", courtAlreadyTried = new string('x', 1_000_000) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("details.courtAlreadyTried", Assert.Single((await ErrorsAsync(response)).Keys));
        Assert.Equal(before, await MattersOnCaseAsync(caseNumber));
    }

    [Fact]
    public async Task Should_answer_400_naming_an_unknown_detail_field_and_save_nothing()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var caseNumber = await CaseNumberAsync();
        var before = await MattersOnCaseAsync(caseNumber);

        using var response = await api.PostAsJsonAsync("/api/v1/matters", Referral(caseNumber, new { lastKnownAddresses = "平凉路100弄3号", favouriteColour = "红" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("details.favouriteColour", Assert.Single((await ErrorsAsync(response)).Keys));
        Assert.Equal(before, await MattersOnCaseAsync(caseNumber));
    }

    [Fact]
    public async Task Should_answer_400_naming_a_detail_field_of_another_type()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        var caseNumber = await CaseNumberAsync();
        var before = await MattersOnCaseAsync(caseNumber);

        using var response = await api.PostAsJsonAsync("/api/v1/matters", Referral(caseNumber, new { lastKnownAddresses = "平凉路100弄3号", vehiclePlate = "沪A12345" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("details.vehiclePlate", Assert.Single((await ErrorsAsync(response)).Keys));
        Assert.Equal(before, await MattersOnCaseAsync(caseNumber));
    }
}
