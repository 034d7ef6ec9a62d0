using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ExecutionHub.Web.Infrastructure.Mediator;

namespace ExecutionHub.Web.Infrastructure.Storage;

/// <summary>What the store kept: the key to read it back, its SHA-256 (lower-case hex) and its size.</summary>
public sealed record StoredEvidence(string Key, string Sha256, long SizeBytes);

/// <summary>
/// Where evidence bytes live. Provider-neutral on purpose: a deployment may swap the file-system
/// store for object storage; callers know only opaque keys.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>The largest file accepted, in bytes.</summary>
    long MaxBytes { get; }

    /// <summary>Stores <paramref name="content"/> under a new random key, hashing it on the way; refuses it whole if it is too large.</summary>
    Task<StoredEvidence> SaveAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file for reading; <see cref="FileNotFoundException"/> when the key holds nothing.</summary>
    Stream OpenRead(string key);

    /// <summary>Removes a stored file; a key that holds nothing is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

public sealed class EvidenceStorageOptions
{
    public const string Section = "Storage";

    /// <summary>The folder for evidence; a relative path is resolved against the content root.</summary>
    public string EvidencePath { get; set; } = "data/evidence";

    public long MaxEvidenceBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// Keeps evidence on the local file system, outside wwwroot, under keys like <c>2026/11/{guid}</c>
/// that reveal nothing about the matter or the file. Bytes go to a temporary file first and are
/// moved into place only when complete and within the size limit, so no half file is ever readable.
/// </summary>
public sealed partial class EvidenceStore : IEvidenceStore
{
    private const string TempFolder = ".incoming";
    private readonly TimeProvider clock;

    public EvidenceStore(EvidenceStorageOptions options, string contentRoot, TimeProvider clock)
    {
        this.clock = clock;
        MaxBytes = options.MaxEvidenceBytes;
        RootPath = Path.GetFullPath(Path.IsPathRooted(options.EvidencePath) ? options.EvidencePath : Path.Combine(contentRoot, options.EvidencePath));
        var webRoot = Path.GetFullPath(Path.Combine(contentRoot, "wwwroot")) + Path.DirectorySeparatorChar;
        if ((RootPath + Path.DirectorySeparatorChar).StartsWith(webRoot, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:EvidencePath must not be under wwwroot (it is {RootPath}): evidence would be served to anyone.");
        }
    }

    /// <summary>The folder that holds the files (for tests and operators).</summary>
    public string RootPath { get; }

    public long MaxBytes { get; }

    public async Task<StoredEvidence> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > MaxBytes)
        {
            throw TooLarge();
        }

        var now = clock.GetUtcNow();
        var key = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}";
        var incoming = Path.Combine(RootPath, TempFolder);
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            var (sha256, size) = await CopyHashedAsync(content, temp, cancellationToken);
            var final = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(temp, final);
            return new StoredEvidence(key, sha256, size);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Stream OpenRead(string key) =>
        new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>Copies in chunks, hashing and counting as it goes: the file is never held in memory whole.</summary>
    private async Task<(string Sha256, long Size)> CopyHashedAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            long size = 0;
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > MaxBytes)
                {
                    throw TooLarge();
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
            return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static RequestRefusedException TooLarge() => new("Rule.Evidence.TooLarge");

    /// <summary>Keys come from this store only; anything else (a "../" included) is refused before touching the disk.</summary>
    private string PathOf(string key) =>
        KeyFormat().IsMatch(key)
            ? Path.Combine(RootPath, key.Replace('/', Path.DirectorySeparatorChar))
            : throw new ArgumentException($"Not an evidence key: {key}", nameof(key));

    [GeneratedRegex("^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}$")]
    private static partial Regex KeyFormat();
}

public static class EvidenceStorageServices
{
    public static IServiceCollection AddEvidenceStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(EvidenceStorageOptions.Section).Get<EvidenceStorageOptions>() ?? new EvidenceStorageOptions();
        services.AddSingleton<IEvidenceStore>(sp => new EvidenceStore(options, contentRoot, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
