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

    /// <summary>L["Key"] and L["Key", args], localizer["Key"], refusals and domain-rule keys, UiText.Get("Key"), [FieldLabel("Key")].</summary>
    [GeneratedRegex(""""(?:\bL|localizer|Localizer)\["(?<key>[A-Za-z][A-Za-z0-9_.]+)"[\],]|RequestRefusedException\("(?<key>[A-Za-z][A-Za-z0-9_.]+)"|DomainRuleException\("(?<key>[A-Za-z][A-Za-z0-9_.]+)"|UiText\.Get\("(?<key>[A-Za-z][A-Za-z0-9_.]+)"|FieldLabel\("(?<key>[A-Za-z][A-Za-z0-9_.]+)"""")]
    private static partial Regex LiteralKey();
}
