using System.Text.RegularExpressions;

namespace ExecutionHub.Tests.Repository;

/// <summary>
/// The README is the front door and docs/ holds the rest: every page is reachable from the README,
/// and no link or file path in them sends a reader to something that is not there (a file moved by a
/// refactoring, a folder outside the repository).
/// </summary>
public sealed partial class DocumentationTests
{
    [Fact]
    public void Should_keep_the_readme_a_front_door_under_150_lines()
    {
        var lines = RepositoryFiles.Lines(Path.Combine(RepositoryFiles.Root, "README.md")).Length;

        Assert.True(lines < 150, $"README.md has {lines} lines; the detail belongs in docs/");
    }

    [Fact]
    public void Should_describe_the_administrators_scope_as_the_app_grants_it_the_installation_and_no_case_data()
    {
        var row = RepositoryFiles.Lines(Path.Combine(RepositoryFiles.Root, "README.md")).Single(l => l.StartsWith("| `admin` |", StringComparison.Ordinal));

        Assert.DoesNotContain("everything", row, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no case data", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_describe_what_is_there_never_a_shipped_feature_as_coming()
    {
        var stale = RepositoryFiles.Documents()
            .SelectMany(document => Prose(document).Select((line, i) => (document, line, i)))
            .Where(x => StaleProse().IsMatch(x.line))
            .Select(x => $"{RepositoryFiles.Relative(x.document)}: {StaleProse().Match(x.line).Value} — {x.line.Trim()}")
            .ToList();

        Assert.Empty(stale);
    }

    [Theory]
    [InlineData("The outbox is meant to send SMS.")]
    [InlineData("the coming published reports")]
    [InlineData("Exports will be added in a later version.")]
    [InlineData("Webhooks are not yet implemented.")]
    [InlineData("预警将在下一版本上线")]
    [InlineData("TODO: describe")]
    public void The_stale_prose_rule_catches_what_it_is_meant_to(string text) => Assert.Matches(StaleProse(), text);

    [Fact]
    public void Should_say_each_thing_once_no_heading_or_long_sentence_repeated_within_a_page()
    {
        var repeated = RepositoryFiles.Documents()
            .SelectMany(document =>
            {
                var prose = Prose(document).ToList();
                var headings = prose.Where(l => l.StartsWith('#')).GroupBy(l => l.Trim()).Where(g => g.Count() > 1).Select(g => g.Key);
                var sentences = string.Join(" ", prose.Where(l => !l.StartsWith('|')).Select(l => l.Trim()))
                    .Split(['.', '。', ';', '；'], StringSplitOptions.TrimEntries)
                    .Where(s => s.Length >= 60)
                    .GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key);
                return headings.Concat(sentences).Select(text => $"{RepositoryFiles.Relative(document)}: {text}");
            })
            .ToList();

        Assert.Empty(repeated);
    }

    [Fact]
    public void Should_name_in_security_md_only_tests_that_exist()
    {
        // Each promise names the tests that hold it: a renamed or deleted test must not leave a promise unheld.
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var named = CodeSpans(Path.Combine(RepositoryFiles.Root, "SECURITY.md"))
            .Select(span => TestName().Match(span))
            .Where(match => match.Success)
            .ToList();

        var missing = named
            .Where(match =>
            {
                var owner = sources.Where(source => Regex.IsMatch(source, $@"\bclass {match.Groups["class"].Value}\b")).ToList();
                return owner.Count == 0
                    || (match.Groups["method"].Success && !owner.Any(source => source.Contains($" {match.Groups["method"].Value}(", StringComparison.Ordinal)));
            })
            .Select(match => match.Value)
            .ToList();

        Assert.True(named.Count >= 40, $"only {named.Count} tests named in SECURITY.md");
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_link_every_page_of_docs_from_the_readme()
    {
        var readme = Path.Combine(RepositoryFiles.Root, "README.md");
        var linked = LinkTargets(readme).Select(target => Path.GetFullPath(Path.Combine(RepositoryFiles.Root, target))).ToHashSet();
        var pages = RepositoryFiles.Documents().Where(page => page != readme).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(linked.Contains(page), $"README.md does not link {RepositoryFiles.Relative(page)}"));
    }

    [Fact]
    public void Should_point_every_link_and_file_path_in_the_readme_and_docs_at_a_file_in_the_repository()
    {
        // A link is read from its page's folder. A path in backticks may also be written from the
        // repository root or the web project (`Domain/Matter.cs`), whichever holds it; names without
        // a folder are left to the reader.
        var projectRoots = new[] { RepositoryFiles.Root, Path.Combine(RepositoryFiles.Root, "src", "ExecutionHub.Web") };
        var broken = RepositoryFiles.Documents()
            .SelectMany(document =>
            {
                var folder = Path.GetDirectoryName(document)!;
                var links = LinkTargets(document)
                    .Where(target => !Exists(Path.Combine(folder, target)))
                    .Select(target => $"{RepositoryFiles.Relative(document)}: ({target})");
                var paths = CodeSpans(document)
                    .Where(span => FilePath().IsMatch(span))
                    .Where(span => !projectRoots.Prepend(folder).Any(root => Exists(Path.Combine(root, span))))
                    .Select(span => $"{RepositoryFiles.Relative(document)}: `{span}`");
                return links.Concat(paths);
            })
            .ToList();

        Assert.Empty(broken);
    }

    [Fact]
    public void Should_see_links_and_paths_in_markdown_outside_code_blocks()
    {
        var page = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.md");
        File.WriteAllLines(page,
        [
            "See [the map](docs/architecture.md#rules \"title\"), [site](https://example.org) and [top](#top).",
            "[ref]: ../outside.md",
            "The rule lives in `Domain/Matter.cs`; the page is at `/dashboard`.",
            "```",
            "[not a link](nowhere.md) `Not/A/Span.cs`",
            "```",
        ]);
        try
        {
            Assert.Equal(["docs/architecture.md", "../outside.md"], LinkTargets(page));
            Assert.Equal(["Domain/Matter.cs", "/dashboard"], CodeSpans(page));
            Assert.Matches(FilePath(), "Domain/Matter.cs");
            Assert.DoesNotMatch(FilePath(), "/openapi/v1.json");
            Assert.False(Exists(page), "a file outside the repository does not count, even when it is there");
            Assert.True(Exists(Path.Combine(RepositoryFiles.Root, "docs", "..", "README.md")));
        }
        finally
        {
            File.Delete(page);
        }
    }

    /// <summary>Relative targets of inline and reference links, anchors and queries cut off; web addresses left out.</summary>
    private static List<string> LinkTargets(string document) =>
        Prose(document)
            .SelectMany(line => InlineLink().Matches(line).Concat(ReferenceLink().Matches(line)))
            .Select(match => match.Groups["target"].Value)
            .Where(target => !target.StartsWith('#') && !Scheme().IsMatch(target))
            .Select(target => Uri.UnescapeDataString(target.Split('#', '?')[0]))
            .ToList();

    private static List<string> CodeSpans(string document) =>
        Prose(document).SelectMany(line => CodeSpan().Matches(line)).Select(match => match.Groups["code"].Value).ToList();

    /// <summary>The lines outside fenced code blocks: a block is an example, not a reference.</summary>
    private static IEnumerable<string> Prose(string document)
    {
        var fenced = false;
        foreach (var line in RepositoryFiles.Lines(document))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced)
            {
                yield return line;
            }
        }
    }

    /// <summary>Words that announce a feature instead of describing it: the README said "meant to send" of a sender that shipped.</summary>
    [GeneratedRegex("""\bmeant to\b|\bthe coming\b|coming soon|will be (added|available|shipped|built)|(later|future|next) (version|release)|not yet (built|implemented|available)|\bTODO\b|后续版本|下一版本|将在.{0,10}上线|敬请期待""", RegexOptions.IgnoreCase)]
    private static partial Regex StaleProse();

    [GeneratedRegex(@"^(?<class>[A-Z][A-Za-z0-9]*Tests)(\.(?<method>[A-Za-z0-9_]+))?$")]
    private static partial Regex TestName();

    /// <summary>A file or folder that is there and inside the repository.</summary>
    private static bool Exists(string path) =>
        RepositoryFiles.IsInside(path) && (File.Exists(path) || Directory.Exists(path));

    [GeneratedRegex(@"\[(?:[^\]\\]|\\.)*\]\(\s*<?(?<target>[^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*<?(?<target>[^\s>]+)>?")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    /// <summary>A relative path with a folder, naming a source or document file (not a URL, not a runtime file such as a database).</summary>
    [GeneratedRegex(@"^(?!/)[\w.\-]+(/[\w.\-]+)+\.(cs|razor|md|json|props|resx|csproj|sln|sh|yml|yaml|css|js)$")]
    private static partial Regex FilePath();
}
