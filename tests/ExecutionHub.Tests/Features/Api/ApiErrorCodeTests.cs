using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExecutionHub.Tests.Repository;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Features.Imports;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ExecutionHub.Tests.Features.Imports.LedgerScenario;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>
/// One error shape (issue 18.3): every refusal is problem+json with a stable code from one catalogue, field errors and ledger
/// rows carry codes of their own (rows with the value found and the values allowed), the texts follow Accept-Language, an
/// oversized body is 413 on every endpoint that takes one, and the OpenAPI document lists every code.
/// </summary>
public sealed partial class ApiErrorCodeTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.Equal("https://executionhub.local/problems/" + code, root.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        return root;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent CsvBody(byte[] csv) => new(Encoding.UTF8.GetString(csv), Encoding.UTF8, "text/csv");

    [Fact]
    public void Every_code_is_lowercase_dotted_unique_and_its_text_exists_in_chinese_and_english()
    {
        Assert.Equal(ApiErrorCodes.All.Count, ApiErrorCodes.All.Select(c => c.Code).Distinct().Count());
        Assert.All(ApiErrorCodes.All, code =>
        {
            Assert.Matches(CodePattern(), code.Code);
            Assert.All(code.MessageKeys, key =>
            {
                Assert.NotNull(UiText.Find(key, CultureInfo.GetCultureInfo(Cultures.Chinese)));
                Assert.NotNull(UiText.Find(key, CultureInfo.GetCultureInfo(Cultures.English)));
            });
            Assert.DoesNotContain("{", code.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_rule_a_ledger_row_is_refused_by_has_a_code_of_its_own()
    {
        var imports = Path.Combine(RepositoryFiles.Root, "src", "ExecutionHub.Web", "Features", "Imports");
        var keys = new[] { "LedgerRowRules.cs", "LedgerFile.cs" }
            .SelectMany(file => ResourceKey().Matches(File.ReadAllText(Path.Combine(imports, file))).Select(m => m.Groups["key"].Value))
            .Concat(new[] { Path.Combine(imports, "ImportLedger.cs"), Path.Combine(RepositoryFiles.Root, "src", "ExecutionHub.Web", "Features", "Api", "ImportEndpoints.cs") }
                .SelectMany(file => RowErrorKey().Matches(File.ReadAllText(file)).Select(m => m.Groups["key"].Value)))
            .Where(key => !key.StartsWith("Import.Step.", StringComparison.Ordinal) && key != "Common.ListSeparator")
            .Distinct()
            .ToList();

        Assert.Contains("Import.Error.FutureTime", keys);
        Assert.Contains("Import.Error.CaseOtherStreet", keys);
        Assert.All(keys, key => Assert.NotEqual(ApiErrorCodes.LedgerRowInvalid, ApiErrorCodes.ForRow(key)));
    }

    [Fact]
    public void Every_rule_an_api_referral_milestone_or_import_is_refused_by_has_a_code_of_its_own()
    {
        var features = Path.Combine(RepositoryFiles.Root, "src", "ExecutionHub.Web", "Features");
        var keys = new[] { "Matters/Registration/MatterRegistration.cs", "Cases/MilestoneRecording.cs", "Imports/ImportLedger.cs", "Dashboard/GetHeadlineFigures.cs" }
            .SelectMany(file => ThrownKey().Matches(File.ReadAllText(Path.Combine(features, file))).Select(m => m.Groups["key"].Value))
            // The workstation's own paths (a coordinator's or judge's registration) are not reachable with an API key.
            .Where(key => !key.StartsWith("Rule.Case.", StringComparison.Ordinal) && !key.StartsWith("Rule.Matter.", StringComparison.Ordinal) && key != "Error.NotAllowed")
            .Distinct()
            .ToList();

        Assert.Contains("Rule.Api.CaseNumberOfAnotherCourt", keys);
        Assert.Contains("Milestone.CaseClosed", keys);
        Assert.All(keys, key => Assert.NotEqual(ApiErrorCodes.RuleRefused, ApiErrorCodes.ForProblem(key, ApiErrorCodes.RuleRefused)));
    }

    [Theory]
    [InlineData("notfound", "resource.not_found", 404)]
    [InlineData("refused", "auth.forbidden", 403)]
    [InlineData("concurrency", "concurrency.conflict", 409)]
    [InlineData("closed", "case.closed", 422)]
    [InlineData("concurrent-import", "ledger.concurrent_import", 409)]
    [InlineData("unlisted-rule", "rule.refused", 422)]
    public void What_the_pipeline_or_a_handler_throws_becomes_a_problem_with_its_code_and_status(string thrown, string code, int status)
    {
        Exception exception = thrown switch
        {
            "notfound" => new NotFoundException("Party 1"),
            "refused" => new RequestRefusedException("Error.NotAllowed"),
            "concurrency" => new DbUpdateConcurrencyException(),
            "closed" => new DomainRuleException("Milestone.CaseClosed"),
            "concurrent-import" => new DomainRuleException("Import.Error.Concurrent"),
            _ => new DomainRuleException("Rule.Mediation.AlreadyClosed"),
        };

        var problem = Assert.IsType<ProblemHttpResult>(ApiProblems.For(exception)).ProblemDetails;

        Assert.Equal((code, status), (problem.Extensions["code"] as string, problem.Status));
    }

    [Fact]
    public async Task Refusals_of_the_key_and_the_scope_carry_their_codes()
    {
        using var anonymous = host.Client(null);
        await ProblemAsync(await anonymous.GetAsync("/api/v1/streets"), HttpStatusCode.Unauthorized, "auth.unauthenticated");

        var reader = await host.RegisterAsync("只读名录系统", await host.DemoCourtIdAsync(), ApiScopes.ReferenceRead);
        using var api = host.Client(reader.Key);
        await ProblemAsync(await api.GetAsync("/api/v1/matters/1"), HttpStatusCode.Forbidden, "auth.missing_scope");
    }

    [Fact]
    public async Task What_the_framework_refuses_with_an_empty_body_is_a_problem_with_a_code_too()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());

        await ProblemAsync(await api.GetAsync("/api/v1/matters/987654"), HttpStatusCode.NotFound, "resource.not_found");
        await ProblemAsync(await api.GetAsync("/api/v1/matters/not-a-number"), HttpStatusCode.NotFound, "resource.not_found");
        await ProblemAsync(await api.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound, "resource.not_found");
        await ProblemAsync(await api.DeleteAsync("/api/v1/matters/1"), HttpStatusCode.MethodNotAllowed, "request.method_not_allowed");
        await ProblemAsync(await api.GetAsync("/api/v1/feedback?limit=many"), HttpStatusCode.BadRequest, "request.unreadable");
        await ProblemAsync(await api.GetAsync("/api/v1/feedback?since=not-a-cursor"), HttpStatusCode.BadRequest, "cursor.invalid");
    }

    [Fact]
    public async Task A_bad_body_is_400_request_invalid_with_each_fields_own_code()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());

        var empty = await ProblemAsync(await api.PostAsync("/api/v1/matters", Json("""{"caseNumber":"","type":"DebtorWhereabouts","request":""}""")), HttpStatusCode.BadRequest, "request.invalid");
        var fields = empty.GetProperty("fieldErrors").EnumerateArray().Select(e => (Field: e.GetProperty("field").GetString(), Code: e.GetProperty("code").GetString())).ToList();
        Assert.Contains(("caseNumber", "field.required"), fields);
        Assert.Contains(("request", "field.required"), fields);
        // The framework's shape stays beside it: texts by field.
        Assert.True(empty.GetProperty("errors").TryGetProperty("caseNumber", out _));

        var tooLong = await ProblemAsync(
            await api.PostAsync("/api/v1/matters", Json($$$"""{"caseNumber":"(2025)沪0110执1号","type":"DebtorWhereabouts","request":"x","target":{"name":"{{{new string('张', 300)}}}"}}""")),
            HttpStatusCode.BadRequest, "request.invalid");
        Assert.Contains(tooLong.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("field").GetString() == "target.name" && e.GetProperty("code").GetString() == "field.too_long");

        var unreadable = await ProblemAsync(await api.PostAsync("/api/v1/matters", Json("""{"caseNumber":"x","type":"Teleportation"}""")), HttpStatusCode.BadRequest, "request.invalid");
        Assert.Equal(("type", "field.unreadable"), Single(unreadable));

        var unknown = await ProblemAsync(await api.PostAsync("/api/v1/matters", Json("""{"caseNumber":"x","type":"DebtorWhereabouts","details":{"colour":"red"}}""")), HttpStatusCode.BadRequest, "request.invalid");
        Assert.Equal(("details.colour", "field.unknown"), Single(unknown));

        var noBody = await ProblemAsync(await api.PostAsync("/api/v1/matters", Json("null")), HttpStatusCode.BadRequest, "request.invalid");
        Assert.Equal(("", "field.required"), Single(noBody));

        static (string?, string?) Single(JsonElement problem)
        {
            var error = Assert.Single(problem.GetProperty("fieldErrors").EnumerateArray());
            return (error.GetProperty("field").GetString(), error.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Idempotency_key_refusals_carry_their_codes()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        using var tooLong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/matters") { Content = Json("""{"caseNumber":"x"}""") };
        tooLong.Headers.Add(IdempotencyStore.HeaderName, new string('k', IdempotencyStore.MaxKeyLength + 1));
        await ProblemAsync(await api.SendAsync(tooLong), HttpStatusCode.BadRequest, "idempotency.key_too_long");

        // A refused request gives its key back; a key used for a referral that succeeded cannot be reused for another.
        var key = Guid.NewGuid().ToString("N");
        await using (var db = await host.App.DbAsync())
        {
            var clientId = await db.ApiClients.Where(c => c.Name == ApiHost.CourtSystemName).Select(c => c.Id).SingleAsync();
            db.IdempotentRequests.Add(new IdempotentRequest { ApiClientId = clientId, Key = key, RequestHash = "another request", CreatedAtUtc = host.App.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        using var reused = new HttpRequestMessage(HttpMethod.Post, "/api/v1/matters") { Content = Json("""{"caseNumber":"(2025)沪0110执1号","type":"DebtorWhereabouts","request":"x"}""") };
        reused.Headers.Add(IdempotencyStore.HeaderName, key);
        await ProblemAsync(await api.SendAsync(reused), HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
    }

    [Fact]
    public async Task Rules_of_a_referral_and_a_milestone_carry_their_codes()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());

        await ProblemAsync(
            await api.PostAsync("/api/v1/matters", Json("""{"caseNumber":"(2025)沪0199执1号","type":"DebtorWhereabouts","request":"请核实","target":{"kind":"Person","name":"张三"},"details":{"lastKnownAddresses":"某路1号"}}""")),
            HttpStatusCode.UnprocessableEntity, "case.other_court");
        await ProblemAsync(
            await api.PostAsync("/api/v1/matters", Json("""{"caseNumber":"(2025)沪0110执99991号","type":"DebtorWhereabouts","request":"请核实","target":{"kind":"Person","name":"张三"},"details":{"lastKnownAddresses":"某路1号"}}""")),
            HttpStatusCode.UnprocessableEntity, "case.unknown");
        await ProblemAsync(
            await api.PostAsync(
                "/api/v1/cases/" + Uri.EscapeDataString("(2025)沪0110执99992号") + "/milestones",
                Json("""{"kind":"PaymentReceived","occurredOn":"2026-11-20","amount":100}""")),
            HttpStatusCode.NotFound, "case.not_found");
    }

    [Fact]
    public async Task An_unknown_street_or_judge_is_422_with_its_reference_code_naming_the_field_and_the_value()
    {
        var data = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync("未知名录测试", data.Court.Id, ApiScopes.ImportsWrite, ApiScopes.StatisticsRead);
        using var api = host.Client(client.Key);

        var street = await ProblemAsync(await api.GetAsync("/api/v1/statistics/headline?street=no-such-street"), HttpStatusCode.UnprocessableEntity, "reference.unknown_street");
        Assert.Equal(("street", "reference.unknown_street", "no-such-street"), FieldError(street));

        var judge = await ProblemAsync(
            await api.PostAsync($"/api/v1/imports/ledger?street={data.Street.Id}&judgeId=nobody", CsvBody(Csv(FedBackRows))),
            HttpStatusCode.UnprocessableEntity, "reference.unknown_judge");
        Assert.Equal(("judgeId", "reference.unknown_judge", "nobody"), FieldError(judge));
        Assert.True(judge.GetProperty("errors").TryGetProperty("judgeId", out _));

        var tooLong = await ProblemAsync(
            await api.PostAsync($"/api/v1/imports/ledger?street={data.Street.Id}&judgeId={new string('j', 451)}", CsvBody(Csv(FedBackRows))),
            HttpStatusCode.BadRequest, "request.invalid");
        var judgeTooLong = Assert.Single(tooLong.GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal(("judgeId", "field.too_long"), (judgeTooLong.GetProperty("field").GetString(), judgeTooLong.GetProperty("code").GetString()));

        var missing = await ProblemAsync(await api.PostAsync("/api/v1/imports/ledger", CsvBody(Csv(FedBackRows))), HttpStatusCode.BadRequest, "request.invalid");
        var required = Assert.Single(missing.GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal(("street", "field.required"), (required.GetProperty("field").GetString(), required.GetProperty("code").GetString()));

        static (string?, string?, string?) FieldError(JsonElement problem)
        {
            var error = Assert.Single(problem.GetProperty("fieldErrors").EnumerateArray());
            return (error.GetProperty("field").GetString(), error.GetProperty("code").GetString(), error.GetProperty("value").GetString());
        }
    }

    [Fact]
    public async Task An_unknown_community_row_names_the_value_found_and_the_streets_communities_by_name_and_code()
    {
        var data = await host.OtherOrganisationAsync();
        await using (var db = await host.App.DbAsync())
        {
            db.Communities.Add(new Community { Name = "测试二居委", Code = "CS-02", StreetId = data.Street.Id });
            await db.SaveChangesAsync();
        }

        var client = await host.RegisterAsync("社区错误测试", data.Court.Id, ApiScopes.ImportsWrite);
        using var api = host.Client(client.Key);
        var rows = FedBackRows.ToArray();
        rows[1] = With(rows[1], LedgerFile.Community, "长阳居委");
        rows[3] = With(rows[3], LedgerFile.ReceivedAt, "2099-01-01 09:00");
        rows[4] = With(rows[4], LedgerFile.Outcome, "lost");

        var problem = await ProblemAsync(
            await api.PostAsync($"/api/v1/imports/ledger?street={data.Street.Id}&judgeId={data.Judge.Id}", CsvBody(Csv(rows))),
            HttpStatusCode.UnprocessableEntity, "ledger.rejected");

        Assert.Equal("rejected", problem.GetProperty("importStatus").GetString());
        var errors = problem.GetProperty("rows").EnumerateArray().ToList();
        var community = Assert.Single(errors, e => e.GetProperty("code").GetString() == "ledger.unknown_community");
        Assert.Equal((3, LedgerFile.Community, "长阳居委"), (community.GetProperty("row").GetInt32(), community.GetProperty("column").GetString(), community.GetProperty("value").GetString()));
        Assert.Equal(["测试二居委", "测试居委", "CS-02"], community.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("长阳居委", community.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var future = Assert.Single(errors, e => e.GetProperty("code").GetString() == "ledger.time_in_future");
        Assert.Equal((5, LedgerFile.ReceivedAt, "2099-01-01 09:00"), (future.GetProperty("row").GetInt32(), future.GetProperty("column").GetString(), future.GetProperty("value").GetString()));
        Assert.False(future.TryGetProperty("allowed", out _));

        var outcome = Assert.Single(errors, e => e.GetProperty("code").GetString() == "ledger.unknown_value");
        Assert.Equal(LedgerFile.Outcome, outcome.GetProperty("column").GetString());
        Assert.Contains("found", outcome.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_wrong_header_is_row_1_of_column_header_with_the_header_found_and_the_columns_expected()
    {
        var data = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync("表头错误测试", data.Court.Id, ApiScopes.ImportsWrite);
        using var api = host.Client(client.Key);

        var problem = await ProblemAsync(
            await api.PostAsync($"/api/v1/imports/ledger?street={data.Street.Id}", new StringContent("案号,类型\r\n(2026)沪0199执1号,whereabouts\r\n", Encoding.UTF8, "text/csv")),
            HttpStatusCode.UnprocessableEntity, "ledger.rejected");

        var header = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal((1, LedgerFile.Header, "ledger.header_invalid", "案号,类型"),
            (header.GetProperty("row").GetInt32(), header.GetProperty("column").GetString(), header.GetProperty("code").GetString(), header.GetProperty("value").GetString()));
        Assert.Equal(LedgerFile.Columns, header.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [InlineData("en", "The ledger has bad rows; nothing was imported.", "The time cannot be in the future.")]
    [InlineData("en-GB,en;q=0.9", "The ledger has bad rows; nothing was imported.", "The time cannot be in the future.")]
    [InlineData("zh-CN", "台账有错误的行，未导入任何内容。", "时间不能晚于现在。")]
    [InlineData(null, "台账有错误的行，未导入任何内容。", "时间不能晚于现在。")]
    public async Task A_rejected_ledgers_title_and_reasons_follow_accept_language_and_its_codes_do_not(string? acceptLanguage, string title, string reason)
    {
        var data = await host.OtherOrganisationAsync();
        var client = await host.RegisterAsync($"台账语言测试 {acceptLanguage}", data.Court.Id, ApiScopes.ImportsWrite);
        using var api = host.Client(client.Key);
        var rows = new[] { With(FedBackRows[0], LedgerFile.FedBackAt, "2099-01-01 09:00") };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/imports/ledger?street={data.Street.Id}&judgeId={data.Judge.Id}") { Content = CsvBody(Csv(rows)) };
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        // The UI's cookie says the opposite language: the API does not read it.
        request.Headers.Add("Cookie", $"{Cultures.CookieName}=c%3D{(acceptLanguage?.StartsWith("en", StringComparison.Ordinal) == true ? "zh-CN" : "en")}%7Cuic%3D{(acceptLanguage?.StartsWith("en", StringComparison.Ordinal) == true ? "zh-CN" : "en")}");

        var problem = await ProblemAsync(await api.SendAsync(request), HttpStatusCode.UnprocessableEntity, "ledger.rejected");

        Assert.Equal(title, problem.GetProperty("title").GetString());
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal(("ledger.time_in_future", reason), (row.GetProperty("code").GetString(), row.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Every_endpoint_that_takes_a_body_answers_an_oversized_one_with_413_request_too_large_declared_or_chunked()
    {
        using var api = host.Client(await host.CourtSystemKeyAsync());
        await api.GetAsync("/api/v1/streets");
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT" or "PATCH").Select(m => (Endpoint: e, Method: m)))
            .ToList();
        Assert.True(endpoints.Count >= 3, string.Join(", ", endpoints.Select(e => e.Endpoint.RoutePattern.RawText)));
        var oversized = new byte[Math.Max(ApiBody.MaxBytes, LedgerFile.MaxBytes) + 1];
        Array.Fill(oversized, (byte)'x');

        foreach (var (endpoint, method) in endpoints)
        {
            // Every route value "1"; a street in the query for the ledger, so the size is all that is wrong.
            var path = RouteParameter().Replace("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), "1") + "?street=1";
            var contentType = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
            foreach (var chunked in new[] { false, true })
            {
                HttpContent content = chunked ? new StreamContent(new MemoryStream(oversized)) : new ByteArrayContent(oversized);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
                request.Headers.TransferEncodingChunked = chunked;

                var response = await api.SendAsync(request);

                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{method} {path} (chunked: {chunked}): {(int)response.StatusCode} {body}");
                Assert.Equal("request.too_large", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
            }
        }
    }

    [Fact]
    public async Task The_openapi_document_lists_every_code_and_the_problem_schemas_carry_code_field_errors_and_rows()
    {
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var listed = schemas.GetProperty(ApiErrorsOpenApi.ErrorCodeSchema).GetProperty("enum").EnumerateArray().Select(c => c.GetString()).ToList();
        var description = schemas.GetProperty(ApiErrorsOpenApi.ErrorCodeSchema).GetProperty("description").GetString()!;
        Assert.All(ApiErrorCodes.All, code =>
        {
            Assert.Contains(code.Code, listed);
            Assert.Contains($"`{code.Code}`", description, StringComparison.Ordinal);
        });
        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            var problem = schemas.GetProperty(name);
            Assert.Contains("code", problem.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
            var properties = problem.GetProperty("properties");
            Assert.Equal("string", properties.GetProperty("code").GetProperty("type").GetString());
            Assert.EndsWith("/ApiRowError", properties.GetProperty("rows").GetProperty("items").GetProperty("$ref").GetString(), StringComparison.Ordinal);
            Assert.EndsWith("/ApiFieldError", properties.GetProperty("fieldErrors").GetProperty("items").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        }

        var row = schemas.GetProperty(nameof(ApiRowError)).GetProperty("properties");
        Assert.All(["row", "column", "code", "reason", "value", "allowed"], p => Assert.True(row.TryGetProperty(p, out _), p));
    }

    [Fact]
    public void The_api_docs_table_lists_every_code()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "api.md"));

        Assert.All(ApiErrorCodes.All, code => Assert.Contains($"| `{code.Code}` |", docs, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^[a-z]+(\.[a-z_]+)+$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"""(?<key>(Import\.Error|Validation)\.[A-Za-z]+)""")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"LedgerRowError\.Of\([^;]*?""(?<key>Import\.Error\.[A-Za-z]+)""")]
    private static partial Regex RowErrorKey();

    [GeneratedRegex(@"new (DomainRuleException|UnknownReferenceException|RequestRefusedException)\((""[^""]*"", )?""(?<key>[A-Za-z]+\.[A-Za-z.]+)""")]
    private static partial Regex ThrownKey();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
