using System.Text;

namespace ExecutionHub.Tests.Repository;

/// <summary>
/// The repository as a reader gets it: the folder holding ExecutionHub.sln, found by walking up
/// from the test's binaries, and its text files. It walks the tree rather than asking git so the
/// tests also run on an exported copy; what .gitignore keeps out (build output, local data,
/// benchmark artifacts) is skipped because it is never committed.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly HashSet<string> UncommittedFolders =
        new(["bin", "obj", ".git", ".vs", "data", "TestResults", "screenshots", "BenchmarkDotNet.Artifacts"], StringComparer.Ordinal);

    public static string Root { get; } = FindRoot();

    /// <summary>Repository-relative path with forward slashes, as a reader would write it.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>Every file that is not binary (no NUL byte), outside the folders nobody commits.</summary>
    public static IEnumerable<string> TextFiles() => Walk(Root).Where(IsText);

    /// <summary>README.md and every page under docs/.</summary>
    public static IEnumerable<string> Documents()
    {
        yield return Path.Combine(Root, "README.md");
        yield return Path.Combine(Root, "SECURITY.md");
        var docs = Path.Combine(Root, "docs");
        if (Directory.Exists(docs))
        {
            foreach (var page in Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                yield return page;
            }
        }
    }

    public static string[] Lines(string file) => File.ReadAllLines(file, Encoding.UTF8);

    public static bool IsInside(string path)
    {
        var full = Path.GetFullPath(path);
        return full == Root || full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            // A worktree's .git is a file naming where git keeps it: machinery, not content.
            if (Path.GetFileName(file) != ".git")
            {
                yield return file;
            }
        }

        foreach (var child in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (!UncommittedFolders.Contains(Path.GetFileName(child)))
            {
                foreach (var file in Walk(child))
                {
                    yield return file;
                }
            }
        }
    }

    private static bool IsText(string file)
    {
        using var stream = File.OpenRead(file);
        var head = new byte[8192];
        var read = stream.Read(head, 0, head.Length);
        return Array.IndexOf(head, (byte)0, 0, read) < 0;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ExecutionHub.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ExecutionHub.sln above {AppContext.BaseDirectory}");
    }
}
