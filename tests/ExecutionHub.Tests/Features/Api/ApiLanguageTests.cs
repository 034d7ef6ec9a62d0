using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Infrastructure.Localization;

namespace ExecutionHub.Tests.Features.Api;

/// <summary>The API speaks the language each call asks for in Accept-Language, Chinese without one, whatever cookie comes along.</summary>
public sealed class ApiLanguageTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<string> TitleAsync(string? acceptLanguage, string? cultureCookie)
    {
        using var api = host.Client(DemoApiClient.Key);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/matters/987654");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        if (cultureCookie is not null)
        {
            request.Headers.Add("Cookie", $"{Cultures.CookieName}=c%3D{cultureCookie}%7Cuic%3D{cultureCookie}");
        }

        using var response = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()!;
    }

    [Fact]
    public async Task Answers_in_english_when_the_call_asks_for_it_even_with_a_chinese_cookie() =>
        Assert.Equal("Not found.", await TitleAsync("en-US,en;q=0.9", "zh-CN"));

    [Fact]
    public async Task Answers_in_chinese_without_accept_language_even_with_an_english_cookie() =>
        Assert.Equal("记录不存在。", await TitleAsync(null, "en"));

    [Fact]
    public async Task Answers_in_chinese_when_the_call_asks_for_chinese_or_a_language_it_does_not_speak()
    {
        Assert.Equal("记录不存在。", await TitleAsync("zh-CN", "en"));
        Assert.Equal("记录不存在。", await TitleAsync("fr-FR", null));
    }
}
