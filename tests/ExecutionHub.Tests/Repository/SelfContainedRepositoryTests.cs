namespace ExecutionHub.Tests.Repository;

/// <summary>
/// The repository stands alone: a reader who has only it must not be sent to a file beside it
/// (the workspace's shared folder, its brief, its conventions). The project's own versions live in docs/.
/// </summary>
public sealed class SelfContainedRepositoryTests
{
    // Ordinal: docs/conventions.md is the repository's own page; the outside files are spelled in capitals.
    private static readonly string[] OutsideReferences = ["../shared", "/work/shared", "BRIEF.md", "CONVENTIONS.md"];

    // This file has to spell the references out to look for them.
    private const string ThisFile = "tests/ExecutionHub.Tests/Repository/SelfContainedRepositoryTests.cs";

    [Fact]
    public void Should_refer_to_no_file_outside_the_repository()
    {
        var offenders = RepositoryFiles.TextFiles()
            .Where(file => RepositoryFiles.Relative(file) != ThisFile)
            .SelectMany(file => RepositoryFiles.Lines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(x => OutsideReferences.Any(reference => x.line.Contains(reference, StringComparison.Ordinal)))
            .Select(x => $"{RepositoryFiles.Relative(x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Should_find_the_repository_and_read_its_sources()
    {
        // Guards the test above against passing because it read nothing.
        var files = RepositoryFiles.TextFiles().Select(RepositoryFiles.Relative).ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("Directory.Build.props", files);
        Assert.Contains("src/ExecutionHub.Web/Program.cs", files);
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
    }
}
