using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExecutionHub.Tests.Features.Api;
using ExecutionHub.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Tests.Infrastructure.Hosting;

/// <summary>
/// The shipped per-address limits, through the whole pipeline: 300 API calls, 10 sign-in posts and 20 progress
/// lookups a minute per address, refused before authentication. Each test speaks from addresses of its own.
/// </summary>
public sealed partial class AddressLimitTests(AddressLimitedApiHost host) : IClassFixture<AddressLimitedApiHost>
{
    [Fact]
    public async Task A_flood_of_wrong_api_keys_is_refused_after_300_with_the_seconds_left_and_writes_no_row_per_refused_call()
    {
        AtSecondOfMinute(15);
        await using var db = await host.App.DbAsync();
        // The call log is written off the request path: counted once what was answered is in it.
        await host.CallLogWrittenAsync();
        var before = await db.ApiCalls.CountAsync();
        var attacker = host.Client("wrong-key-" + Guid.NewGuid().ToString("N"));
        attacker.DefaultRequestHeaders.Add(ApiHost.ClientAddressHeader, "198.51.100.10");

        var answers = new List<HttpResponseMessage>();
        for (var call = 0; call < 500; call++)
        {
            answers.Add(await attacker.GetAsync("/api/v1/statistics/headline"));
        }

        Assert.Equal(300, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(200, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(answers.Take(300), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var refused = answers[^1];
        Assert.Equal("45", refused.Headers.RetryAfter!.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("rate.limited", problem.RootElement.GetProperty("code").GetString());
        await host.CallLogWrittenAsync();
        Assert.Equal(300, await db.ApiCalls.CountAsync() - before);

        var neighbour = host.Client("wrong-key");
        neighbour.DefaultRequestHeaders.Add(ApiHost.ClientAddressHeader, "198.51.100.11");
        Assert.Equal(HttpStatusCode.Unauthorized, (await neighbour.GetAsync("/api/v1/statistics/headline")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_posts_from_one_address_get_a_page_saying_how_long_to_wait_after_ten_a_minute()
    {
        AtSecondOfMinute(20);
        var form = await SignInFormAsync("198.51.100.20");

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var answer = await form.PostAsync("nobody.here", "wrong-password-123");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains(SignInFailed, await TextAsync(answer));
        }

        var refused = await form.PostAsync("nobody.here", "wrong-password-123");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("40", refused.Headers.RetryAfter!.ToString());
        Assert.Equal("text/html", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("尝试过于频繁，请在 40 秒后再试。", await TextAsync(refused));

        var elsewhere = await SignInFormAsync("198.51.100.21");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.PostAsync("nobody.here", "wrong-password-123")).StatusCode);
    }

    [Fact]
    public async Task An_attacker_address_is_refused_before_the_account_locks_and_the_real_user_signs_in_from_elsewhere()
    {
        AtSecondOfMinute(0);
        var attacker = await SignInFormAsync("198.51.100.30");
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 15; attempt++)
        {
            answers.Add((await attacker.PostAsync("judge.wang", "wrong-password-123")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 10), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)], answers);
        await using (var db = await host.App.DbAsync())
        {
            Assert.Null(await db.Users.Where(u => u.UserName == "judge.wang").Select(u => u.LockoutEnd).SingleAsync());
        }

        var judgeAtWork = await SignInFormAsync("198.51.100.31");
        var signedIn = await judgeAtWork.PostAsync("judge.wang", TestApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // A minute on the attacker may post again, but is still held back for this account, even with the right password.
        host.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var held = await attacker.PostAsync("judge.wang", TestApp.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Contains(SignInFailed, await TextAsync(held));
    }

    [Fact]
    public async Task Progress_lookups_from_one_address_are_refused_after_twenty_a_minute_in_the_users_language()
    {
        AtSecondOfMinute(30);
        var client = host.Client(null);
        client.DefaultRequestHeaders.Add(ApiHost.ClientAddressHeader, "198.51.100.40");
        client.DefaultRequestHeaders.Add("Cookie", $"{Cultures.CookieName}=c%3Den%7Cuic%3Den");
        var token = await AntiforgeryTokenAsync(client, "/progress");

        var answers = new List<HttpResponseMessage>();
        for (var lookup = 0; lookup < 21; lookup++)
        {
            answers.Add(await client.PostAsync("/progress", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "progress-request",
                ["__RequestVerificationToken"] = token,
                ["Request.CaseNumber"] = "(2025)沪0110执1号",
                ["Request.Phone"] = "13800000000",
            })));
        }

        Assert.All(answers.Take(20), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].StatusCode);
        Assert.Equal("30", answers[^1].Headers.RetryAfter!.ToString());
        Assert.Contains("Try again in 30 seconds.", await TextAsync(answers[^1]));

        var neighbour = host.Client(null);
        neighbour.DefaultRequestHeaders.Add(ApiHost.ClientAddressHeader, "198.51.100.41");
        var neighbourToken = await AntiforgeryTokenAsync(neighbour, "/progress");
        var answer = await neighbour.PostAsync("/progress", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "progress-request",
            ["__RequestVerificationToken"] = neighbourToken,
            ["Request.CaseNumber"] = "(2025)沪0110执1号",
            ["Request.Phone"] = "13800000000",
        }));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    /// <summary>Moves the host's clock forward to the given second of the next minute, so the seconds left in a window are known.</summary>
    private void AtSecondOfMinute(int second)
    {
        var now = host.App.Clock.GetUtcNow();
        var nextMinute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        host.App.Clock.Advance(nextMinute.AddSeconds(second) - now);
    }

    private static readonly string SignInFailed = UiText.Get("SignIn.Failed", new CultureInfo(Cultures.Chinese));

    /// <summary>The answer's text with the HTML's character references decoded (pages may encode any non-ASCII letter).</summary>
    private static async Task<string> TextAsync(HttpResponseMessage answer) => WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

    private async Task<SignInForm> SignInFormAsync(string address)
    {
        var client = host.Client(null);
        client.DefaultRequestHeaders.Add(ApiHost.ClientAddressHeader, address);
        return new SignInForm(client, await AntiforgeryTokenAsync(client, "/account/signin"));
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        return AntiforgeryToken().Match(page).Groups["token"].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed record SignInForm(HttpClient Client, string Token)
    {
        public Task<HttpResponseMessage> PostAsync(string userName, string password) =>
            Client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin",
                ["__RequestVerificationToken"] = Token,
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
            }));
    }
}
