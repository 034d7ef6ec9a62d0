using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using static ExecutionHub.Tests.Features.Imports.LedgerScenario;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>The ledger import through the API, into the hand-built court 沪0199 (its own host: the figures must be only the ledger's).</summary>
public sealed class ImportApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static StringContent CsvBody(byte[] csv) => new(Encoding.UTF8.GetString(csv), Encoding.UTF8, "text/csv");

    [Fact]
    public async Task An_imported_ledger_gives_exactly_the_hand_computed_headline_figures_and_a_second_import_adds_nothing()
    {
        var data = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync("台账导入系统", data.Court.Id, ApiScopes.ImportsWrite, ApiScopes.StatisticsRead);
        using var api = host.Client(client.Key);
        var url = $"/api/v1/imports/ledger?street={data.Street.Id}&judgeId={data.Judge.Id}";

        var first = await api.PostAsync(url, CsvBody(Csv(FedBackRows)));

        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var report = (await first.Content.ReadFromJsonAsync<LedgerImportReport>(Web.Features.Api.ApiProblems.Json))!;
        Assert.True(report.Saved);
        Assert.Equal(6, report.MattersCreated);

        using var figures = JsonDocument.Parse(await api.GetStringAsync("/api/v1/statistics/headline?from=2026-11-01&to=2026-11-27"));
        var root = figures.RootElement;
        Assert.Equal(2, root.GetProperty("whereaboutsVerified").GetInt32());
        Assert.Equal(2, root.GetProperty("assetCluesVerified").GetInt32());
        Assert.Equal(Math.Round((10 + 30 + 50 + 80 + 24 + 36) / 6.0, 2), root.GetProperty("averageFeedbackCycleHours").GetDouble());
        Assert.Equal(Math.Round(5 / 6.0, 4), root.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(0, root.GetProperty("open").GetInt32());

        var againResponse = await api.PostAsync(url, CsvBody(Csv(FedBackRows)));
        Assert.Equal(HttpStatusCode.OK, againResponse.StatusCode);
        var againJson = await againResponse.Content.ReadAsStringAsync();
        Assert.Equal("nothing_new", JsonDocument.Parse(againJson).RootElement.GetProperty("status").GetString());
        var again = JsonSerializer.Deserialize<LedgerImportReport>(againJson, Web.Features.Api.ApiProblems.Json)!;
        Assert.Equal(0, again.MattersCreated);
        Assert.Equal(6, again.DuplicatesSkipped);
        await using var db = await host.App.DbAsync();
        Assert.Equal(6, await db.Matters.CountAsync(m => m.CourtId == data.Court.Id));
    }

    [Fact]
    public async Task A_ledger_with_a_bad_row_is_422_naming_the_row_and_column_and_imports_nothing()
    {
        var data = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync("台账错误测试", data.Court.Id, ApiScopes.ImportsWrite);
        using var api = host.Client(client.Key);
        await using var before = await host.App.DbAsync();
        var count = await before.Matters.CountAsync();
        var rows = FedBackRows.ToArray();
        rows[2] = With(rows[2], LedgerFile.MatterType, "teleportation");

        var response = await api.PostAsync($"/api/v1/imports/ledger?street={data.Street.Id}&judgeId={data.Judge.Id}", CsvBody(Csv(rows)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var bad = Assert.Single(problem.RootElement.GetProperty("rows").EnumerateArray());
        Assert.Equal(4, bad.GetProperty("row").GetInt32());
        Assert.Equal(LedgerFile.MatterType, bad.GetProperty("column").GetString());
        await using var after = await host.App.DbAsync();
        Assert.Equal(count, await after.Matters.CountAsync());
    }

    [Fact]
    public async Task A_client_cannot_import_into_another_courts_street_or_without_the_scope()
    {
        var data = await host.OtherOrganisationAsync();
        int demoStreet;
        await using (var db = await host.App.DbAsync())
        {
            demoStreet = await db.Streets.Where(s => s.CourtId != data.Court.Id).Select(s => s.Id).FirstAsync();
        }

        var importer = await host.RegisterAsync("越权导入系统", data.Court.Id, ApiScopes.ImportsWrite);
        var reader = await host.RegisterAsync("无导入权限系统", data.Court.Id, ApiScopes.StatisticsRead);
        using var api = host.Client(importer.Key);
        using var readOnly = host.Client(reader.Key);

        // Another court's street reads like one that does not exist: 422 naming the field, nothing about that court.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PostAsync($"/api/v1/imports/ledger?street={demoStreet}", CsvBody(Csv(FedBackRows)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync($"/api/v1/imports/ledger?street={data.Street.Id}", CsvBody(Csv(FedBackRows)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("/api/v1/imports/ledger", CsvBody(Csv(FedBackRows)))).StatusCode);
    }

    [Fact]
    public async Task A_ledger_sent_as_xlsx_is_read_as_a_spreadsheet_by_its_content_type_and_the_answer_says_checked()
    {
        var data = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync("台账XLSX测试", data.Court.Id, ApiScopes.ImportsWrite);
        using var api = host.Client(client.Key);
        var rows = FedBackRows.Select((row, i) => With(row, LedgerFile.CaseNumber, $"(2026)沪0199执{900 + i}号")).ToArray();
        using var sheet = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(sheet, rows.Select(row => LedgerFile.Columns.Select((c, i) => (c, row[i])).ToDictionary(x => x.c, x => (object?)x.Item2)).ToArray());
        using var body = new ByteArrayContent(sheet.ToArray());
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Web.Features.Api.ImportEndpoints.XlsxContentType);

        var response = await api.PostAsync($"/api/v1/imports/ledger?street={data.Street.Id}&judgeId={data.Judge.Id}&dryRun=true", body);

        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("checked", root.GetProperty("status").GetString());
        Assert.Equal(6, root.GetProperty("mattersCreated").GetInt32());
    }

    [Fact]
    public async Task A_ledger_over_the_size_limit_is_413_problem_json_naming_the_limit()
    {
        var data = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync("台账过大测试", data.Court.Id, ApiScopes.ImportsWrite);
        using var api = host.Client(client.Key);
        using var body = new ByteArrayContent(new byte[LedgerFile.MaxBytes + 100]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        var response = await api.PostAsync($"/api/v1/imports/ledger?street={data.Street.Id}&judgeId={data.Judge.Id}", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("request.too_large", root.GetProperty("code").GetString());
        Assert.Equal(LedgerFile.MaxBytes, root.GetProperty("maxBytes").GetInt32());
    }

    [Fact]
    public async Task An_empty_ledger_is_refused_in_the_same_shape_as_a_bad_row_422_with_rows_naming_the_file()
    {
        var data = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync("台账空文件测试", data.Court.Id, ApiScopes.ImportsWrite);
        using var api = host.Client(client.Key);

        var response = await api.PostAsync($"/api/v1/imports/ledger?street={data.Street.Id}&judgeId={data.Judge.Id}", CsvBody([]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("ledger.rejected", root.GetProperty("code").GetString());
        // The problem's own status is the HTTP status; the import's word for it has a name of its own (a second
        // "status" key made generated clients fail to read the answer).
        Assert.Equal(422, root.GetProperty("status").GetInt32());
        Assert.Equal(1, root.EnumerateObject().Count(p => p.Name == "status"));
        Assert.Equal("rejected", root.GetProperty("importStatus").GetString());
        var row = Assert.Single(root.GetProperty("rows").EnumerateArray().ToList());
        Assert.Equal(LedgerFile.Header, row.GetProperty("column").GetString());
        Assert.False(root.TryGetProperty("errors", out _));
    }
}
