using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExecutionHub.ApiClient;

namespace ExecutionHub.ApiClientTests;

/// <summary>
/// A court system's integrator with only a key, the webhook secret and a client generated from the OpenAPI document
/// (reference data, referral, ledger, feedback, figures, webhook):
/// every call below goes through that client, so a document that no longer says what the API does fails here.
/// </summary>
public sealed class IntegratorJourneyTests(IntegrationApp app) : IClassFixture<IntegrationApp>
{
    private const string ClientName = "法院执行系统（生成客户端测试）";

    [Fact]
    public async Task A_court_system_refers_reads_imports_follows_feedback_and_verifies_the_webhook_through_the_generated_client_alone()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (key, secret) = await app.RegisterClientAsync(receiver.Url);
        using var http = app.Http(key);
        var api = new ExecutionHubClient(http) { ReadResponseAsString = true };
        // Reference data: the street the ledger and the new case belong to, and the case's judge, by their codes.
        var street = Assert.Single(await api.ListStreetsAsync(), s => s.Code == "310110002");
        var judge = Assert.Single(await api.ListJudgesAsync(), j => j.Code == "011021");
        var serial = Random.Shared.Next(60_000, 69_999);

        // The case as the court knows it, registered first; then a referral on it, sent twice with one key.
        var targetId = ResidentId("31011019800101" + (serial % 1000).ToString("000", CultureInfo.InvariantCulture));
        var registered = await api.SaveCaseAsync(new SaveCaseBody
        {
            CaseNumber = $"(2026)沪0110执{serial}号",
            Street = street.Id,
            Judge = judge.Code,
            Cause = "民间借贷纠纷",
            AmountOwed = 85_000,
            Parties = [new CasePartyBody { Role = PartyRole.Respondent, Kind = PartyKind.Person, Name = "周建国", IdentityNumber = targetId }],
        });
        Assert.True(registered.Created);
        var @case = await api.GetCaseAsync(registered.CaseNumber);
        Assert.Equal(judge.Code, @case.Judge.Code);
        Assert.Matches(@"^310110\*+\w{4}$", Assert.Single(@case.Parties).IdentityNumber);

        var referral = new ReferMatterBody
        {
            CaseNumber = $"(2026)沪0110执{serial}号",
            Type = MatterType.DebtorWhereabouts,
            Request = "请核实被执行人现居住地。",
            Details = new MatterDetails { LastKnownAddresses = "杨浦区平凉路100弄" },
            ClientReference = $"FY-2026-{serial}",
            Target = new ReferralTarget { PartyId = Assert.Single(@case.Parties).Id },
        };
        var idempotencyKey = Guid.NewGuid().ToString("N");
        var created = await api.ReferMatterAsync(idempotencyKey, referral);
        var replayed = await api.ReferMatterAsync(idempotencyKey, referral);
        Assert.Equal(created.Id, replayed.Id);

        var matter = await api.GetMatterAsync(created.Id);
        Assert.Equal(referral.CaseNumber, matter.CaseNumber);
        Assert.Equal(MatterStatus.Received, matter.Status);
        Assert.Equal(MatterSource.CourtExOfficio, matter.Source);
        Assert.Matches(@"^310110\*+\w{4}$", matter.Target.IdentityNumber);

        // A ledger with a bad row changes nothing and names the row; the corrected one imports.
        var ledgerCase = $"(2025)沪0110执{serial}号";
        var bad = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() =>
            api.ImportLedgerAsync(street.Code, null, judge.Code, Csv(Row(ledgerCase, street.Name, received: "2099-01-01 09:00"))));
        Assert.Equal(422, bad.StatusCode);
        Assert.Equal("ledger.rejected", bad.Result.Code);
        Assert.Equal("rejected", bad.Result.AdditionalProperties["importStatus"].ToString());
        var badRow = Assert.Single(bad.Result.Rows);
        Assert.Equal((2, "received_at", "ledger.time_in_future", "2099-01-01 09:00"), (badRow.Row, badRow.Column, badRow.Code, badRow.Value));
        var imported = await api.ImportLedgerAsync(street.Code, null, judge.Code, Csv(Row(ledgerCase, street.Name, received: "2026-03-02 09:30")));
        Assert.Equal("imported", imported.Status);
        Assert.Equal(1, imported.MattersCreated);

        // The feedback cursor, then one of the client's matters fed back at the workstation.
        var before = await api.ListFeedbackAsync(null, 100);
        var cursor = before.NextCursor;
        while (before.HasMore)
        {
            before = await api.ListFeedbackAsync(cursor, 100);
            cursor = before.NextCursor;
        }

        var fedBack = await Workstation.ClientMatterReadyForFeedbackAsync(app.Services, ClientName);
        await Workstation.FeedBackAsync(app.Services, fedBack, "被执行人现居平凉路100弄，已当面核实。");
        var after = await api.ListFeedbackAsync(cursor, 100);
        var item = Assert.Single(after.Items, i => i.MatterId == fedBack);
        Assert.Equal(MatterOutcome.Found, item.Outcome);

        var figures = await api.GetHeadlineFiguresAsync(null, null, null);
        Assert.True(figures.FedBack >= 1 && figures.FedBackThisWeek >= 1, $"fedBack {figures.FedBack}, this week {figures.FedBackThisWeek}");

        // The webhook of that feedback, signed as docs/api.md says: HMAC-SHA256 of "{timestamp}.{raw body}" with the secret.
        await Workstation.DeliverOutboxAsync(app.Services);
        var (body, headers) = Assert.Single(receiver.Received);
        var timestamp = headers["X-ExecutionHub-Timestamp"];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        Assert.Equal(expected, headers["X-ExecutionHub-Signature"]);
        Assert.Equal("matter.fed_back", headers["X-ExecutionHub-Event"]);
        using var payload = JsonDocument.Parse(body);
        Assert.Equal(fedBack, payload.RootElement.GetProperty("data").GetProperty("matterId").GetInt32());
    }

    private static string Row(string caseNumber, string street, string received) => string.Join(',',
        caseNumber, "whereabouts", "court", street, "", "钱小红", ResidentId("31011019750606" + caseNumber.Length.ToString("000", CultureInfo.InvariantCulture)),
        received, "", "", "", "", "");

    private static FileParameter Csv(params string[] rows)
    {
        var text = string.Join("\r\n", [string.Join(',', Web.Features.Imports.LedgerFile.Columns), .. rows]) + "\r\n";
        return new FileParameter(new MemoryStream(Encoding.UTF8.GetBytes(text)), "ledger.csv", "text/csv");
    }

    /// <summary>A resident ID number with its check character (GB 11643).</summary>
    private static string ResidentId(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
