using System.Text.RegularExpressions;
using System.Xml.Linq;
using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Infrastructure;

public sealed partial class ResourceTests
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/ExecutionHub.Web"));
    private static readonly string ResourceFolder = Path.Combine(SourceRoot, "Infrastructure/Localization");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(ResourceFolder, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    [Fact]
    public void Every_chinese_text_has_an_english_translation_and_no_english_text_is_orphaned()
    {
        var chinese = Load("SharedResource.resx");
        var english = Load("SharedResource.en.resx");

        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
        Assert.Empty(english.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
    }

    [Fact]
    public void Every_literal_resource_key_used_in_the_code_exists()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet();
        var used = Directory.EnumerateFiles(SourceRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing resource keys: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_role_matter_type_and_agency_kind_has_a_display_name()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet();
        var needed = Roles.All.Select(r => $"Role.{r}")
            .Concat(Enum.GetNames<MatterType>().Select(n => $"MatterType.{n}"))
            .Concat(Enum.GetNames<PartnerAgencyKind>().Select(n => $"AgencyKind.{n}"));

        Assert.All(needed, key => Assert.Contains(key, keys));
    }

    [Fact]
    public void No_text_in_any_language_promises_a_later_version_leaves_a_todo_or_doubles_a_period_word()
    {
        var files = Directory.EnumerateFiles(SourceRoot, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(files, f => f.EndsWith("SharedResource.resx", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("SharedResource.en.resx", StringComparison.Ordinal));
        var stale = files
            .SelectMany(f => Load(Path.GetRelativePath(ResourceFolder, f)).Select(kv => (File: Path.GetFileName(f), kv.Key, kv.Value)))
            .Where(text => StaleText().IsMatch(text.Value))
            .Select(text => $"{text.File} {text.Key}: {text.Value}")
            .ToList();
        Assert.True(stale.Count == 0, "Stale or doubled texts:\n" + string.Join("\n", stale));
    }

    [Theory]
    [InlineData("风险预警将在后续版本上线。")]
    [InlineData("TODO: translate")]
    [InlineData("Warnings are coming soon.")]
    [InlineData("Reports arrive in a later version.")]
    [InlineData("Reports arrive later.")]
    [InlineData("2026年第4季度季度画像报告")]
    [InlineData("2026年11月月度画像报告")]
    [InlineData("2026年上半年半年度白皮书")]
    [InlineData("2026年年度报告")]
    public void The_stale_text_rule_catches_what_it_is_meant_to(string text) => Assert.Matches(StaleText(), text);

    /// <summary>
    /// A promise the product has already kept or never will ("后续版本", "coming soon", "later version",
    /// "arrive later"), a left-over TODO, or a period said twice ("第4季度季度", "11月月度", "上半年半年度", "年年度").
    /// </summary>
    [GeneratedRegex("""后续版本|将在.{0,10}上线|\bTODO\b|coming soon|later version|arrives? later|(季度|季)季度|(月度|月)月度|(年度|年)年度|半年半年度""", RegexOptions.IgnoreCase)]
    private static partial Regex StaleText();

    /// <summary>L["Key"] and L["Key", args], localizer["Key"], refusals and domain-rule keys, UiText.Get("Key"), [FieldLabel("Key")].</summary>
    [GeneratedRegex(""""(?:\bL|localizer|Localizer)\["(?<key>[A-Za-z][A-Za-z0-9_.]+)"[\],]|RequestRefusedException\("(?<key>[A-Za-z][A-Za-z0-9_.]+)"|DomainRuleException\("(?<key>[A-Za-z][A-Za-z0-9_.]+)"|UiText\.Get\("(?<key>[A-Za-z][A-Za-z0-9_.]+)"|FieldLabel\("(?<key>[A-Za-z][A-Za-z0-9_.]+)"""")]
    private static partial Regex LiteralKey();
}
