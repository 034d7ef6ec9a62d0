using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ExecutionHub.Tests.Infrastructure.Storage;

public sealed class EvidenceStoreTests : IDisposable
{
    private readonly string contentRoot = Path.Combine(Path.GetTempPath(), "executionhub-tests", "store-" + Guid.NewGuid().ToString("N"));

    private EvidenceStore Store(string path = "data/evidence", long max = 100) =>
        new(new EvidenceStorageOptions { EvidencePath = path, MaxEvidenceBytes = max }, contentRoot, new FakeTimeProvider(TestApp.Start));

    [Fact]
    public void A_relative_path_is_resolved_against_the_content_root()
    {
        Assert.Equal(Path.Combine(contentRoot, "data", "evidence"), Store().RootPath);
    }

    [Theory]
    [InlineData("wwwroot/evidence")]
    [InlineData("wwwroot")]
    [InlineData("./wwwroot/../wwwroot/uploads")]
    public void A_folder_under_wwwroot_is_refused_at_startup(string path)
    {
        Assert.Throws<InvalidOperationException>(() => Store(path));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("2026/11/../../../secret")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void A_key_the_store_did_not_make_is_refused_before_touching_the_disk(string key)
    {
        Assert.Throws<ArgumentException>(() => Store().OpenRead(key));
    }

    [Fact]
    public async Task A_stream_longer_than_the_limit_leaves_no_file_behind()
    {
        var store = Store(max: 10);

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => store.SaveAsync(new NonSeekable(new byte[11]), CancellationToken.None));

        Assert.Equal("Rule.Evidence.TooLarge", refused.MessageKey);
        Assert.Empty(Directory.EnumerateFiles(store.RootPath, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_stored_file_reads_back_as_written()
    {
        var store = Store();

        var stored = await store.SaveAsync(new MemoryStream([1, 2, 3]), CancellationToken.None);
        await using var read = store.OpenRead(stored.Key);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal([1, 2, 3], copy.ToArray());
        Assert.Equal(3, stored.SizeBytes);
        Assert.Equal("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", stored.Sha256);
    }

    public void Dispose()
    {
        if (Directory.Exists(contentRoot))
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
