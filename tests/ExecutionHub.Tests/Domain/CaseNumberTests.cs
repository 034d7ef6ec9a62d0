using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

public sealed class CaseNumberTests
{
    [Theory]
    [InlineData("(2025)沪0110执1234号", 2025, "沪0110", "执", 1234)]
    [InlineData("（2026）沪0110执恢12号", 2026, "沪0110", "执恢", 12)]
    [InlineData(" (2024)京0105执异300号 ", 2024, "京0105", "执异", 300)]
    public void Well_formed_case_numbers_are_parsed(string text, int year, string court, string kind, int serial)
    {
        Assert.True(CaseNumber.TryParse(text, out var number));
        Assert.Equal((year, court, kind, serial), (number.Year, number.CourtCode, number.Kind, number.Serial));
    }

    [Fact]
    public void Full_width_brackets_are_normalised_to_ascii()
    {
        Assert.Equal("(2026)沪0110执恢12号", CaseNumber.Parse("（2026）沪0110执恢12号").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025沪0110执1234号")]
    [InlineData("(2025)沪0110民1234号")]
    [InlineData("(2025)沪110执1234号")]
    [InlineData("(2025)沪0110执1234")]
    [InlineData("(1890)沪0110执1234号")]
    [InlineData("(2025)沪0110执0号")]
    [InlineData("(2025)沪0110执1234567号")]
    public void Malformed_case_numbers_are_refused(string text)
    {
        Assert.False(CaseNumber.TryParse(text, out _));
    }
}
